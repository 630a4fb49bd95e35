package io.zgnode.staking.validator;

import io.zgnode.staking.StakingException;
import io.zgnode.staking.math.Dec;
import java.util.Objects;

/**
 * A validator's commission: the current rate, the maximum it can ever reach, the most it may rise
 * per change, and the block time of the last change (a change is allowed once per 24 hours).
 */
public record Commission(Dec rate, Dec maxRate, Dec maxChangeRate, long updateTime) {
  /** Seconds between two commission changes. */
  public static final long CHANGE_INTERVAL = 24L * 3600;

  public Commission {
    Objects.requireNonNull(rate, "rate");
    Objects.requireNonNull(maxRate, "maxRate");
    Objects.requireNonNull(maxChangeRate, "maxChangeRate");
  }

  /** The SDK's checks on a new validator's rates, in its order. */
  public void validateRates() {
    if (maxRate.isNegative()) {
      throw new StakingException("commission max rate must not be negative, got " + maxRate);
    }
    if (maxRate.gt(Dec.ONE)) {
      throw new StakingException("commission max rate cannot be more than 100%, got " + maxRate);
    }
    if (rate.isNegative()) {
      throw new StakingException("commission rate must not be negative, got " + rate);
    }
    if (rate.gt(maxRate)) {
      throw new StakingException(
          "commission rate " + rate + " cannot be more than the max rate " + maxRate);
    }
    if (maxChangeRate.isNegative()) {
      throw new StakingException(
          "commission max change rate must not be negative, got " + maxChangeRate);
    }
    if (maxChangeRate.gt(maxRate)) {
      throw new StakingException(
          "commission max change rate "
              + maxChangeRate
              + " cannot be more than the max rate "
              + maxRate);
    }
  }

  /**
   * The SDK's checks on a rate change at block time {@code now}: at most once per 24 hours, not
   * negative, not above the max rate, and not rising by more than the max change rate (a decrease
   * of any size is allowed, as in the SDK).
   */
  public Commission change(Dec newRate, long now) {
    if (now - updateTime < CHANGE_INTERVAL) {
      throw new StakingException(
          "commission cannot be changed more than once in 24h (last change at "
              + updateTime
              + ", next allowed at "
              + (updateTime + CHANGE_INTERVAL)
              + ")");
    }
    if (newRate.isNegative()) {
      throw new StakingException("commission rate must not be negative, got " + newRate);
    }
    if (newRate.gt(maxRate)) {
      throw new StakingException(
          "commission rate " + newRate + " cannot be more than the max rate " + maxRate);
    }
    if (newRate.sub(rate).gt(maxChangeRate)) {
      throw new StakingException(
          "commission rate change from "
              + rate
              + " to "
              + newRate
              + " exceeds the max change rate "
              + maxChangeRate);
    }
    return new Commission(newRate, maxRate, maxChangeRate, now);
  }
}
