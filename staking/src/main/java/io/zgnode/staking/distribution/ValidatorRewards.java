package io.zgnode.staking.distribution;

import io.zgnode.staking.math.Dec;

/**
 * A validator's reward bookkeeping, kept in one record so a block writes one value per validator.
 *
 * @param period the current (open) F1 period
 * @param current rewards of delegators accrued in the current period
 * @param commission commission accumulated and not withdrawn
 * @param outstanding everything owed for this validator (delegator rewards of all periods plus
 *     commission) and not withdrawn
 */
public record ValidatorRewards(long period, Dec current, Dec commission, Dec outstanding) {
  public static final ValidatorRewards INITIAL =
      new ValidatorRewards(1, Dec.ZERO, Dec.ZERO, Dec.ZERO);
}
