package io.zgnode.state.cache;

import java.util.ArrayList;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiPredicate;
import java.util.function.BooleanSupplier;
import java.util.function.ToLongBiFunction;

/**
 * A thread-safe cache bounded by the total weight of its entries, with CLOCK eviction (an LRU
 * approximation: an entry read since the hand last passed gets a second chance).
 *
 * <p>Reads are lock-free (one concurrent-map lookup and a flag write), so readers on several
 * threads do not contend and a hit costs no reordering of a recency list. Writes lock one of
 * several shards, each with its own clock ring and its share of the bound. The bound is what makes
 * caches safe on a long-running node: nothing here grows with the size of the state. Keys and
 * values are never null.
 */
public final class BoundedCache<K, V> {
  private static final int SHARD_BITS = 4;
  private static final int SHARDS = 1 << SHARD_BITS;

  private final ConcurrentHashMap<K, Entry<K, V>> map;
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
    this.map = new ConcurrentHashMap<>(1024);
    this.shards = (Shard<K, V>[]) new Shard<?, ?>[SHARDS];
    for (int i = 0; i < SHARDS; i++) {
      shards[i] = new Shard<>(maxWeight / SHARDS);
    }
  }

  public V get(K key) {
    Entry<K, V> e = map.get(key);
    if (e == null) {
      return null;
    }
    e.referenced = true; // a racy flag is fine: it only steers eviction
    return e.value;
  }

  public void put(K key, V value) {
    Entry<K, V> e = new Entry<>(key, value, weigher.applyAsLong(key, value));
    Shard<K, V> s = shard(key);
    synchronized (s) {
      s.insert(map, e);
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
    Entry<K, V> e = new Entry<>(key, value, weigher.applyAsLong(key, value));
    Shard<K, V> s = shard(key);
    synchronized (s) {
      if (!condition.getAsBoolean()) {
        return false;
      }
      s.insert(map, e);
      return true;
    }
  }

  public void remove(K key) {
    Shard<K, V> s = shard(key);
    synchronized (s) {
      Entry<K, V> e = map.remove(key);
      if (e != null) {
        s.release(e);
      }
    }
  }

  /** Removes every entry matching {@code predicate}; linear in the cache size, so use sparingly. */
  public void removeIf(BiPredicate<? super K, ? super V> predicate) {
    for (Shard<K, V> s : shards) {
      synchronized (s) {
        for (int i = 0; i < s.ring.size(); i++) {
          Entry<K, V> e = s.ring.get(i);
          if (e != null && predicate.test(e.key, e.value)) {
            map.remove(e.key, e);
            s.release(e);
          }
        }
      }
    }
  }

  public void clear() {
    for (Shard<K, V> s : shards) {
      synchronized (s) {
        for (Entry<K, V> e : s.ring) {
          if (e != null) {
            map.remove(e.key, e);
          }
        }
        s.ring.clear();
        s.free.clear();
        s.weight = 0;
        s.hand = 0;
      }
    }
  }

  /** The number of entries. */
  public int size() {
    return map.size();
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
   * Picks a shard from the top bits of a multiplicative hash, independent of the low bits that the
   * map's own table uses.
   */
  private Shard<K, V> shard(K key) {
    return shards[(key.hashCode() * 0x9E3779B9) >>> (32 - SHARD_BITS)];
  }

  private static final class Entry<K, V> {
    final K key;
    final V value;
    final long weight;
    boolean referenced;
    int slot = -1;

    Entry(K key, V value, long weight) {
      this.key = key;
      this.value = value;
      this.weight = weight;
    }
  }

  /** One shard's clock: a ring of slots (null for holes, reused through {@code free}). */
  private static final class Shard<K, V> {
    final long maxWeight;
    final ArrayList<Entry<K, V>> ring = new ArrayList<>();
    final ArrayList<Integer> free = new ArrayList<>();
    long weight;
    int hand;

    Shard(long maxWeight) {
      this.maxWeight = maxWeight;
    }

    void insert(ConcurrentHashMap<K, Entry<K, V>> map, Entry<K, V> e) {
      Entry<K, V> old = map.put(e.key, e);
      if (old != null && old.slot >= 0) {
        e.slot = old.slot;
        ring.set(old.slot, e);
        weight -= old.weight;
        old.slot = -1;
      } else if (!free.isEmpty()) {
        e.slot = free.remove(free.size() - 1);
        ring.set(e.slot, e);
      } else {
        e.slot = ring.size();
        ring.add(e);
      }
      weight += e.weight;
      evict(map);
    }

    void release(Entry<K, V> e) {
      if (e.slot >= 0) {
        ring.set(e.slot, null);
        free.add(e.slot);
        e.slot = -1;
        weight -= e.weight;
      }
    }

    private void evict(ConcurrentHashMap<K, Entry<K, V>> map) {
      // Two sweeps at most: the first clears reference flags, the second finds a victim.
      int budget = 2 * ring.size() + 1;
      while (weight > maxWeight && budget-- > 0 && !ring.isEmpty()) {
        if (hand >= ring.size()) {
          hand = 0;
        }
        Entry<K, V> c = ring.get(hand);
        if (c != null) {
          if (c.referenced) {
            c.referenced = false;
          } else {
            map.remove(c.key, c);
            release(c);
          }
        }
        hand++;
      }
    }
  }
}
