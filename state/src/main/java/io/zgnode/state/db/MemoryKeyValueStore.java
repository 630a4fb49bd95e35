package io.zgnode.state.db;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BiPredicate;

/**
 * A {@link KeyValueStore} in sorted maps, for tests and throw-away databases. Nothing survives the
 * process; "durable" writes are only atomic.
 *
 * <p>Thread-safety: safe for concurrent use; a read-write lock makes batches atomic to readers, and
 * scans copy their range under the lock so that they see one point in time.
 */
public final class MemoryKeyValueStore implements KeyValueStore {
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final Map<String, TreeMap<byte[], byte[]>> families = new LinkedHashMap<>();
  private boolean closed;

  public MemoryKeyValueStore() {
    for (String f : Families.STATE) {
      families.put(f, new TreeMap<>(Arrays::compareUnsigned));
    }
  }

  @Override
  public Set<String> families() {
    lock.readLock().lock();
    try {
      return new TreeSet<>(families.keySet());
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public void ensureFamily(String name) {
    Families.checkName(name);
    lock.writeLock().lock();
    try {
      checkOpen();
      families.computeIfAbsent(name, n -> new TreeMap<>(Arrays::compareUnsigned));
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public byte[] get(String family, byte[] key) {
    lock.readLock().lock();
    try {
      checkOpen();
      byte[] v = family(family).get(key);
      return v == null ? null : v.clone();
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public void forEach(String family, byte[] from, byte[] to, BiPredicate<byte[], byte[]> visitor) {
    List<Map.Entry<byte[], byte[]>> copy;
    lock.readLock().lock();
    try {
      checkOpen();
      NavigableMap<byte[], byte[]> m = family(family);
      if (from != null && to != null && Arrays.compareUnsigned(from, to) >= 0) {
        return;
      }
      if (from != null) {
        m = m.tailMap(from, true);
      }
      if (to != null) {
        m = m.headMap(to, false);
      }
      copy = new ArrayList<>(m.entrySet());
    } finally {
      lock.readLock().unlock();
    }
    for (Map.Entry<byte[], byte[]> e : copy) {
      if (!visitor.test(e.getKey().clone(), e.getValue().clone())) {
        return;
      }
    }
  }

  @Override
  public WriteBatch newBatch() {
    return new Batch();
  }

  @Override
  public void write(WriteBatch batch) {
    if (!(batch instanceof Batch b)) {
      throw new IllegalArgumentException("batch was not created by this store");
    }
    lock.writeLock().lock();
    try {
      checkOpen();
      for (Op op : b.ops) {
        family(op.family); // fail before changing anything
      }
      for (Op op : b.ops) {
        TreeMap<byte[], byte[]> m = family(op.family);
        switch (op.kind) {
          case PUT -> m.put(op.key, op.value);
          case DELETE -> m.remove(op.key);
          case DELETE_RANGE -> {
            if (Arrays.compareUnsigned(op.key, op.value) < 0) {
              m.subMap(op.key, true, op.value, false).clear();
            }
          }
        }
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public void close() {
    lock.writeLock().lock();
    try {
      closed = true;
    } finally {
      lock.writeLock().unlock();
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("in-memory key-value store is closed");
    }
  }

  private TreeMap<byte[], byte[]> family(String name) {
    TreeMap<byte[], byte[]> m = families.get(name);
    if (m == null) {
      throw new IllegalArgumentException(
          "unknown column family '" + name + "'; known: " + families.keySet());
    }
    return m;
  }

  private enum Kind {
    PUT,
    DELETE,
    DELETE_RANGE
  }

  private record Op(Kind kind, String family, byte[] key, byte[] value) {}

  private static final class Batch implements WriteBatch {
    final List<Op> ops = new ArrayList<>();
    long bytes;

    @Override
    public WriteBatch put(String family, byte[] key, byte[] value) {
      ops.add(new Op(Kind.PUT, family, key.clone(), value.clone()));
      bytes += key.length + value.length;
      return this;
    }

    @Override
    public WriteBatch delete(String family, byte[] key) {
      ops.add(new Op(Kind.DELETE, family, key.clone(), null));
      bytes += key.length;
      return this;
    }

    @Override
    public WriteBatch deleteRange(String family, byte[] from, byte[] to) {
      ops.add(new Op(Kind.DELETE_RANGE, family, from.clone(), to.clone()));
      bytes += from.length + to.length;
      return this;
    }

    @Override
    public int count() {
      return ops.size();
    }

    @Override
    public long byteSize() {
      return bytes;
    }

    @Override
    public void close() {}
  }
}
