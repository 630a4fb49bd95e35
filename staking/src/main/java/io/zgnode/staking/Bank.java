package io.zgnode.staking;

import io.zgnode.evm.types.Address;
import java.math.BigInteger;

/**
 * Token balances as the chain keeps them (the EVM native balance). The staking module moves tokens
 * only through this interface; the caller implements it over its world state.
 *
 * <p>{@link #mint} and {@link #burn} are the smallest addition to the shared {@code balance /
 * transfer} shape: the block reward is minted and slashed tokens are burned (taken out of the
 * supply), as the Cosmos SDK's mint module and slashing do.
 */
public interface Bank {
  BigInteger balance(Address account);

  /** Moves {@code amount} (positive); the caller has checked that {@code from} holds it. */
  void transfer(Address from, Address to, BigInteger amount);

  /** Creates {@code amount} new tokens on {@code to}. */
  void mint(Address to, BigInteger amount);

  /** Destroys {@code amount} tokens held by {@code from}. */
  void burn(Address from, BigInteger amount);
}
