package io.zgnode.state.db;

/**
 * Memory and file limits of a {@link RocksKeyValueStore}. Every memory consumer (data blocks, index
 * and filter blocks, memtables) is charged to one block cache of {@code blockCacheBytes}, so the
 * store's memory stays bounded however large the database grows.
 *
 * @param blockCacheBytes the shared LRU block cache
 * @param writeBufferBytes the total for all memtables, charged to the block cache
 * @param maxOpenFiles the table files kept open (-1: all)
 */
public record RocksTuning(long blockCacheBytes, long writeBufferBytes, int maxOpenFiles) {
  /** Suits a validator with a few GiB of memory to spare for state. */
  public static final RocksTuning DEFAULT = new RocksTuning(512L << 20, 128L << 20, 1024);

  /** Small limits for tests and tools. */
  public static final RocksTuning SMALL = new RocksTuning(32L << 20, 16L << 20, 256);

  public RocksTuning {
    if (blockCacheBytes < (8L << 20)) {
      throw new IllegalArgumentException("block cache under 8 MiB: " + blockCacheBytes);
    }
    if (writeBufferBytes < (4L << 20) || writeBufferBytes > blockCacheBytes) {
      throw new IllegalArgumentException(
          "write buffers must be between 4 MiB and the block cache size: " + writeBufferBytes);
    }
    if (maxOpenFiles == 0 || maxOpenFiles < -1) {
      throw new IllegalArgumentException("maxOpenFiles must be positive or -1: " + maxOpenFiles);
    }
  }
}
