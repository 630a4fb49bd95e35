package io.zgnode.state.db;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiPredicate;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.CompressionType;
import org.rocksdb.DBOptions;
import org.rocksdb.DataBlockIndexType;
import org.rocksdb.InfoLogLevel;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Slice;
import org.rocksdb.Status;
import org.rocksdb.WriteBufferManager;
import org.rocksdb.WriteOptions;

/**
 * A {@link KeyValueStore} on RocksDB, one column family per name.
 *
 * <p>Tuning: one LRU block cache (sized by {@link RocksTuning}) holds data, index and filter blocks
 * and is charged for the memtables through a write-buffer manager, so memory is bounded. Every
 * family has a 10-bit Bloom filter (point lookups dominate: trie nodes, code, flat accounts and
 * slots); the content-addressed families also get a hash index inside data blocks. LZ4 compression,
 * dynamic level sizes, two background jobs for a small machine. Writes go through the write-ahead
 * log with {@code sync=true}: a batch is on disk when {@link #write} returns, and a batch is atomic
 * across families because it is one log record.
 *
 * <p>Thread-safety: safe for concurrent use (RocksDB is); {@link #close} waits for calls in
 * progress.
 */
public final class RocksKeyValueStore implements KeyValueStore {
  static {
    RocksDB.loadLibrary();
  }

  private final Path dir;
  private final RocksTuning tuning;
  private final LRUCache blockCache;
  private final WriteBufferManager writeBufferManager;
  private final DBOptions dbOptions;
  private final WriteOptions syncWrites;
  private final BloomFilter bloom;
  private final List<AutoCloseable> familyResources = new ArrayList<>();
  private final Map<String, ColumnFamilyHandle> handles = new ConcurrentHashMap<>();

  /** Family ids, read once: batches are encoded without native calls. */
  private final Map<String, Integer> familyIds = new ConcurrentHashMap<>();

  private final RocksDB db;
  private final UseGuard guard;

  private RocksKeyValueStore(Path dir, Collection<String> wanted, RocksTuning tuning) {
    this.dir = dir;
    this.tuning = tuning;
    this.guard = new UseGuard("state database at " + dir);
    this.blockCache = new LRUCache(tuning.blockCacheBytes(), 6, false, 0.5);
    this.writeBufferManager = new WriteBufferManager(tuning.writeBufferBytes(), blockCache);
    this.bloom = new BloomFilter(10, false);
    this.dbOptions =
        new DBOptions()
            .setCreateIfMissing(true)
            .setCreateMissingColumnFamilies(true)
            .setMaxBackgroundJobs(2)
            .setBytesPerSync(1L << 20)
            .setMaxOpenFiles(tuning.maxOpenFiles())
            .setWriteBufferManager(writeBufferManager)
            .setMaxTotalWalSize(4 * tuning.writeBufferBytes())
            .setInfoLogLevel(InfoLogLevel.WARN_LEVEL)
            .setKeepLogFileNum(5)
            .setMaxLogFileSize(16L << 20);
    this.syncWrites = new WriteOptions().setSync(true);

    Set<String> names = new LinkedHashSet<>();
    names.add(new String(RocksDB.DEFAULT_COLUMN_FAMILY, StandardCharsets.UTF_8));
    names.addAll(existingFamilies(dir));
    names.addAll(Families.STATE);
    for (String w : wanted) {
      Families.checkName(w);
      names.add(w);
    }
    List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
    for (String name : names) {
      descriptors.add(
          new ColumnFamilyDescriptor(name.getBytes(StandardCharsets.UTF_8), familyOptions(name)));
    }
    List<ColumnFamilyHandle> opened = new ArrayList<>();
    RocksDB opening;
    try {
      opening = RocksDB.open(dbOptions, dir.toString(), descriptors, opened);
    } catch (RocksDBException e) {
      releaseOptions();
      throw openFailure(dir, e);
    }
    this.db = opening;
    int i = 0;
    for (String name : names) {
      ColumnFamilyHandle h = opened.get(i++);
      handles.put(name, h);
      familyIds.put(name, h.getID());
    }
  }

