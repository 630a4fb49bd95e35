package io.zgnode.staking.distribution;

import io.zgnode.evm.types.Address;
import io.zgnode.staking.Bank;
import io.zgnode.staking.ModuleAccounts;
import io.zgnode.staking.StakingException;
import io.zgnode.staking.delegation.Delegation;
import io.zgnode.staking.math.Dec;
import io.zgnode.staking.store.StakingStore;
import io.zgnode.staking.validator.Validator;
import java.math.BigInteger;
import java.util.List;

/**
 * Lazy ("F1") reward distribution as the Cosmos SDK's x/distribution does it. A block only adds to
 * each bonded validator's current rewards; a delegation's rewards are computed when it changes or
 * withdraws, as stake &times; (ratio at the end period &minus; ratio at its start period), where a
 * period's ratio is the cumulative reward per token of the validator. Delegation changes and
 * slashes end periods; slash events scale the stake between periods.
 *
 * <p>All reward tokens sit in {@link ModuleAccounts#DISTRIBUTION}. Nothing is created or lost: what
 * a block adds equals what validators are owed (outstanding) plus the community pool, and a
 * withdrawal moves its integer part to the delegator and its fraction to the community pool.
 */
public final class F1Distribution {
  /** Slash-scaled stake may exceed the current stake by this much from rounding (as the SDK). */
  private static final Dec STAKE_MARGIN = Dec.ofRaw(BigInteger.valueOf(3));

  private final StakingStore store;
  private final Bank bank;

  public F1Distribution(StakingStore store, Bank bank) {
    this.store = store;
    this.bank = bank;
  }

  public void initializeValidator(Address validator) {
    store.putHistoricalRewards(validator, 0, new HistoricalRewards(Dec.ZERO, 1));
    store.putValidatorRewards(validator, ValidatorRewards.INITIAL);
  }

  public ValidatorRewards rewards(Address validator) {
    ValidatorRewards vr = store.validatorRewards(validator);
    if (vr == null) {
      throw new IllegalStateException("no reward record for validator " + validator);
    }
    return vr;
  }

  /** Closes the validator's current period and opens the next; returns the closed period. */
  public long incrementPeriod(Validator v) {
    Address op = v.operator();
    ValidatorRewards vr = rewards(op);
    Dec perToken;
    Dec outstanding = vr.outstanding();
    if (v.tokens().signum() == 0) {
      // No tokens, no ratio: what accrued goes to the community pool (as the SDK does).
      store.putCommunityPool(store.communityPool().add(vr.current()));
      outstanding = outstanding.sub(vr.current());
      perToken = Dec.ZERO;
    } else {
      // Truncated so delegators can never withdraw more than was allocated.
      perToken = vr.current().quoTruncate(Dec.of(v.tokens()));
    }
    HistoricalRewards previous = historical(op, vr.period() - 1);
    decrementReferenceCount(op, vr.period() - 1);
    store.putHistoricalRewards(
        op, vr.period(), new HistoricalRewards(previous.cumulativeRatio().add(perToken), 1));
    store.putValidatorRewards(
        op, new ValidatorRewards(vr.period() + 1, Dec.ZERO, vr.commission(), outstanding));
    return vr.period();
  }

  private HistoricalRewards historical(Address op, long period) {
    HistoricalRewards h = store.historicalRewards(op, period);
    if (h == null) {
      throw new IllegalStateException("no historical rewards for " + op + " period " + period);
    }
    return h;
  }

  private void incrementReferenceCount(Address op, long period) {
    HistoricalRewards h = historical(op, period);
    store.putHistoricalRewards(
        op, period, new HistoricalRewards(h.cumulativeRatio(), h.referenceCount() + 1));
  }

  private void decrementReferenceCount(Address op, long period) {
    HistoricalRewards h = historical(op, period);
    if (h.referenceCount() <= 1) {
      store.removeHistoricalRewards(op, period);
    } else {
      store.putHistoricalRewards(
          op, period, new HistoricalRewards(h.cumulativeRatio(), h.referenceCount() - 1));
    }
  }

  /** Starts a delegation's accounting after it was created or changed ({@code v} is current). */
  public void initializeDelegation(Validator v, Address delegator, Dec shares, long height) {
    ValidatorRewards vr = rewards(v.operator());
    long previous = vr.period() - 1;
    incrementReferenceCount(v.operator(), previous);
    store.putStartingInfo(
        v.operator(),
        delegator,
        new StartingInfo(previous, v.tokensFromSharesTruncated(shares), height));
  }

  /** The rewards of {@code d} up to the closed period {@code endingPeriod}. */
  public Dec calculateRewards(Validator v, Delegation d, long endingPeriod, long height) {
    StartingInfo start = store.startingInfo(v.operator(), d.delegator());
    if (start == null) {
      throw new IllegalStateException(
          "no starting info for delegation " + d.delegator() + " -> " + v.operator());
    }
    long startingPeriod = start.previousPeriod();
    Dec stake = start.stake();
    Dec rewards = Dec.ZERO;
    if (height > start.height()) {
      for (SlashEvent e : store.slashEvents(v.operator(), start.height(), height)) {
        if (e.validatorPeriod() > startingPeriod) {
          rewards = rewards.add(between(v.operator(), startingPeriod, e.validatorPeriod(), stake));
          stake = stake.mulTruncate(Dec.ONE.sub(e.fraction()));
          startingPeriod = e.validatorPeriod();
        }
      }
    }
    // Per-period truncation can leave the replayed stake a few units above the current one.
    Dec current = v.tokensFromShares(d.shares());
    if (stake.gt(current)) {
      if (stake.compareTo(current.add(STAKE_MARGIN)) <= 0) {
        stake = current;
      } else {
        throw new IllegalStateException(
            "reward stake " + stake + " exceeds the delegation's current stake " + current);
      }
    }
    return rewards.add(between(v.operator(), startingPeriod, endingPeriod, stake));
  }

