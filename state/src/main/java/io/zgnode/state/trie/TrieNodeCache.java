package io.zgnode.state.trie;

import io.zgnode.evm.types.Hash;
import io.zgnode.state.cache.BoundedCache;
import java.util.concurrent.atomic.LongAdder;

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
  private final LongAdder misses = new LongAdder();

  /**
   * @param maxBytes the bound on the estimated memory of cached nodes
   */
  public TrieNodeCache(long maxBytes) {
    // A decoded branch holds 16 references, each an object with a Hash and its array: about three
    // times the RLP size.
    this.cache = new BoundedCache<>(maxBytes, (h, n) -> 96 + 3L * NodeCodec.encode(n).length);
  }

  Node get(Hash hash) {
    Node n = cache.get(hash);
    if (n == null) {
      misses.increment(); // hits are not counted: a shared counter on the hot path costs too much
    }
    return n;
  }

  void put(Hash hash, Node node) {
    cache.put(hash, node);
  }

  void remove(Hash hash) {
    cache.remove(hash);
  }

  public int size() {
    return cache.size();
  }

  public long estimatedBytes() {
    return cache.weight();
  }

  /** Lookups that had to go to the node store, since creation. */
  public long misses() {
    return misses.sum();
  }

  public void clear() {
    cache.clear();
  }
}