  /** Opens (creating if needed) the database in {@code dir} with the state's families. */
  public static RocksKeyValueStore open(Path dir) {
    return open(dir, List.of(), RocksTuning.DEFAULT);
  }

  /**
   * Opens (creating if needed) the database in {@code dir} with the state's families, the families
   * already on disk, and {@code extraFamilies}.
   *
   * @throws StorageException when the directory is locked by another process, corrupt, or not
   *     usable; the message says which
   */
  public static RocksKeyValueStore open(
      Path dir, Collection<String> extraFamilies, RocksTuning tuning) {
    try {
      Files.createDirectories(dir);
    } catch (java.io.IOException e) {
      throw new StorageException("cannot create the state database directory " + dir + ": " + e, e);
    }
    return new RocksKeyValueStore(dir, extraFamilies, tuning);
  }

  public Path directory() {
    return dir;
  }

  public RocksTuning tuning() {
    return tuning;
  }

  @Override
  public Set<String> families() {
    return new TreeSet<>(handles.keySet());
  }

  @Override
  public boolean hasFamily(String name) {
    return handles.containsKey(name);
  }

  @Override
  public synchronized void ensureFamily(String name) {
    Families.checkName(name);
    if (handles.containsKey(name)) {
      return;
    }
    guard.enter();
    try {
      ColumnFamilyHandle h =
          db.createColumnFamily(
              new ColumnFamilyDescriptor(
                  name.getBytes(StandardCharsets.UTF_8), familyOptions(name)));
      familyIds.put(name, h.getID());
      handles.put(name, h);
    } catch (RocksDBException e) {
      throw failure("creating column family '" + name + "'", e);
    } finally {
      guard.exit();
    }
  }

  @Override
  public byte[] get(String family, byte[] key) {
    ColumnFamilyHandle h = handle(family);
    guard.enter();
    try {
      return db.get(h, key);
    } catch (RocksDBException e) {
      throw failure("reading " + family, e);
    } finally {
      guard.exit();
    }
  }

  @Override
  public void forEach(String family, byte[] from, byte[] to, BiPredicate<byte[], byte[]> visitor) {
    ColumnFamilyHandle h = handle(family);
    guard.enter();
    try (Slice upper = to == null ? null : new Slice(to);
        ReadOptions ro = new ReadOptions()) {
      if (upper != null) {
        ro.setIterateUpperBound(upper);
      }
      try (RocksIterator it = db.newIterator(h, ro)) {
        if (from == null) {
          it.seekToFirst();
        } else {
          it.seek(from);
        }
        while (it.isValid()) {
          if (!visitor.test(it.key(), it.value())) {
            return;
          }
          it.next();
        }
        it.status();
      }
    } catch (RocksDBException e) {
      throw failure("scanning " + family, e);
    } finally {
      guard.exit();
    }
  }

  @Override
  public WriteBatch newBatch() {
    return new Batch(1 << 16);
  }

  @Override
  public WriteBatch newBatch(long expectedBytes) {
    return new Batch((int) Math.min(1 << 30, Math.max(1 << 16, expectedBytes + expectedBytes / 8)));
  }

  @Override
  public void write(WriteBatch batch) {
    if (!(batch instanceof Batch b)) {
      throw new IllegalArgumentException("batch was not created by this store");
    }
    guard.enter();
    try (org.rocksdb.WriteBatch nativeBatch = new org.rocksdb.WriteBatch(b.serialized())) {
      db.write(syncWrites, nativeBatch);
    } catch (RocksDBException e) {
      throw failure("writing a batch of " + b.count() + " operations", e);
    } finally {
      guard.exit();
    }
  }

