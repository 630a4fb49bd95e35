package io.zgnode.state.world;

import io.zgnode.evm.types.Address;
import io.zgnode.evm.types.Hash;

/**
 * Read access to an Ethereum world state. Implementations document their thread-safety; the views
 * that {@code StateDatabase} hands out are safe for concurrent readers and stay fixed on the state
 * they were created for, whatever is committed afterwards.
 */
public interface WorldView {
  /** The account at {@code address}, or null when there is none. */
  Account account(Address address);

  /** The storage word at {@code slot}, or {@link Hash#ZERO} when absent. */
  Hash storage(Address address, Hash slot);

  /** The account's code (empty without code or account); callers must not modify the array. */
  byte[] code(Address address);

  /** The root of the account trie of this state. */
  Hash stateRoot();
}
