package io.zgnode.state.trie;

import io.zgnode.evm.types.Hash;

/**
 * A trie needed a node its store does not hold: the root belongs to a state that was never
 * committed, has been pruned, or the database is damaged.
 */
public final class MissingTrieNodeException extends TrieException {
  private final transient Hash hash;

  public MissingTrieNodeException(Hash hash) {
    super("missing trie node " + hash.toHex());
    this.hash = hash;
  }

  public Hash hash() {
    return hash;
  }
}
