package io.zgnode.genesis;

import io.zgnode.evm.bytes.Hex;
import io.zgnode.evm.types.Address;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The checks on {@code app_state.staking.validators} that need no staking arithmetic: key length,
 * duplicate keys and operators, positive amounts, and that every operator's genesis balance covers
 * its self-delegation. Rates and params are checked by the chain with the staking module's rules.
 */
final class StakingChecks {
  private StakingChecks() {}

  static void validate(StakingSection staking, EvmGenesis evm) {
    Map<Address, BigInteger> balances = new TreeMap<>();
    for (GenesisAccount a : evm.accounts()) {
      balances.merge(a.address(), a.balance(), BigInteger::add);
    }
    Map<String, Integer> keys = new TreeMap<>();
    Map<Address, Integer> operators = new TreeMap<>();
    List<GenesisValidator> vals = staking.validators();
    for (int i = 0; i < vals.size(); i++) {
      GenesisValidator v = vals.get(i);
      String where = "app_state.staking.validators[" + i + "]";
      byte[] key = v.consensusPubKey();
      if (key.length != GenesisValidator.KEY_LENGTH) {
        throw new GenesisException(
            where
                + ".consensus_pubkey: an ed25519 public key has "
                + GenesisValidator.KEY_LENGTH
                + " bytes, got "
                + key.length);
      }
      Integer sameKey = keys.putIfAbsent(Hex.encode(key), i);
      if (sameKey != null) {
        throw new GenesisException(
            where
                + ".consensus_pubkey: the same key is already used by validators["
                + sameKey
                + "]");
      }
      Integer sameOperator = operators.putIfAbsent(v.operator(), i);
      if (sameOperator != null) {
        throw new GenesisException(
            where
                + ".operator: "
                + v.operator().toChecksumHex()
                + " already operates validators["
                + sameOperator
                + "]");
      }
      if (v.selfDelegation().signum() <= 0) {
        throw new GenesisException(
            where + ".self_delegation: must be a positive integer, got " + v.selfDelegation());
      }
      if (v.minSelfDelegation().signum() <= 0) {
        throw new GenesisException(
            where
                + ".min_self_delegation: must be a positive integer, got "
                + v.minSelfDelegation());
      }
      if (v.minSelfDelegation().compareTo(v.selfDelegation()) > 0) {
        throw new GenesisException(
            where
                + ": self_delegation "
                + v.selfDelegation()
                + " is below min_self_delegation "
                + v.minSelfDelegation());
      }
      BigInteger balance = balances.getOrDefault(v.operator(), BigInteger.ZERO);
      if (balance.compareTo(v.selfDelegation()) < 0) {
        throw new GenesisException(
            where
                + ": operator "
                + v.operator().toChecksumHex()
                + " has "
                + balance
                + " in app_state.evm.accounts, less than its self_delegation "
                + v.selfDelegation());
      }
    }
  }
}
