package io.zgnode.chain;

/** Thrown inside admission and execution to carry a {@link TxRejection} out of deep checks. */
public final class RejectedTxException extends Exception {
  private final transient TxRejection rejection;

  public RejectedTxException(TxCode code, String message) {
    super(message, null, false, false);
    this.rejection = new TxRejection(code, message);
  }

  public TxRejection rejection() {
    return rejection;
  }
}