  private Dec between(Address op, long startingPeriod, long endingPeriod, Dec stake) {
    if (stake.isNegative()) {
      throw new IllegalStateException("negative stake " + stake);
    }
    Dec diff =
        historical(op, endingPeriod)
            .cumulativeRatio()
            .sub(historical(op, startingPeriod).cumulativeRatio());
    if (diff.isNegative()) {
      throw new IllegalStateException("reward ratio decreased between periods");
    }
    return diff.mulTruncate(stake);
  }

  /**
   * Pays {@code d}'s rewards to its delegator and ends its accounting (the caller re-initializes it
   * if the delegation goes on). Returns the tokens paid.
   */
  public BigInteger withdrawRewards(Validator v, Delegation d, long height) {
    StartingInfo start = store.startingInfo(v.operator(), d.delegator());
    if (start == null) {
      throw new IllegalStateException(
          "no starting info for delegation " + d.delegator() + " -> " + v.operator());
    }
    long ending = incrementPeriod(v);
    Dec raw = calculateRewards(v, d, ending, height);
    ValidatorRewards vr = rewards(v.operator());
    Dec owed = raw.min(vr.outstanding());
    BigInteger paid = owed.truncateInt();
    Dec remainder = owed.sub(Dec.of(paid));
    if (paid.signum() > 0) {
      bank.transfer(ModuleAccounts.DISTRIBUTION, d.delegator(), paid);
    }
    store.putValidatorRewards(
        v.operator(),
        new ValidatorRewards(
            vr.period(), vr.current(), vr.commission(), vr.outstanding().sub(owed)));
    if (remainder.isPositive()) {
      store.putCommunityPool(store.communityPool().add(remainder));
    }
    decrementReferenceCount(v.operator(), start.previousPeriod());
    store.removeStartingInfo(v.operator(), d.delegator());
    return paid;
  }

  /** Pays the integer part of the accumulated commission to the operator. */
  public BigInteger withdrawCommission(Validator v) {
    ValidatorRewards vr = rewards(v.operator());
    BigInteger paid = vr.commission().truncateInt();
    if (paid.signum() <= 0) {
      throw new StakingException("no validator commission to withdraw for " + v.operator());
    }
    Dec paidDec = Dec.of(paid);
    store.putValidatorRewards(
        v.operator(),
        new ValidatorRewards(
            vr.period(),
            vr.current(),
            vr.commission().sub(paidDec),
            vr.outstanding().sub(paidDec)));
    bank.transfer(ModuleAccounts.DISTRIBUTION, v.operator(), paid);
    return paid;
  }

  /** Records a slash of {@code fraction} of {@code v}'s stake at {@code height}. */
  public void beforeValidatorSlashed(Validator v, Dec fraction, long height) {
    long period = incrementPeriod(v);
    incrementReferenceCount(v.operator(), period);
    store.putSlashEvent(v.operator(), height, new SlashEvent(period, fraction));
  }

  /** A bonded validator and the power it had in the set the rewards are for. */
  public record Recipient(Validator validator, long power) {}

  /**
   * Splits {@code amount} tokens (already in the distribution account) across {@code recipients} by
   * power: the community tax and every truncation remainder go to the community pool; each
   * validator's share is split into commission and delegator rewards.
   */
  public void allocate(List<Recipient> recipients, BigInteger amount, Dec communityTax) {
    if (amount.signum() == 0) {
      return;
    }
    Dec total = Dec.of(amount);
    long totalPower = 0;
    for (Recipient r : recipients) {
      totalPower = Math.addExact(totalPower, r.power());
    }
    Dec remaining = total;
    if (totalPower > 0) {
      Dec forValidators = total.mulTruncate(Dec.ONE.sub(communityTax));
      Dec totalPowerDec = Dec.of(totalPower);
      for (Recipient r : recipients) {
        Dec fraction = Dec.of(r.power()).quoTruncate(totalPowerDec);
        Dec reward = forValidators.mulTruncate(fraction);
        allocateToValidator(r.validator(), reward);
        remaining = remaining.sub(reward);
      }
    }
    if (remaining.signum() != 0) {
      store.putCommunityPool(store.communityPool().add(remaining));
    }
  }

  /** Adds {@code tokens} to a validator: commission at its rate, the rest to its delegators. */
  public void allocateToValidator(Validator v, Dec tokens) {
    Dec commission = tokens.mul(v.commission().rate());
    Dec shared = tokens.sub(commission);
    ValidatorRewards vr = rewards(v.operator());
    store.putValidatorRewards(
        v.operator(),
        new ValidatorRewards(
            vr.period(),
            vr.current().add(shared),
            vr.commission().add(commission),
            vr.outstanding().add(tokens)));
  }
}
