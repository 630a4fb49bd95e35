package io.zgnode.staking.delegation;

import io.zgnode.staking.math.Dec;
import java.math.BigInteger;

/**
 * Tokens moved to another validator: slashable for the source validator's faults until {@code
 * completionTime}. {@code sharesDst} are the destination shares the move created.
 */
public record RedelegationEntry(
    long creationHeight, long completionTime, BigInteger initialBalance, Dec sharesDst) {
  public boolean isMature(long now) {
    return completionTime <= now;
  }
}
