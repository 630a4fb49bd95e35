package io.zgnode.chain;

/**
 * How a node runs its chain; local choices of the operator, not consensus parameters.
 *
 * @param allowUnprotectedTxs let legacy transactions without EIP-155 replay protection in
 * @param retainHeights how many recent heights' state stays queryable (0 = archive: all)
 */
public record ChainOptions(boolean allowUnprotectedTxs, long retainHeights) {
  public static final ChainOptions DEFAULT = new ChainOptions(false, 0);

  public ChainOptions {
    if (retainHeights < 0) {
      throw new IllegalArgumentException(
          "retain_heights must be >= 0 (0 = archive), got " + retainHeights);
    }
  }
}
