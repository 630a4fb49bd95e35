package io.zgnode.state.world;

import io.zgnode.evm.types.Address;
import io.zgnode.evm.types.Hash;
import io.zgnode.state.trie.NodeStore;
import io.zgnode.state.trie.TrieNodeCache;

/**
 * A committed state that a {@link WorldUpdater} builds on: how to read it (a flat table for the
 * latest state, trie walks for older ones) and where its trie nodes live, for root computation.
 * Implementations are safe for concurrent readers.
 */
public interface StateSource {
  /** The state root this source reads. */
  Hash stateRoot();

  /** The account, or null. */
  Account account(Address address);

  /**
   * The storage word, or {@link Hash#ZERO}.
   *
   * @param storageRoot the storage root of the account in this state (used by trie walks)
   */
  Hash storage(Address address, Hash storageRoot, Hash slot);

  /** The code with this hash (empty for {@link Hash#EMPTY_CODE}); fails when it is unknown. */
  byte[] code(Hash codeHash);

  NodeStore nodeStore();

  /** A shared cache of trie nodes, or null. */
  TrieNodeCache nodeCache();
}
