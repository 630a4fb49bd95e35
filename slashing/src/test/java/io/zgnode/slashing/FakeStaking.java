package io.zgnode.slashing;

import io.zgnode.evm.types.Address;
import io.zgnode.slashing.signing.ConsAddress;
import io.zgnode.slashing.staking.BondStatus;
import io.zgnode.slashing.staking.StakingView;
import io.zgnode.slashing.staking.ValidatorRef;
import io.zgnode.staking.math.Dec;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A staking module stand-in that keeps validators in memory and records every call. */
final class FakeStaking implements StakingView {
  static final BigInteger TOKEN = BigInteger.TEN.pow(18);

  /** A recorded slash. */
  record SlashCall(
      ConsAddress address,
      long infractionHeight,
      long power,
      Dec fraction,
      long height,
      long time) {}

  static final class Val {
    final Address operator;
    final ConsAddress cons;
    BigInteger tokens;
    boolean jailed;
    BondStatus status = BondStatus.BONDED;
    BigInteger minSelfDelegation = TOKEN;
    BigInteger selfDelegation;

    Val(Address operator, ConsAddress cons, BigInteger tokens) {
      this.operator = operator;
      this.cons = cons;
      this.tokens = tokens;
      this.selfDelegation = tokens;
    }

    ValidatorRef ref() {
      return new ValidatorRef(operator, cons, tokens, jailed, status, minSelfDelegation);
    }
  }

  final Map<ConsAddress, Val> byCons = new TreeMap<>();
  final Map<Address, Val> byOperator = new TreeMap<>();
  final List<SlashCall> slashes = new ArrayList<>();
  final List<ConsAddress> jails = new ArrayList<>();
  final List<Address> unjails = new ArrayList<>();

  /** Validator number {@code i}: operator 0x..i, consensus address 0xc0..i, power {@code power}. */
  Val add(int i, long power) {
    Address op = Address.fromLong(0x1000 + i);
    byte[] c = new byte[ConsAddress.LENGTH];
    c[0] = (byte) 0xc0;
    c[18] = (byte) (i >>> 8);
    c[19] = (byte) i;
    Val v = new Val(op, ConsAddress.of(c), TOKEN.multiply(BigInteger.valueOf(power)));
    byCons.put(v.cons, v);
    byOperator.put(op, v);
    return v;
  }

  static ConsAddress cons(int i) {
    byte[] c = new byte[ConsAddress.LENGTH];
    c[0] = (byte) 0xc0;
    c[18] = (byte) (i >>> 8);
    c[19] = (byte) i;
    return ConsAddress.of(c);
  }

  @Override
  public Optional<ValidatorRef> byConsensusAddress(ConsAddress consAddress) {
    return Optional.ofNullable(byCons.get(consAddress)).map(Val::ref);
  }

  @Override
  public Optional<ValidatorRef> byOperator(Address operator) {
    return Optional.ofNullable(byOperator.get(operator)).map(Val::ref);
  }

  @Override
  public BigInteger slash(
      ConsAddress consAddress,
      long infractionHeight,
      long powerAtInfraction,
      Dec fraction,
      long height,
      long time) {
    slashes.add(
        new SlashCall(consAddress, infractionHeight, powerAtInfraction, fraction, height, time));
    Val v = byCons.get(consAddress);
    BigInteger amount =
        Dec.of(TOKEN.multiply(BigInteger.valueOf(powerAtInfraction)))
            .mulTruncate(fraction)
            .truncateInt()
            .min(v.tokens);
    v.tokens = v.tokens.subtract(amount);
    return amount;
  }

  @Override
  public void jail(ConsAddress consAddress) {
    jails.add(consAddress);
    byCons.get(consAddress).jailed = true;
  }

  @Override
  public void unjail(Address operator) {
    unjails.add(operator);
    byOperator.get(operator).jailed = false;
  }

  @Override
  public Optional<BigInteger> selfDelegation(Address operator) {
    Val v = byOperator.get(operator);
    return v == null ? Optional.empty() : Optional.ofNullable(v.selfDelegation);
  }
}