  /** RocksDB's own serialisation of the same operations, to check {@link Batch} against. */
  byte[] nativeSerialization(List<Object[]> ops) {
    try (org.rocksdb.WriteBatch wb = new org.rocksdb.WriteBatch()) {
      for (Object[] op : ops) {
        ColumnFamilyHandle h = handle((String) op[1]);
        switch ((String) op[0]) {
          case "put" -> wb.put(h, (byte[]) op[2], (byte[]) op[3]);
          case "delete" -> wb.delete(h, (byte[]) op[2]);
          case "deleteRange" -> wb.deleteRange(h, (byte[]) op[2], (byte[]) op[3]);
          default -> throw new IllegalArgumentException(String.valueOf(op[0]));
        }
      }
      return wb.data();
    } catch (RocksDBException e) {
      throw failure("serialising a batch", e);
    }
  }

  /** This store's serialisation of a batch (for the format test). */
  static byte[] serialization(WriteBatch batch) {
    return ((Batch) batch).serialized();
  }

  @Override
  public void close() {
    if (!guard.close()) {
      return;
    }
    try {
      db.syncWal();
      for (ColumnFamilyHandle h : handles.values()) {
        h.close();
      }
      db.closeE();
    } catch (RocksDBException e) {
      throw failure("closing", e);
    } finally {
      releaseOptions();
    }
  }

  private void releaseOptions() {
    for (AutoCloseable c : familyResources) {
      try {
        c.close();
      } catch (Exception ignored) {
        // native option objects do not fail to close
      }
    }
    syncWrites.close();
    dbOptions.close();
    writeBufferManager.close();
    bloom.close();
    blockCache.close();
  }

  private ColumnFamilyOptions familyOptions(String name) {
    BlockBasedTableConfig table =
        new BlockBasedTableConfig()
            .setBlockCache(blockCache)
            .setFilterPolicy(bloom)
            .setCacheIndexAndFilterBlocks(true)
            .setCacheIndexAndFilterBlocksWithHighPriority(true)
            .setPinL0FilterAndIndexBlocksInCache(true)
            .setBlockSize(16 * 1024)
            .setFormatVersion(5);
    if (Families.pointLookupsOnly(name)) {
      table.setDataBlockIndexType(DataBlockIndexType.kDataBlockBinaryAndHash);
    }
    ColumnFamilyOptions o =
        new ColumnFamilyOptions()
            .setTableFormatConfig(table)
            .setCompressionType(CompressionType.LZ4_COMPRESSION)
            .setLevelCompactionDynamicLevelBytes(true)
            // Trie nodes take most writes. A much larger memtable makes each insert slower (a
            // taller skip list, more cache misses) without saving much compaction.
            .setWriteBufferSize(
                Math.max(
                    4L << 20,
                    tuning.writeBufferBytes() / (name.equals(Families.TRIE_NODES) ? 4 : 8)))
            .setMaxWriteBufferNumber(3);
    familyResources.add(o);
    return o;
  }

  private ColumnFamilyHandle handle(String family) {
    ColumnFamilyHandle h = handles.get(family);
    if (h == null) {
      throw new IllegalArgumentException(
          "unknown column family '" + family + "' in " + dir + "; known: " + families());
    }
    return h;
  }

  private static List<String> existingFamilies(Path dir) {
    if (!Files.exists(dir.resolve("CURRENT"))) {
      return List.of();
    }
    try (Options o = new Options()) {
      List<String> names = new ArrayList<>();
      for (byte[] n : RocksDB.listColumnFamilies(o, dir.toString())) {
        names.add(new String(n, StandardCharsets.UTF_8));
      }
      return names;
    } catch (RocksDBException e) {
      throw openFailure(dir, e);
    }
  }

  private static StorageException openFailure(Path dir, RocksDBException e) {
    String msg = String.valueOf(e.getMessage());
    Status.Code code = e.getStatus() == null ? null : e.getStatus().getCode();
    String lower = msg.toLowerCase(Locale.ROOT);
    if (lower.contains("lock")
        && (lower.contains("temporarily unavailable")
            || lower.contains("no locks available")
            || lower.contains("lock hold")
            || lower.contains("held"))) {
      return new StorageException(
          "state database at "
              + dir
              + " is in use by another process (its LOCK file is held); stop the other zgnode"
              + " process or use another home directory ("
              + msg
              + ")",
          e);
    }
    if (code == Status.Code.Corruption || lower.contains("corrupt")) {
      return new StorageException(
          "state database at "
              + dir
              + " is corrupt and cannot be opened; restore it from a backup or resync the node ("
              + msg
              + ")",
          e);
    }
    return new StorageException("cannot open state database at " + dir + ": " + msg, e);
  }

