package io.zgnode.state.trie;

import io.zgnode.evm.types.Hash;

/**
 * Where a trie finds the nodes it references by hash. Implementations must be safe for concurrent
 * reads when tries over them are used from several threads.
 */
@FunctionalInterface
public interface NodeStore {
  /** A store with no nodes, for tries built from scratch in memory. */
  NodeStore EMPTY = hash -> null;

  /** The RLP of the node whose keccak256 is {@code hash}, or null when it is not stored. */
  byte[] get(Hash hash);
}
