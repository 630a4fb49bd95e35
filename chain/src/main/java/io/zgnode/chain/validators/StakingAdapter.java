package io.zgnode.chain.validators;

import io.zgnode.evm.types.Address;
import io.zgnode.slashing.signing.ConsAddress;
import io.zgnode.slashing.staking.BondStatus;
import io.zgnode.slashing.staking.StakingView;
import io.zgnode.slashing.staking.ValidatorRef;
import io.zgnode.staking.BlockInfo;
import io.zgnode.staking.Staking;
import io.zgnode.staking.math.Dec;
import io.zgnode.staking.validator.Validator;
import java.math.BigInteger;
import java.util.Objects;
import java.util.Optional;

/** The staking module as the slashing module sees it, over the same block state. */
public final class StakingAdapter implements StakingView {
  private final Staking staking;

  public StakingAdapter(Staking staking) {
    this.staking = Objects.requireNonNull(staking, "staking");
  }

  @Override
  public Optional<ValidatorRef> byConsensusAddress(ConsAddress consAddress) {
    return staking.validatorByConsensusAddress(consAddress.bytesUnsafe()).map(StakingAdapter::ref);
  }

  @Override
  public Optional<ValidatorRef> byOperator(Address operator) {
    return staking.validator(operator).map(StakingAdapter::ref);
  }

  @Override
  public BigInteger slash(
      ConsAddress consAddress,
      long infractionHeight,
      long powerAtInfraction,
      Dec fraction,
      long height,
      long time) {
    return staking.slash(
        consAddress.toArray(),
        infractionHeight,
        powerAtInfraction,
        fraction,
        new BlockInfo(height, time));
  }

  @Override
  public void jail(ConsAddress consAddress) {
    staking.jail(consAddress.toArray());
  }

  @Override
  public void unjail(Address operator) {
    staking.unjail(operator);
  }

  @Override
  public Optional<BigInteger> selfDelegation(Address operator) {
    Optional<Validator> v = staking.validator(operator);
    if (v.isEmpty()) {
      return Optional.empty();
    }
    return staking
        .delegation(operator, operator)
        .map(d -> v.get().tokensFromShares(d.shares()).truncateInt());
  }

  static ValidatorRef ref(Validator v) {
    BondStatus status =
        switch (v.status()) {
          case BONDED -> BondStatus.BONDED;
          case UNBONDING -> BondStatus.UNBONDING;
          case UNBONDED -> BondStatus.UNBONDED;
        };
    return new ValidatorRef(
        v.operator(),
        ConsAddress.of(v.consensusAddress()),
        v.tokens(),
        v.jailed(),
        status,
        v.minSelfDelegation());
  }
}