  private StorageException failure(String what, RocksDBException e) {
    return new StorageException(
        "state database at " + dir + ": " + what + " failed: " + e.getMessage(), e);
  }

  /**
   * A batch serialised in Java in RocksDB's own WriteBatch format (the format of its write-ahead
   * log records: a 12-byte header of sequence number and count, then one tagged record per
   * operation with varint-prefixed keys and values), handed to RocksDB in one call when written. A
   * block's commit has tens of thousands of operations, and a native call per operation costs more
   * than the encoding. {@code RocksKeyValueStoreTest} checks the bytes against RocksDB's own.
   */
  private final class Batch implements WriteBatch {
    private static final int TYPE_DELETION = 0x0;
    private static final int TYPE_VALUE = 0x1;
    private static final int TYPE_CF_DELETION = 0x4;
    private static final int TYPE_CF_VALUE = 0x5;
    private static final int TYPE_CF_RANGE_DELETION = 0xe;
    private static final int TYPE_RANGE_DELETION = 0xf;

    private byte[] buf;
    private int size = 12;
    private int count;
    private long bytes;

    @Override
    public WriteBatch put(String family, byte[] key, byte[] value) {
      record(family, TYPE_VALUE, TYPE_CF_VALUE, key, value);
      bytes += key.length + value.length;
      return this;
    }

    @Override
    public WriteBatch delete(String family, byte[] key) {
      record(family, TYPE_DELETION, TYPE_CF_DELETION, key, null);
      bytes += key.length;
      return this;
    }

    @Override
    public WriteBatch deleteRange(String family, byte[] from, byte[] to) {
      if (Arrays.compareUnsigned(from, to) >= 0) {
        return this; // an empty range (RocksDB would reject it)
      }
      record(family, TYPE_RANGE_DELETION, TYPE_CF_RANGE_DELETION, from, to);
      bytes += from.length + to.length;
      return this;
    }

    Batch(int capacity) {
      buf = new byte[capacity];
    }

    private void record(String family, int defaultType, int cfType, byte[] key, byte[] value) {
      if (buf == null) {
        throw new IllegalStateException("write batch is closed");
      }
      Integer known = familyIds.get(family);
      if (known == null) {
        handle(family); // throws with the list of known families
        throw new IllegalStateException("column family '" + family + "' has no id");
      }
      int id = known;
      ensure(11 + key.length + (value == null ? 0 : 5 + value.length));
      if (id == 0) {
        buf[size++] = (byte) defaultType;
      } else {
        buf[size++] = (byte) cfType;
        varint(id);
      }
      varint(key.length);
      System.arraycopy(key, 0, buf, size, key.length);
      size += key.length;
      if (value != null) {
        varint(value.length);
        System.arraycopy(value, 0, buf, size, value.length);
        size += value.length;
      }
      count++;
    }

    private void varint(int v) {
      while ((v & ~0x7f) != 0) {
        buf[size++] = (byte) ((v & 0x7f) | 0x80);
        v >>>= 7;
      }
      buf[size++] = (byte) v;
    }

    private void ensure(int extra) {
      if (size + extra > buf.length) {
        buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + extra));
      }
    }

    /** The serialised batch: sequence 0 (RocksDB assigns it) and the count, little-endian. */
    byte[] serialized() {
      if (buf == null) {
        throw new IllegalStateException("write batch is closed");
      }
      byte[] out = Arrays.copyOf(buf, size);
      for (int i = 0; i < 4; i++) {
        out[8 + i] = (byte) (count >>> (8 * i));
      }
      return out;
    }

    @Override
    public int count() {
      return count;
    }

    @Override
    public long byteSize() {
      return bytes;
    }

    @Override
    public void close() {
      buf = null;
    }
  }
}
