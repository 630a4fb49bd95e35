package io.zgnode.slashing.block;

import io.zgnode.slashing.signing.ConsAddress;
import java.util.Objects;

/**
 * One entry of FinalizeBlock's {@code decided_last_commit}: a validator of the previous block's
 * set, its power then, and whether its precommit was included.
 */
public record VoteInfo(ConsAddress validator, long power, BlockIdFlag flag) {
  public VoteInfo {
    Objects.requireNonNull(validator, "validator");
    Objects.requireNonNull(flag, "flag");
    if (power < 0) {
      throw new IllegalArgumentException("vote of " + validator + " has negative power " + power);
    }
  }
}
