package io.zgnode.staking.delegation;

import java.math.BigInteger;

/**
 * Tokens on their way out of a validator. {@code initialBalance} is what was undelegated (slashes
 * are computed on it); {@code balance} is what is left after slashes and is paid out at {@code
 * completionTime}.
 */
public record UnbondingEntry(
    long creationHeight, long completionTime, BigInteger initialBalance, BigInteger balance) {
  /** Mature at block time {@code now} when its completion time is not after it (SDK IsMature). */
  public boolean isMature(long now) {
    return completionTime <= now;
  }
}
