package io.zgnode.staking.validator;

import io.zgnode.evm.types.Address;
import io.zgnode.staking.StakingException;
import io.zgnode.staking.math.Dec;
import java.math.BigInteger;
import java.util.Objects;

/**
 * A validator: who runs it, its consensus key, its stake and the shares its delegators hold.
 *
 * <p>The exchange rate is tokens / delegator shares. Delegating {@code a} tokens issues {@code a *
 * shares / tokens} shares (truncated to 18 decimals); a slash lowers tokens and leaves the shares,
 * so every delegator loses the same fraction. Arithmetic mirrors the Cosmos SDK's.
 *
 * @param unbondingHeight the height at which the validator started unbonding (0 if never)
 * @param unbondingTime the block time at which its unbonding completes (0 if never)
 */
public record Validator(
    Address operator,
    ConsensusKey consensusKey,
    boolean jailed,
    ValidatorStatus status,
    BigInteger tokens,
    Dec delegatorShares,
    Description description,
    long unbondingHeight,
    long unbondingTime,
    Commission commission,
    BigInteger minSelfDelegation) {

  /** Tokens per unit of consensus power (the SDK's DefaultPowerReduction, 10^18). */
  public static final BigInteger POWER_REDUCTION = BigInteger.TEN.pow(18);

  private static final BigInteger MAX_POWER = BigInteger.valueOf(Long.MAX_VALUE);

  public Validator {
    Objects.requireNonNull(operator, "operator");
    Objects.requireNonNull(consensusKey, "consensusKey");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(tokens, "tokens");
    Objects.requireNonNull(delegatorShares, "delegatorShares");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(commission, "commission");
    Objects.requireNonNull(minSelfDelegation, "minSelfDelegation");
  }

  /** Power from the tokens whatever the status: tokens / 10^18, truncated. */
  public long potentialPower() {
    return tokensToPower(tokens);
  }

  /** Power in the consensus set: the potential power if bonded, else 0. */
  public long consensusPower() {
    return status == ValidatorStatus.BONDED ? potentialPower() : 0;
  }

  public static long tokensToPower(BigInteger tokens) {
    return tokens.divide(POWER_REDUCTION).min(MAX_POWER).longValue();
  }

  public boolean isBonded() {
    return status == ValidatorStatus.BONDED;
  }

  public boolean isUnbonding() {
    return status == ValidatorStatus.UNBONDING;
  }

  public boolean isUnbonded() {
    return status == ValidatorStatus.UNBONDED;
  }

  public byte[] consensusAddress() {
    return consensusKey.address();
  }

  /** Shares exist but no tokens back them (fully slashed): no delegation can price its shares. */
  public boolean invalidExchangeRate() {
    return tokens.signum() == 0 && delegatorShares.isPositive();
  }

  /** The tokens {@code shares} are worth, rounded half to even (SDK TokensFromShares). */
  public Dec tokensFromShares(Dec shares) {
    return shares.mulInt(tokens).quo(delegatorShares);
  }

  /** The tokens {@code shares} are worth, truncated (SDK TokensFromSharesTruncated). */
  public Dec tokensFromSharesTruncated(Dec shares) {
    return shares.mulInt(tokens).quoTruncate(delegatorShares);
  }

  /** The shares {@code amount} tokens buy at the current rate, truncated (SDK SharesFromTokens). */
  public Dec sharesFromTokens(BigInteger amount) {
    if (tokens.signum() == 0) {
      throw new StakingException("validator " + operator + " has no tokens to price shares");
    }
    return delegatorShares.mulInt(amount).quoInt(tokens);
  }

  /** The result of adding a delegation's tokens. */
  public record Added(Validator validator, Dec issuedShares) {}

  /** The result of removing delegator shares. */
  public record Removed(Validator validator, BigInteger tokens) {}

  /** Adds {@code amount} tokens and issues shares for them; the first delegation prices 1:1. */
  public Added addTokensFromDelegation(BigInteger amount) {
    Dec issued = delegatorShares.isZero() ? Dec.of(amount) : sharesFromTokens(amount);
    return new Added(withTokensAndShares(tokens.add(amount), delegatorShares.add(issued)), issued);
  }

  /**
   * Cancels {@code shares} and takes out the tokens they are worth, truncated; the excess stays
   * with the validator, and the last shares take every remaining token.
   */
  public Removed removeDelegatorShares(Dec shares) {
    Dec remaining = delegatorShares.sub(shares);
    BigInteger out;
    if (remaining.isZero()) {
      out = tokens;
    } else {
      out = tokensFromShares(shares).truncateInt();
      if (out.compareTo(tokens) > 0) {
        throw new IllegalStateException(
            "removing " + out + " tokens from validator " + operator + " holding " + tokens);
      }
    }
    return new Removed(withTokensAndShares(tokens.subtract(out), remaining), out);
  }

  public Validator withTokensAndShares(BigInteger newTokens, Dec newShares) {
    return new Validator(
        operator,
        consensusKey,
        jailed,
        status,
        newTokens,
        newShares,
        description,
        unbondingHeight,
        unbondingTime,
        commission,
        minSelfDelegation);
  }

  public Validator withTokens(BigInteger newTokens) {
    return withTokensAndShares(newTokens, delegatorShares);
  }

  public Validator withJailed(boolean newJailed) {
    return new Validator(
        operator,
        consensusKey,
        newJailed,
        status,
        tokens,
        delegatorShares,
        description,
        unbondingHeight,
        unbondingTime,
        commission,
        minSelfDelegation);
  }

  public Validator withStatus(ValidatorStatus newStatus, long newUnbondingHeight, long newTime) {
    return new Validator(
        operator,
        consensusKey,
        jailed,
        newStatus,
        tokens,
        delegatorShares,
        description,
        newUnbondingHeight,
        newTime,
        commission,
        minSelfDelegation);
  }

  public Validator withEdits(
      Description newDescription, Commission newCommission, BigInteger newMinSelfDelegation) {
    return new Validator(
        operator,
        consensusKey,
        jailed,
        status,
        tokens,
        delegatorShares,
        newDescription,
        unbondingHeight,
        unbondingTime,
        newCommission,
        newMinSelfDelegation);
  }
}
