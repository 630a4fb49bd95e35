package io.zgnode.evm.processor;

import io.zgnode.evm.tx.InvalidTransactionException;

/**
 * A transaction that cannot be included: invalid by the fork's static rules, or against the state
 * and block (nonce, balance, fees, gas allowance, sender with code). The state is unchanged.
 */
public final class TransactionRejectedException extends RuntimeException {
  /** Why the transaction was rejected. */
  public enum Reason {
    /** Broken static rule or unrecoverable sender: see {@link #staticReason()}. */
    INVALID,
    NONCE_TOO_LOW,
    NONCE_TOO_HIGH,
    /** The balance does not cover gasLimit * maxFeePerGas + value (+ blob gas * blob fee cap). */
    INSUFFICIENT_FUNDS,
    /** EIP-3607: the sender has code (other than an EIP-7702 designator). */
    SENDER_NOT_EOA,
    /** The fee cap is below the block's base fee. */
    FEE_CAP_BELOW_BASE_FEE,
    /** The blob fee cap is below the block's blob base fee. */
    BLOB_FEE_CAP_BELOW_BLOB_BASE_FEE,
    /** The gas limit is above what the block has left. */
    GAS_ALLOWANCE_EXCEEDED
  }

  private final Reason reason;
  private final InvalidTransactionException.Reason staticReason;

  public TransactionRejectedException(Reason reason, String message) {
    super(message);
    this.reason = reason;
    this.staticReason = null;
  }

  public TransactionRejectedException(InvalidTransactionException cause) {
    super(cause.getMessage(), cause);
    this.reason = Reason.INVALID;
    this.staticReason = cause.reason();
  }

  public Reason reason() {
    return reason;
  }

  /** For {@link Reason#INVALID}: the static rule broken; null otherwise. */
  public InvalidTransactionException.Reason staticReason() {
    return staticReason;
  }
}
