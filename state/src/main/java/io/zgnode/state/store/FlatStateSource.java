package io.zgnode.state.store;

import io.zgnode.evm.types.Address;
import io.zgnode.evm.types.Hash;
import io.zgnode.state.trie.NodeStore;
import io.zgnode.state.trie.TrieNodeCache;
import io.zgnode.state.world.Account;
import io.zgnode.state.world.StateSource;
import io.zgnode.state.world.TrieStateSource;

/**
 * The latest committed world state as of one commit generation: flat reads while that generation is
 * current, trie walks from its root afterwards. Thread-safe.
 */
final class FlatStateSource implements StateSource {
  final StateDatabase db;
  final long generation;
  private final Hash root;
  private final TrieStateSource tries;

  FlatStateSource(StateDatabase db, Hash root, long generation) {
    this.db = db;
    this.root = root;
    this.generation = generation;
    this.tries = db.trieSource(root);
  }

  @Override
  public Hash stateRoot() {
    return root;
  }

  @Override
  public Account account(Address address) {
    return db.readAccount(generation, address, tries);
  }

  @Override
  public Hash storage(Address address, Hash storageRoot, Hash slot) {
    return db.readStorage(generation, address, storageRoot, slot, tries);
  }

  @Override
  public byte[] code(Hash codeHash) {
    return tries.code(codeHash);
  }

  @Override
  public NodeStore nodeStore() {
    return db.nodeStore();
  }

  @Override
  public TrieNodeCache nodeCache() {
    return db.trieNodeCache();
  }
}
