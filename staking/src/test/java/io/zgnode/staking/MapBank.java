package io.zgnode.staking;

import io.zgnode.evm.types.Address;
import java.math.BigInteger;
import java.util.Map;
import java.util.TreeMap;

/** A map-backed bank for tests; tracks the supply so tests can check that nothing leaks. */
public final class MapBank implements Bank {
  private final Map<Address, BigInteger> balances = new TreeMap<>();
  private BigInteger minted = BigInteger.ZERO;
  private BigInteger burned = BigInteger.ZERO;
  private final Map<Address, BigInteger> rewardsPaid = new TreeMap<>();

  @Override
  public BigInteger balance(Address account) {
    return balances.getOrDefault(account, BigInteger.ZERO);
  }

  @Override
  public void transfer(Address from, Address to, BigInteger amount) {
    if (amount.signum() < 0) {
      throw new IllegalArgumentException("negative transfer " + amount);
    }
    BigInteger b = balance(from);
    if (b.compareTo(amount) < 0) {
      throw new IllegalStateException(
          "bank: " + from + " holds " + b + ", cannot transfer " + amount);
    }
    balances.put(from, b.subtract(amount));
    balances.put(to, balance(to).add(amount));
    if (from.equals(ModuleAccounts.DISTRIBUTION)) {
      rewardsPaid.merge(to, amount, BigInteger::add);
    }
  }

  /** Everything the distribution account paid to {@code to} (rewards and commission). */
  public BigInteger rewardsPaid(Address to) {
    return rewardsPaid.getOrDefault(to, BigInteger.ZERO);
  }

  @Override
  public void mint(Address to, BigInteger amount) {
    balances.put(to, balance(to).add(amount));
    minted = minted.add(amount);
  }

  @Override
  public void burn(Address from, BigInteger amount) {
    BigInteger b = balance(from);
    if (b.compareTo(amount) < 0) {
      throw new IllegalStateException("bank: " + from + " holds " + b + ", cannot burn " + amount);
    }
    balances.put(from, b.subtract(amount));
    burned = burned.add(amount);
  }

  public void set(Address account, BigInteger amount) {
    balances.put(account, amount);
  }

  public BigInteger minted() {
    return minted;
  }

  public BigInteger burned() {
    return burned;
  }

  public BigInteger total() {
    return balances.values().stream().reduce(BigInteger.ZERO, BigInteger::add);
  }

  public Map<Address, BigInteger> snapshot() {
    return new TreeMap<>(balances);
  }
}
