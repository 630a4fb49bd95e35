package io.zgnode.state.db;

import java.util.Set;
import java.util.function.BiPredicate;

/**
 * An ordered key-value store split into named column families, written only through atomic batches.
 * Keys order as unsigned bytes. A batch given to {@link #write} is applied entirely or not at all,
 * and is durable when {@code write} returns (the write-ahead log is synced), so a committed batch
 * survives a power cut.
 *
 * <p>Thread-safety: implementations are safe for any number of concurrent readers and writers.
 * Single reads see either all or none of a concurrent batch; a range scan sees one consistent point
 * in time. Closing while other threads still use the store waits for calls in progress to finish;
 * calls after close fail with {@link IllegalStateException}.
 */
public interface KeyValueStore extends AutoCloseable {

  /** The column families that exist now. */
  Set<String> families();

  /** Whether the column family exists. */
  default boolean hasFamily(String name) {
    return families().contains(name);
  }

  /** Creates the column family {@code name} unless it exists. */
  void ensureFamily(String name);

  /**
   * The value stored under {@code key}, or null.
   *
   * @throws IllegalArgumentException when the family does not exist
   */
  byte[] get(String family, byte[] key);

  /**
   * Visits the entries with {@code from <= key < to} in key order until {@code visitor} returns
   * false. A null {@code from} starts at the first key, a null {@code to} runs to the end. The
   * visitor receives arrays it may keep.
   */
  void forEach(String family, byte[] from, byte[] to, BiPredicate<byte[], byte[]> visitor);

  /** Visits the entries whose key starts with {@code prefix}, in key order. */
  default void forEachWithPrefix(
      String family, byte[] prefix, BiPredicate<byte[], byte[]> visitor) {
    forEach(family, prefix, KeyRanges.prefixEnd(prefix), visitor);
  }

  /** A new empty batch for this store; close it if it is not written. */
  WriteBatch newBatch();

  /** A new empty batch expected to hold about {@code expectedBytes} of keys and values. */
  default WriteBatch newBatch(long expectedBytes) {
    return newBatch();
  }

  /**
   * Applies {@code batch} atomically and durably (fsync of the log before returning). The batch
   * stays usable only for closing afterwards.
   */
  void write(WriteBatch batch);

  /** Releases the store; idempotent. */
  @Override
  void close();
}
