package io.zgnode.staking;

/**
 * The block an operation runs in: its height and its time in seconds since the epoch (CometBFT's
 * block time, never the wall clock).
 */
public record BlockInfo(long height, long time) {
  public BlockInfo {
    if (height < 0) {
      throw new IllegalArgumentException("height must not be negative: " + height);
    }
    if (time < 0) {
      throw new IllegalArgumentException("time must not be negative: " + time);
    }
  }
}
