package io.zgnode.chain.sim;

import io.zgnode.evm.types.Hash;
import java.math.BigInteger;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a state override changes in one account for the duration of a call (geth's OverrideAccount).
 * Null fields are left as they are. {@code state} replaces the whole storage; {@code stateDiff}
 * patches single slots; giving both is an error.
 */
public record AccountOverride(
    BigInteger balance, Long nonce, byte[] code, Map<Hash, Hash> state, Map<Hash, Hash> stateDiff) {

  public AccountOverride {
    state = state == null ? null : new TreeMap<>(state);
    stateDiff = stateDiff == null ? null : new TreeMap<>(stateDiff);
  }
}
