package io.zgnode.chain.sim;

import io.zgnode.evm.types.Address;
import io.zgnode.evm.types.Hash;
import io.zgnode.state.world.Account;
import io.zgnode.state.world.WorldUpdater;
import java.math.BigInteger;
import java.util.Map;
import java.util.TreeMap;

/**
 * eth_call's third parameter: per-address account overrides, applied to the scratch state before
 * the call runs, as if a transaction just before had made them. Applied in address order so the
 * result does not depend on how the request listed them.
 */
public record StateOverrides(Map<Address, AccountOverride> accounts) {
  public static final StateOverrides NONE = new StateOverrides(Map.of());

  public StateOverrides {
    accounts = new TreeMap<>(accounts);
  }

  public boolean isEmpty() {
    return accounts.isEmpty();
  }

  /**
   * Applies the overrides to {@code world}.
   *
   * @throws SimulationException (invalid argument) when an account has both state and stateDiff
   */
  public void applyTo(WorldUpdater world) throws SimulationException {
    for (Map.Entry<Address, AccountOverride> e : accounts.entrySet()) {
      Address address = e.getKey();
      AccountOverride o = e.getValue();
      if (o.state() != null && o.stateDiff() != null) {
        throw new SimulationException(
            SimulationException.Kind.INVALID_ARGUMENT,
            "account " + address.toChecksumHex() + " has both 'state' and 'stateDiff'");
      }
      if (o.nonce() != null) {
        world.setNonce(address, o.nonce());
      }
      if (o.code() != null) {
        world.setCode(address, o.code());
      }
      if (o.balance() != null) {
        if (o.balance().bitLength() > 256) {
          throw new SimulationException(
              SimulationException.Kind.INVALID_ARGUMENT,
              "balance override of " + address.toChecksumHex() + " does not fit 256 bits");
        }
        world.setBalance(address, o.balance());
      }
      if (o.state() != null) {
        replaceStorage(world, address);
        for (Map.Entry<Hash, Hash> s : o.state().entrySet()) {
          world.setStorage(address, s.getKey(), s.getValue());
        }
      }
      if (o.stateDiff() != null) {
        for (Map.Entry<Hash, Hash> s : o.stateDiff().entrySet()) {
          world.setStorage(address, s.getKey(), s.getValue());
        }
      }
    }
  }

  /** Empties the account's storage and keeps its nonce, balance and code. */
  private static void replaceStorage(WorldUpdater world, Address address) {
    Account a = world.account(address);
    if (a == null) {
      world.getOrCreate(address);
      return;
    }
    byte[] code = world.code(address).clone();
    long nonce = a.nonce();
    BigInteger balance = a.balance();
    world.deleteAccount(address);
    world.getOrCreate(address);
    world.setNonce(address, nonce);
    world.setBalance(address, balance);
    if (code.length > 0) {
      world.setCode(address, code);
    }
  }
}
