package io.zgnode.state.db;

/**
 * Operations collected for one atomic {@link KeyValueStore#write}. They apply in the order they
 * were added, so a {@link #deleteRange} followed by puts inside the range keeps the puts.
 *
 * <p>Thread-safety: none; one thread builds a batch.
 */
public interface WriteBatch extends AutoCloseable {
  WriteBatch put(String family, byte[] key, byte[] value);

  WriteBatch delete(String family, byte[] key);

  /** Deletes every key with {@code from <= key < to}; nothing when {@code from >= to}. */
  WriteBatch deleteRange(String family, byte[] from, byte[] to);

  /** The number of operations added. */
  int count();

  /** The approximate payload size in bytes (keys plus values). */
  long byteSize();

  /** Releases native memory held by the batch; idempotent. */
  @Override
  void close();
}
