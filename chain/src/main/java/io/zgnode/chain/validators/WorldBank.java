package io.zgnode.chain.validators;

import io.zgnode.evm.types.Address;
import io.zgnode.staking.Bank;
import io.zgnode.state.world.Account;
import io.zgnode.state.world.WorldUpdater;
import java.math.BigInteger;
import java.util.Objects;

/**
 * The staking module's {@link Bank} over the block's world state: tokens are EVM native balances,
 * so stake and rewards move in the same state (and the same state root) as transactions.
 */
public final class WorldBank implements Bank {
  private final WorldUpdater world;

  public WorldBank(WorldUpdater world) {
    this.world = Objects.requireNonNull(world, "world");
  }

  @Override
  public BigInteger balance(Address account) {
    Account a = world.account(Objects.requireNonNull(account, "account"));
    return a == null ? BigInteger.ZERO : a.balance();
  }

  @Override
  public void transfer(Address from, Address to, BigInteger amount) {
    requireAmount(amount);
    requireFunds("transfer", from, amount);
    if (amount.signum() == 0 || from.equals(to)) {
      return;
    }
    world.subtractBalance(from, amount);
    world.addBalance(Objects.requireNonNull(to, "to"), amount);
  }

  @Override
  public void mint(Address to, BigInteger amount) {
    requireAmount(amount);
    world.addBalance(Objects.requireNonNull(to, "to"), amount);
  }

  @Override
  public void burn(Address from, BigInteger amount) {
    requireAmount(amount);
    requireFunds("burn", from, amount);
    world.subtractBalance(from, amount);
  }

  private void requireFunds(String what, Address from, BigInteger amount) {
    BigInteger balance = balance(Objects.requireNonNull(from, "from"));
    if (balance.compareTo(amount) < 0) {
      throw new InsufficientFundsException(what, from, balance, amount);
    }
  }

  private static void requireAmount(BigInteger amount) {
    Objects.requireNonNull(amount, "amount");
    if (amount.signum() < 0) {
      throw new IllegalArgumentException("token amount must not be negative, got " + amount);
    }
  }
}
