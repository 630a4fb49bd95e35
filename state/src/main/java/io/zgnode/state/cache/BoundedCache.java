package io.zgnode.state.cache;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.BooleanSupplier;
import java.util.function.ToLongBiFunction;

/**
 * A thread-safe least-recently-used cache bounded by the total weight of its entries. It is split
 * into shards, each an access-ordered map behind its own lock, so that concurrent readers rarely
 * contend; each shard evicts its own least recently used entries when it exceeds its share of the
 * bound. Keys and values are never null.
 *
 * <p>The bound is what makes caches safe on a long-running node: nothing here grows with the size
 * of the state.
 */
public final class BoundedCache<K, V> {
  private static final int SHARD_BITS = 5;
  private static final int SHARDS = 1 << SHARD_BITS;

  private final Shard<K, V>[] shards;
  private final ToLongBiFunction<K, V> weigher;

  /**
   * @param maxWeight the bound on the sum of entry weights (split evenly across the shards)
   * @param weigher the weight of one entry, for example an estimate of its retained bytes
   */
  @SuppressWarnings("unchecked")
  public BoundedCache(long maxWeight, ToLongBiFunction<K, V> weigher) {
    if (maxWeight < 0) {
      throw new IllegalArgumentException("cache bound must not be negative: " + maxWeight);
    }
    this.weigher = weigher;
    this.shards = (Shard<K, V>[]) new Shard<?, ?>[SHARDS];
    for (int i = 0; i < SHARDS; i++) {
      shards[i] = new Shard<>(maxWeight / SHARDS, weigher);
    }
  }

  public V get(K key) {
    Shard<K, V> s = shard(key);
    synchronized (s) {
      return s.map.get(key);
    }
  }

  public void put(K key, V value) {
    Shard<K, V> s = shard(key);
    long w = weigher.applyAsLong(key, value);
    synchronized (s) {
      s.put(key, value, w);
    }
  }

  /**
   * Puts the entry only if {@code condition} holds when evaluated under the shard's lock. A writer
   * that changes the condition before updating entries through {@link #put} can therefore never be
   * overtaken by a reader inserting a value read under the old condition.
   *
   * @return whether the entry was stored
   */
  public boolean putIf(K key, V value, BooleanSupplier condition) {
    Shard<K, V> s = shard(key);
    long w = weigher.applyAsLong(key, value);
    synchronized (s) {
      if (!condition.getAsBoolean()) {
        return false;
      }
      s.put(key, value, w);
      return true;
    }
  }

  public void remove(K key) {
    Shard<K, V> s = shard(key);
    synchronized (s) {
      V old = s.map.remove(key);
      if (old != null) {
        s.weight -= weigher.applyAsLong(key, old);
      }
    }
  }

  /** Removes every entry matching {@code predicate}; linear in the cache size, so use sparingly. */
  public void removeIf(BiPredicate<? super K, ? super V> predicate) {
    for (Shard<K, V> s : shards) {
      synchronized (s) {
        Iterator<Map.Entry<K, V>> it = s.map.entrySet().iterator();
        while (it.hasNext()) {
          Map.Entry<K, V> e = it.next();
          if (predicate.test(e.getKey(), e.getValue())) {
            s.weight -= weigher.applyAsLong(e.getKey(), e.getValue());
            it.remove();
          }
        }
      }
    }
  }

  public void clear() {
    for (Shard<K, V> s : shards) {
      synchronized (s) {
        s.map.clear();
        s.weight = 0;
      }
    }
  }

  /** The number of entries (a moment's snapshot, shard by shard). */
  public int size() {
    int n = 0;
    for (Shard<K, V> s : shards) {
      synchronized (s) {
        n += s.map.size();
      }
    }
    return n;
  }

  /** The total weight of the entries (a moment's snapshot, shard by shard). */
  public long weight() {
    long w = 0;
    for (Shard<K, V> s : shards) {
      synchronized (s) {
        w += s.weight;
      }
    }
    return w;
  }

  /**
   * Picks a shard from the top bits of a multiplicative hash: the shard's own table indexes by the
   * low bits of the key's hash, which must therefore not be the same within a shard.
   */
  private Shard<K, V> shard(K key) {
    return shards[(key.hashCode() * 0x9E3779B9) >>> (32 - SHARD_BITS)];
  }

  private static final class Shard<A, B> {
    final LinkedHashMap<A, B> map = new LinkedHashMap<>(64, 0.75f, true);
    final long maxWeight;
    final ToLongBiFunction<A, B> weigher;
    long weight;

    Shard(long maxWeight, ToLongBiFunction<A, B> weigher) {
      this.maxWeight = maxWeight;
      this.weigher = weigher;
    }

    void put(A key, B value, long w) {
      B old = map.put(key, value);
      if (old != null) {
        weight -= weigher.applyAsLong(key, old);
      }
      weight += w;
      if (weight > maxWeight) {
        Iterator<Map.Entry<A, B>> it = map.entrySet().iterator();
        while (weight > maxWeight && it.hasNext()) {
          Map.Entry<A, B> eldest = it.next();
          weight -= weigher.applyAsLong(eldest.getKey(), eldest.getValue());
          it.remove();
        }
      }
    }
  }
}
