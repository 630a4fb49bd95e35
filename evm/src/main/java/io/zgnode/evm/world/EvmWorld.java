package io.zgnode.evm.world;

import io.zgnode.evm.types.Address;
import io.zgnode.evm.types.Hash;
import java.math.BigInteger;

/**
 * The accounts as the interpreter sees them: a mutable, journaled view of the world state. Reads of
 * a missing account give the values of an empty one (zero nonce and balance, no code, zero
 * storage). Setters create a missing account first; {@link #setStorage} is only called on accounts
 * that exist.
 *
 * <p>Journal: {@link #checkpoint()} opens a nested checkpoint; {@link #revertTo(int)} undoes every
 * change since it was opened (closing it and any opened inside); {@link #commit(int)} closes the
 * innermost one keeping its changes. Everything that only lives for one transaction (warm sets,
 * logs, refunds, transient storage) is in {@link TxScope}, which journals the same way.
 *
 * <p>Implementations are single-threaded, like the transaction that drives them.
 */
public interface EvmWorld {

  /** Whether the account exists, even empty. */
  boolean exists(Address address);

  /** Missing, or empty in the sense of EIP-161: nonce 0, balance 0 and no code. */
  default boolean isEmpty(Address address) {
    return !exists(address)
        || (nonce(address) == 0
            && balance(address).signum() == 0
            && codeHash(address).equals(Hash.EMPTY_CODE));
  }

  /** The balance in wei; zero for a missing account. */
  BigInteger balance(Address address);

  /** The nonce, an unsigned 64-bit value; zero for a missing account. */
  long nonce(Address address);

  /** The code (never modified by callers); empty for a missing account. */
  byte[] code(Address address);

  /** keccak256 of the code; {@link Hash#EMPTY_CODE} for a missing account or one without code. */
  Hash codeHash(Address address);

  /** Whether the account has any non-zero storage slot (EIP-7610 treats it as a collision). */
  boolean hasStorage(Address address);

  /** The current value of a slot; {@link Hash#ZERO} when unset. */
  Hash storage(Address address, Hash slot);

  void setBalance(Address address, BigInteger balance);

  void setNonce(Address address, long nonce);

  void setCode(Address address, byte[] code);

  /** Sets a slot of an existing account; {@link Hash#ZERO} clears it. */
  void setStorage(Address address, Hash slot, Hash value);

  /** Creates an empty account when the address has none; an existing account is kept as is. */
  void createAccount(Address address);

  /** Removes the account with its code and storage; nothing happens when it does not exist. */
  void deleteAccount(Address address);

  /** Opens a checkpoint nested in the open ones and returns its id. */
  int checkpoint();

  /** Undoes every change since checkpoint {@code id} and closes it with those inside it. */
  void revertTo(int id);

  /** Closes checkpoint {@code id}, the innermost open one, keeping its changes. */
  void commit(int id);

  /** Adds {@code amount} (non-negative) to the balance, creating the account when missing. */
  default void addBalance(Address address, BigInteger amount) {
    setBalance(address, balance(address).add(amount));
  }

  /** Subtracts {@code amount}; the caller has checked that the balance covers it. */
  default void subtractBalance(Address address, BigInteger amount) {
    setBalance(address, balance(address).subtract(amount));
  }
}
