package io.zgnode.staking.validator;

import java.util.Objects;

/** A change to CometBFT's validator set: the key's new voting power (0 removes it). */
public record ValidatorUpdate(ConsensusKey pubKey, long power) {
  public ValidatorUpdate {
    Objects.requireNonNull(pubKey, "pubKey");
    if (power < 0) {
      throw new IllegalArgumentException("power must not be negative: " + power);
    }
  }
}
