package io.zgnode.slashing.block;

import io.zgnode.slashing.signing.ConsAddress;
import java.util.Objects;

/**
 * One entry of FinalizeBlock's {@code misbehavior} list.
 *
 * @param validator the offender's consensus address
 * @param validatorPower the offender's power at {@code height}, as CometBFT reports it
 * @param height the infraction height
 * @param time the block time at the infraction height, seconds
 * @param totalVotingPower the total power of the set at {@code height} (informational)
 */
public record Misbehavior(
    MisbehaviorType type,
    ConsAddress validator,
    long validatorPower,
    long height,
    long time,
    long totalVotingPower) {
  public Misbehavior {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(validator, "validator");
    if (validatorPower < 0) {
      throw new IllegalArgumentException(
          "misbehavior of " + validator + " has negative validator power " + validatorPower);
    }
    if (height < 1) {
      throw new IllegalArgumentException(
          "misbehavior of " + validator + " has infraction height " + height + " (must be >= 1)");
    }
    if (totalVotingPower < 0) {
      throw new IllegalArgumentException(
          "misbehavior of " + validator + " has negative total voting power " + totalVotingPower);
    }
  }
}
