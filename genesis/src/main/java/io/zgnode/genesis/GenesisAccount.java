package io.zgnode.genesis;

import io.zgnode.evm.types.Address;
import io.zgnode.evm.types.Hash;
import java.math.BigInteger;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/** One pre-funded (or pre-deployed) account of the genesis state. */
public record GenesisAccount(
    Address address, BigInteger balance, long nonce, byte[] code, SortedMap<Hash, Hash> storage) {

  public GenesisAccount {
    if (balance.signum() < 0) {
      throw new GenesisException("account " + address + ": negative balance " + balance);
    }
    code = code.clone();
    storage = Collections.unmodifiableSortedMap(new TreeMap<>(storage));
  }

  public static GenesisAccount funded(Address address, BigInteger balance) {
    return new GenesisAccount(address, balance, 0, new byte[0], new TreeMap<>());
  }

  @Override
  public byte[] code() {
    return code.clone();
  }
}
