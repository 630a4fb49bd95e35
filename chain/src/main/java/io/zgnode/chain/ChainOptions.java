package io.zgnode.chain;

/**
 * How a node runs its chain; local choices of the operator, not consensus parameters.
 *
 * <p>Retention: with {@code retainHeights} N > 0, only the state of the last N heights (those above
 * {@code latest - N}) is queryable; a query of an older height's state (balance, code, storage,
 * nonce, eth_call, proofs) fails with {@link PrunedHeightException}, which names the earliest
 * height kept. Blocks, transactions, receipts and logs stay available at every height. The limit is
 * logical for now: the old trie nodes stay on disk until physical pruning exists.
 *
 * @param allowUnprotectedTxs let legacy transactions without EIP-155 replay protection in
 * @param retainHeights how many recent heights' state stays queryable (0 = archive: all)
 */
public record ChainOptions(boolean allowUnprotectedTxs, long retainHeights) {
  public static final ChainOptions DEFAULT = new ChainOptions(false, 0);

  public ChainOptions {
    if (retainHeights < 0) {
      throw new IllegalArgumentException(
          "[state] retain-heights must be >= 0 (0 = archive), got " + retainHeights);
    }
  }
}
