package io.zgnode.jsonrpc.eth;

/**
 * The mempool's answer to a submitted transaction.
 *
 * @param code the CheckTx code (0 = accepted), or {@link #MEMPOOL_REFUSED} when the consensus
 *     engine refused the transaction before the application saw it (duplicate, full, too large)
 * @param log the reason, in geth's wording ("nonce too low: ...", "already known", "txpool is
 *     full"); empty when accepted
 */
public record BroadcastResult(int code, String log) {
  /** The code of a refusal by CometBFT's mempool itself rather than by CheckTx. */
  public static final int MEMPOOL_REFUSED = -1;

  public static final BroadcastResult ACCEPTED = new BroadcastResult(0, "");

  public BroadcastResult {
    log = log == null ? "" : log;
  }

  public static BroadcastResult refused(int code, String log) {
    if (code == 0) {
      throw new IllegalArgumentException("a refusal needs a non-zero code");
    }
    return new BroadcastResult(code, log);
  }

  public boolean accepted() {
    return code == 0;
  }
}
