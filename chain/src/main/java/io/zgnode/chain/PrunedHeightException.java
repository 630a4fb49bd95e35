package io.zgnode.chain;

/** The state of a height the node no longer keeps (below its retention window). */
public final class PrunedHeightException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final long height;
  private final long earliest;

  public PrunedHeightException(long height, long earliest) {
    super(
        "state at height "
            + height
            + " is pruned: this node keeps state from height "
            + earliest
            + " on ([state] retain-heights in app.toml); use an archive node");
    this.height = height;
    this.earliest = earliest;
  }

  public long height() {
    return height;
  }

  public long earliest() {
    return earliest;
  }
}
