package io.zgnode.evm.processor;

import io.zgnode.evm.frame.HaltReason;
import io.zgnode.evm.types.Address;
import io.zgnode.evm.world.Log;
import java.util.List;

/**
 * The outcome of an included transaction, as a receipt needs it.
 *
 * @param status how the transaction's frame ended
 * @param gasUsed the gas the sender paid for, after the refund and the EIP-7623 floor
 * @param refund the refund applied (already subtracted from gasUsed)
 * @param logs the logs, empty unless it succeeded
 * @param output the return data, or the revert data
 * @param contractAddress the created contract of a successful creation, else null
 * @param haltReason why it halted exceptionally, else null
 */
public record TransactionResult(
    Status status,
    long gasUsed,
    long refund,
    List<Log> logs,
    byte[] output,
    Address contractAddress,
    HaltReason haltReason) {
  /** How the transaction's frame ended. */
  public enum Status {
    SUCCESS,
    REVERT,
    EXCEPTIONAL_HALT
  }

  public TransactionResult {
    logs = List.copyOf(logs);
  }

  public boolean isSuccess() {
    return status == Status.SUCCESS;
  }
}
