package io.zgnode.chain.sim;

import io.zgnode.evm.frame.HaltReason;
import io.zgnode.evm.processor.TransactionResult;
import io.zgnode.evm.types.Address;
import io.zgnode.evm.world.Log;
import java.util.List;

/**
 * How a simulated call ended.
 *
 * @param gasUsed the gas charged, after the refund (and the EIP-7623 floor)
 * @param refund the refund subtracted from it
 * @param output the return data (a creation's deployed code), or the revert data
 * @param logs the logs, empty unless it succeeded
 * @param contractAddress the created contract of a successful creation, else null
 * @param haltReason why the top frame halted exceptionally, else null
 * @param error geth's error text ("execution reverted", "out of gas", "invalid opcode: INVALID"),
 *     null on success
 */
public record CallResult(
    TransactionResult.Status status,
    long gasUsed,
    long refund,
    byte[] output,
    List<Log> logs,
    Address contractAddress,
    HaltReason haltReason,
    String error) {

  public CallResult {
    logs = List.copyOf(logs);
  }

  public boolean success() {
    return status == TransactionResult.Status.SUCCESS;
  }

  public boolean reverted() {
    return status == TransactionResult.Status.REVERT;
  }

  /**
   * The gas the execution needed before its refund: geth's MaxUsedGas, from which its estimator
   * derives its first guess. With the EIP-7623 floor in force this is an upper bound, which is all
   * the estimator needs.
   */
  public long peakGasUsed() {
    return gasUsed + refund;
  }

  /** The Error(string) or Panic(uint256) reason of a revert, or null. */
  public String revertReason() {
    return reverted() ? RevertReasons.decode(output) : null;
  }
}
