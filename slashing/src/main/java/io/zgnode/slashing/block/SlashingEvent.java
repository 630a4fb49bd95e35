package io.zgnode.slashing.block;

import io.zgnode.slashing.signing.ConsAddress;
import java.math.BigInteger;

/**
 * What begin-block did, in processing order, for the chain to turn into events (the Cosmos SDK
 * emits "liveness" and "slash" events) and for logs.
 */
public sealed interface SlashingEvent {
  ConsAddress validator();

  /** The validator's precommit was absent; {@code missedBlocks} is its counter after the block. */
  record Liveness(ConsAddress validator, long missedBlocks, long height) implements SlashingEvent {}

  /** Why a validator was slashed. */
  enum Reason {
    MISSING_SIGNATURE,
    DOUBLE_SIGN
  }

  /**
   * The validator was slashed and jailed.
   *
   * @param distributionHeight the height whose stake was slashed
   * @param burned the amount staking reported burned
   * @param jailedUntil seconds; far in the future for a double sign
   */
  record Slashed(
      ConsAddress validator,
      Reason reason,
      long power,
      long distributionHeight,
      BigInteger burned,
      long jailedUntil)
      implements SlashingEvent {}

  /** Evidence that was not acted on, and why. */
  record EvidenceIgnored(ConsAddress validator, long infractionHeight, String why)
      implements SlashingEvent {}
}
