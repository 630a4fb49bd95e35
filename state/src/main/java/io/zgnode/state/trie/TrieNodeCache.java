package io.zgnode.state.trie;

import io.zgnode.evm.types.Hash;
import io.zgnode.state.cache.BoundedCache;

/**
 * Recently used trie nodes, decoded, keyed by hash, bounded by an estimate of their memory. Nodes
 * are immutable and content-addressed, so one cache serves every trie of a database, the latest
 * state and historical views alike, from any thread. Cached nodes reference their hashed children
 * only by hash, so an entry never keeps a subtree alive.
 *
 * <p>Thread-safety: safe for concurrent use.
 */
public final class TrieNodeCache {
  private final BoundedCache<Hash, Node> cache;

  /**
   * @param maxBytes the bound on the estimated memory of cached nodes
   */
  public TrieNodeCache(long maxBytes) {
    // A decoded branch holds 16 references, each an object with a Hash and its array: about three
    // times the RLP size.
    this.cache = new BoundedCache<>(maxBytes, (h, n) -> 96 + 3L * NodeCodec.encode(n).length);
  }

  Node get(Hash hash) {
    return cache.get(hash);
  }

  void put(Hash hash, Node node) {
    cache.put(hash, node);
  }

  public int size() {
    return cache.size();
  }

  public long estimatedBytes() {
    return cache.weight();
  }

  public void clear() {
    cache.clear();
  }
}
