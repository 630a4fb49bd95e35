package io.zgnode.slashing.signing;

import java.util.Objects;

/**
 * A validator's liveness record (the Cosmos SDK's ValidatorSigningInfo).
 *
 * @param address the consensus address
 * @param startHeight the height at which the validator was (last) bonded; the window is only
 *     enforced once {@code startHeight + window} has passed
 * @param indexOffset blocks counted since the start (or the last downtime jail); the bitmap index
 *     of the next block is {@code indexOffset % window}
 * @param jailedUntil block time (seconds) before which an unjail is refused
 * @param tombstoned set for ever by a double sign
 * @param missedBlocksCounter the number of set bits in the missed-blocks bitmap
 */
public record SigningInfo(
    ConsAddress address,
    long startHeight,
    long indexOffset,
    long jailedUntil,
    boolean tombstoned,
    long missedBlocksCounter) {
  public SigningInfo {
    Objects.requireNonNull(address, "address");
    requireNonNegative(startHeight, "start height", address);
    requireNonNegative(indexOffset, "index offset", address);
    requireNonNegative(jailedUntil, "jailed-until time", address);
    requireNonNegative(missedBlocksCounter, "missed blocks counter", address);
  }

  /** The record of a validator bonded at {@code height} for the first time. */
  public static SigningInfo fresh(ConsAddress address, long height) {
    return new SigningInfo(address, height, 0, 0, false, 0);
  }

  public SigningInfo withStartHeight(long height) {
    return new SigningInfo(
        address, height, indexOffset, jailedUntil, tombstoned, missedBlocksCounter);
  }

  public SigningInfo withIndexOffset(long offset) {
    return new SigningInfo(
        address, startHeight, offset, jailedUntil, tombstoned, missedBlocksCounter);
  }

  public SigningInfo withMissedBlocksCounter(long missed) {
    return new SigningInfo(address, startHeight, indexOffset, jailedUntil, tombstoned, missed);
  }

  public SigningInfo withJailedUntil(long time) {
    return new SigningInfo(
        address, startHeight, indexOffset, time, tombstoned, missedBlocksCounter);
  }

  public SigningInfo tombstone() {
    return new SigningInfo(
        address, startHeight, indexOffset, jailedUntil, true, missedBlocksCounter);
  }

  private static void requireNonNegative(long v, String what, ConsAddress address) {
    if (v < 0) {
      throw new IllegalArgumentException(
          "signing info of " + address + ": " + what + " must not be negative, got " + v);
    }
  }
}
