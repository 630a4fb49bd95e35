package io.zgnode.state.store;

import io.zgnode.evm.types.Address;
import io.zgnode.evm.types.Hash;
import io.zgnode.state.cache.BoundedCache;
import io.zgnode.state.db.Families;
import io.zgnode.state.db.KeyRanges;
import io.zgnode.state.db.KeyValueStore;
import io.zgnode.state.db.MemoryKeyValueStore;
import io.zgnode.state.db.RocksKeyValueStore;
import io.zgnode.state.db.RocksTuning;
import io.zgnode.state.db.StorageException;
import io.zgnode.state.db.WriteBatch;
import io.zgnode.state.trie.NodeStore;
import io.zgnode.state.trie.TrieNodeCache;
import io.zgnode.state.world.Account;
import io.zgnode.state.world.StateChanges;
import io.zgnode.state.world.StateSource;
import io.zgnode.state.world.StorageValues;
import io.zgnode.state.world.TrieStateSource;
import io.zgnode.state.world.WorldUpdater;
import io.zgnode.state.world.WorldView;
import io.zgnode.state.world.WorldViews;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiPredicate;
import java.util.function.Supplier;

/**
 * The chain's state on disk: the Ethereum world state and the modules' state, each a
 * Merkle-Patricia trie, plus a flat copy of the latest state for fast reads, all committed one
 * height at a time in a single atomic, synced write batch.
 *
 * <h2>Layout</h2>
 *
 * Column families (see {@link Families}): {@code trie-nodes} (keccak256 to node RLP, for the
 * account tries, storage tries and module trie of every committed height: an archive, until pruning
 * arrives), {@code code} (code hash to code), {@code accounts} (address to account RLP, latest
 * state), {@code storage} (address || slot to minimal value bytes, latest state), {@code modules}
 * (module key to value, latest state), {@code meta} (the last commit and the roots of every
 * height). Other families are created on demand for the caller's extra writes.
 *
 * <h2>Reads</h2>
 *
 * The latest state is read from the flat tables through bounded caches (accounts, slots, code,
 * module entries, trie nodes), never by walking a trie. Each view remembers the commit generation
 * it was created at; a commit makes the generation odd while it writes and updates the caches, and
 * a read that sees the generation change (a seqlock) falls back to walking the tries from the
 * view's own root, which are immutable. So a view always reads exactly the state it was created on,
 * even while, or long after, newer heights commit. Older states are read by trie walks.
 *
 * <h2>Commit</h2>
 *
 * {@link #commit} writes the new trie nodes, code, flat entries, module state, the commit record
 * and the caller's extra puts in one batch with {@code sync=true}. After a crash the database
 * reopens at exactly the last committed height.
 *
 * <p>Thread-safety: safe for one writer (commits, serialised internally) and any number of
 * concurrent readers. {@link WorldUpdater}s and {@link ModuleUpdater}s are single-threaded, but any
 * number of them can be used at once on different threads; views are thread-safe.
 */
public final class StateDatabase implements AutoCloseable {
  static final byte[] KEY_LAST_COMMIT = ascii("last-commit");
  static final byte[] KEY_FORMAT = ascii("format");
  static final byte[] PREFIX_HEIGHT = ascii("height/");
  static final byte[] FORMAT = ascii("zgnode-state-1");

  /** Stands for "no account" in the account cache. */
  private static final Account ABSENT = new Account(0, BigInteger.ZERO, Hash.ZERO, Hash.ZERO);

  /** Stands for "no entry" in the module cache. */
  private static final byte[] NO_VALUE = new byte[0];

  /**
   * Cache sizes (bytes, estimated).
   *
   * @param rocks RocksDB limits (ignored in memory)
   * @param extraFamilies column families to create at open, beyond the state's own
   */
  public record Config(
      long nodeCacheBytes,
      long accountCacheBytes,
      long storageCacheBytes,
      long codeCacheBytes,
      long moduleCacheBytes,
      RocksTuning rocks,
      Set<String> extraFamilies) {
    public static final Config DEFAULT =
        new Config(
            256L << 20, 64L << 20, 64L << 20, 64L << 20, 16L << 20, RocksTuning.DEFAULT, Set.of());

    public Config withExtraFamilies(Collection<String> families) {
      return new Config(
          nodeCacheBytes,
          accountCacheBytes,
          storageCacheBytes,
          codeCacheBytes,
          moduleCacheBytes,
          rocks,
          Set.copyOf(families));
    }
  }

  private record Head(CommitInfo info, long generation) {}

  private record SlotKey(Address address, Hash slot) {}

  private final KeyValueStore kv;
  private final String where;
  private final TrieNodeCache nodeCache;
  private final BoundedCache<Address, Account> accountCache;
  private final BoundedCache<SlotKey, Hash> storageCache;
  private final BoundedCache<Hash, byte[]> codeCache;
  private final BoundedCache<ModuleKey, byte[]> moduleCache;
  private final NodeStore nodeStore;
  private final ModuleStore modules;
  private final Object commitLock = new Object();

  /** Even while stable, odd while a commit writes; see the class comment. */
  private volatile long generation;

  private volatile Head head;

  private StateDatabase(KeyValueStore kv, String where, Config config) {
    this.kv = kv;
    this.where = where;
    this.nodeCache = new TrieNodeCache(config.nodeCacheBytes());
    this.accountCache = new BoundedCache<>(config.accountCacheBytes(), (a, acc) -> 240);
    this.storageCache = new BoundedCache<>(config.storageCacheBytes(), (k, v) -> 200);
    this.codeCache = new BoundedCache<>(config.codeCacheBytes(), (h, c) -> 120L + c.length);
    this.moduleCache =
        new BoundedCache<>(config.moduleCacheBytes(), (k, v) -> 100L + k.bytes().length + v.length);
    this.nodeStore = hash -> kv.get(Families.TRIE_NODES, hash.bytesUnsafe());
    for (String f : config.extraFamilies()) {
      kv.ensureFamily(f);
    }
    checkFormat();
    byte[] last = kv.get(Families.META, KEY_LAST_COMMIT);
    this.head = new Head(last == null ? CommitInfo.NONE : CommitInfo.decode(last), 0);
    this.modules = new ModuleStore(this);
  }

  /** Opens (or creates) the database in {@code dir} with default tuning. */
  public static StateDatabase open(Path dir) {
    return open(dir, Config.DEFAULT);
  }

  /**
   * Opens (or creates) the database in {@code dir}.
   *
   * @throws StorageException when it is locked by another process, corrupt, or of another format
   */
  public static StateDatabase open(Path dir, Config config) {
    RocksKeyValueStore kv = RocksKeyValueStore.open(dir, config.extraFamilies(), config.rocks());
    try {
      return new StateDatabase(kv, dir.toString(), config);
    } catch (RuntimeException e) {
      kv.close();
      throw e;
    }
  }

  /** A database in memory, for tests and tools. */
  public static StateDatabase inMemory() {
    return inMemory(Config.DEFAULT);
  }

  public static StateDatabase inMemory(Config config) {
    return new StateDatabase(new MemoryKeyValueStore(), "memory", config);
  }

  /** A database over any key-value store (the store is closed with the database). */
  public static StateDatabase over(KeyValueStore kv, Config config) {
    return new StateDatabase(kv, "store", config);
  }

  // ---- reading ---------------------------------------------------------------------------------

  /** The last commit, or {@link CommitInfo#NONE} (height 0) before the first. */
  public CommitInfo lastCommit() {
    return head.info();
  }

  /** The commit recorded for {@code height}, if that height was committed here. */
  public Optional<CommitInfo> commitAt(long height) {
    byte[] rlp = kv.get(Families.META, heightKey(height));
    return rlp == null ? Optional.empty() : Optional.of(CommitInfo.decode(rlp));
  }

  /** A working state over the last committed state. */
  public WorldUpdater newUpdater() {
    return new WorldUpdater(latestSource());
  }

  /**
   * A working state over any committed state root still on disk, for simulations (eth_call at a
   * past height). Only an updater over the last committed state can be committed.
   */
  public WorldUpdater updaterAt(Hash stateRoot) {
    return new WorldUpdater(sourceAt(stateRoot));
  }

  /** A consistent read-only view of the last committed world state (see the class comment). */
  public WorldView latestView() {
    return WorldViews.of(latestSource());
  }

  /**
   * A read-only view of the world state with root {@code stateRoot}.
   *
   * @throws IllegalArgumentException when that root is not stored here
   */
  public WorldView viewAt(Hash stateRoot) {
    return WorldViews.of(sourceAt(stateRoot));
  }

  /** The modules' state. */
  public ModuleStore modules() {
    return modules;
  }

  /** A module working state over the last committed module state. */
  public ModuleUpdater newModuleUpdater() {
    return modules.newUpdater();
  }

  /**
   * Reads a value from any column family, for example one the caller writes through {@link Put}
   * extras; null when absent or when the family was never created.
   */
  public byte[] get(String family, byte[] key) {
    if (!kv.hasFamily(family)) {
      return null;
    }
    return kv.get(family, key);
  }

  /** The underlying store, for scans of the caller's own families. */
  public KeyValueStore store() {
    return kv;
  }

  /** The shared trie node cache (exposed for diagnostics). */
  public TrieNodeCache nodeCache() {
    return nodeCache;
  }

  // ---- commit ----------------------------------------------------------------------------------

  /**
   * Writes height {@code height} atomically: the changes of {@code world} and {@code modules}, the
   * commit record, and {@code extras}, in one synced batch.
   *
   * @param height lastCommit().height() + 1, or any height >= 1 for the first commit
   * @param appHash must equal {@link AppHash#of} the two new roots
   * @throws IllegalArgumentException when the height, the updaters or the app hash do not fit; the
   *     database and the updaters are unchanged then
   * @throws StorageException when the write fails; nothing of the height is visible then
   */
  public void commit(
      long height, WorldUpdater world, ModuleUpdater modules, Hash appHash, List<Put> extras) {
    synchronized (commitLock) {
      CommitInfo last = head.info();
      if (last.height() == 0 ? height < 1 : height != last.height() + 1) {
        throw new IllegalArgumentException(
            last.height() == 0
                ? "the first commit needs a height >= 1, got " + height
                : "commit of height "
                    + height
                    + " after height "
                    + last.height()
                    + ": expected "
                    + (last.height() + 1));
      }
      if (!(world.base() instanceof FlatStateSource fs) || fs.db != this) {
        throw new IllegalArgumentException(
            "the world updater was not created by this database's newUpdater()");
      }
      if (!world.baseRoot().equals(last.stateRoot())) {
        throw new IllegalArgumentException(
            "the world updater builds on state root "
                + world.baseRoot()
                + ", not on the last committed state (height "
                + last.height()
                + ", root "
                + last.stateRoot()
                + ")");
      }
      if (modules.base().database() != this) {
        throw new IllegalArgumentException(
            "the module updater was not created by this database's newModuleUpdater()");
      }
      if (!modules.baseRoot().equals(last.modulesRoot())) {
        throw new IllegalArgumentException(
            "the module updater builds on root "
                + modules.baseRoot()
                + ", not on the last committed module root "
                + last.modulesRoot());
      }
      if (world.isCollected() || modules.isCollected()) {
        throw new IllegalArgumentException("an updater was already committed");
      }
      if (world.checkpointDepth() != 0 || modules.checkpointDepth() != 0) {
        throw new IllegalArgumentException(
            "cannot commit with open checkpoints (world: "
                + world.checkpointDepth()
                + ", modules: "
                + modules.checkpointDepth()
                + ")");
      }
      Hash stateRoot = world.computeStateRoot();
      Hash modulesRoot = modules.computeRoot();
      Hash expected = AppHash.of(stateRoot, modulesRoot);
      if (!expected.equals(appHash)) {
        throw new IllegalArgumentException(
            "app hash "
                + appHash
                + " does not match the state: keccak256(stateRoot "
                + stateRoot
                + " || modulesRoot "
                + modulesRoot
                + ") = "
                + expected);
      }
      for (Put p : extras) {
        kv.ensureFamily(p.family());
      }

      StateChanges sc = world.collectChanges();
      ModuleChanges mc = modules.collectChanges();
      CommitInfo next = new CommitInfo(height, appHash, stateRoot, modulesRoot);
      try (WriteBatch batch = kv.newBatch(estimateBytes(sc, mc, extras))) {
        TrieNodeWriter.write(batch, sc.trieNodes());
        TrieNodeWriter.write(batch, mc.trieNodes());
        for (StateChanges.CodeEntry c : sc.code()) {
          batch.put(Families.CODE, c.hash().bytesUnsafe(), c.code());
        }
        for (StateChanges.AccountChange a : sc.accounts()) {
          if (a.account() == null) {
            batch.delete(Families.ACCOUNTS, a.address().bytesUnsafe());
          } else {
            batch.put(Families.ACCOUNTS, a.address().bytesUnsafe(), a.account().encode());
          }
        }
        for (Address wiped : sc.wipedStorage()) {
          byte[] from = wiped.bytesUnsafe();
          batch.deleteRange(Families.STORAGE, from, KeyRanges.prefixEnd(from));
        }
        for (StateChanges.StorageChange s : sc.storage()) {
          byte[] key = storageKey(s.address(), s.slot());
          if (s.value().equals(Hash.ZERO)) {
            batch.delete(Families.STORAGE, key);
          } else {
            batch.put(Families.STORAGE, key, StorageValues.minimal(s.value()));
          }
        }
        for (ModuleChanges.Entry e : mc.entries()) {
          if (e.value() == null) {
            batch.delete(Families.MODULES, e.key());
          } else {
            batch.put(Families.MODULES, e.key(), e.value());
          }
        }
        byte[] record = next.encode();
        batch.put(Families.META, heightKey(height), record);
        batch.put(Families.META, KEY_LAST_COMMIT, record);
        for (Put p : extras) {
          batch.put(p.family(), p.key(), p.value());
        }

        long g = generation;
        generation = g + 1; // odd: readers of the flat tables fall back to their tries
        try {
          kv.write(batch);
        } catch (RuntimeException e) {
          generation = g; // nothing was written
          throw e;
        }
        try {
          updateCaches(sc, mc);
        } catch (RuntimeException | Error e) {
          clearFlatCaches(); // never leave a stale entry behind
          throw e;
        } finally {
          head = new Head(next, g + 2);
          generation = g + 2;
        }
      }
    }
  }

  /** A generous estimate of a commit batch's size, so that its buffer is allocated once. */
  private static long estimateBytes(StateChanges sc, ModuleChanges mc, List<Put> extras) {
    long n = 1024;
    for (var t : sc.trieNodes()) {
      n += 40 + t.rlp().length;
    }
    for (var t : mc.trieNodes()) {
      n += 40 + t.rlp().length;
    }
    for (var c : sc.code()) {
      n += 40 + c.code().length;
    }
    n += 140L * sc.accounts().size() + 100L * sc.storage().size() + 50L * sc.wipedStorage().size();
    for (var e : mc.entries()) {
      n += 16 + e.key().length + (e.value() == null ? 0 : e.value().length);
    }
    for (Put p : extras) {
      n += 16 + p.key().length + p.value().length;
    }
    return n;
  }

  private void updateCaches(StateChanges sc, ModuleChanges mc) {
    for (StateChanges.AccountChange a : sc.accounts()) {
      accountCache.put(a.address(), a.account() == null ? ABSENT : a.account());
    }
    if (!sc.wipedStorage().isEmpty()) {
      Set<Address> wiped = new HashSet<>(sc.wipedStorage());
      storageCache.removeIf((k, v) -> wiped.contains(k.address()));
    }
    for (StateChanges.StorageChange s : sc.storage()) {
      storageCache.put(new SlotKey(s.address(), s.slot()), s.value());
    }
    for (StateChanges.CodeEntry c : sc.code()) {
      codeCache.put(c.hash(), c.code());
    }
    for (ModuleChanges.Entry e : mc.entries()) {
      moduleCache.put(new ModuleKey(e.key()), e.value() == null ? NO_VALUE : e.value());
    }
  }

  private void clearFlatCaches() {
    accountCache.clear();
    storageCache.clear();
    moduleCache.clear();
  }

  @Override
  public void close() {
    synchronized (commitLock) {
      kv.close();
    }
  }

  @Override
  public String toString() {
    return "StateDatabase[" + where + ", " + head.info() + "]";
  }

  // ---- sources ---------------------------------------------------------------------------------

  private FlatStateSource latestSource() {
    Head h = head;
    return new FlatStateSource(this, h.info().stateRoot(), h.generation());
  }

  private StateSource sourceAt(Hash stateRoot) {
    Head h = head;
    if (h.info().stateRoot().equals(stateRoot)) {
      return new FlatStateSource(this, stateRoot, h.generation());
    }
    requireRoot(stateRoot, "state");
    return trieSource(stateRoot);
  }

  TrieStateSource trieSource(Hash stateRoot) {
    return new TrieStateSource(nodeStore, nodeCache, this::readCode, stateRoot);
  }

  void requireRoot(Hash root, String what) {
    if (!root.equals(Hash.EMPTY_TRIE) && nodeStore.get(root) == null) {
      throw new IllegalArgumentException(
          "unknown " + what + " root " + root + ": never committed in " + where + " (or pruned)");
    }
  }

  NodeStore nodeStore() {
    return nodeStore;
  }

  TrieNodeCache trieNodeCache() {
    return nodeCache;
  }

  CommitInfo headInfo() {
    return head.info();
  }

  long headGeneration() {
    return head.generation();
  }

  // ---- flat reads (seqlock) --------------------------------------------------------------------

  /**
   * Reads through a flat cache and table on behalf of a view at {@code viewGeneration}, or from the
   * view's tries when a commit has happened (or is happening) since.
   */
  private <K, V> V readFlat(
      long viewGeneration, BoundedCache<K, V> cache, K key, Supplier<V> table, Supplier<V> trie) {
    if (generation != viewGeneration) {
      return trie.get();
    }
    V v = cache.get(key);
    if (v == null) {
      v = table.get();
      if (generation != viewGeneration) {
        return trie.get();
      }
      cache.putIf(key, v, () -> generation == viewGeneration);
      return v;
    }
    return generation == viewGeneration ? v : trie.get();
  }

  Account readAccount(long viewGeneration, Address address, StateSource fallback) {
    Account a =
        readFlat(
            viewGeneration,
            accountCache,
            address,
            () -> {
              byte[] rlp = kv.get(Families.ACCOUNTS, address.bytesUnsafe());
              return rlp == null ? ABSENT : Account.decode(rlp);
            },
            () -> {
              Account t = fallback.account(address);
              return t == null ? ABSENT : t;
            });
    return a == ABSENT ? null : a;
  }

  Hash readStorage(
      long viewGeneration, Address address, Hash storageRoot, Hash slot, StateSource fallback) {
    return readFlat(
        viewGeneration,
        storageCache,
        new SlotKey(address, slot),
        () -> StorageValues.fromMinimal(kv.get(Families.STORAGE, storageKey(address, slot))),
        () -> fallback.storage(address, storageRoot, slot));
  }

  byte[] readModule(long viewGeneration, byte[] key, ModuleView fallback) {
    byte[] v =
        readFlat(
            viewGeneration,
            moduleCache,
            new ModuleKey(key.clone()),
            () -> {
              byte[] x = kv.get(Families.MODULES, key);
              return x == null ? NO_VALUE : x;
            },
            () -> {
              byte[] x = fallback.get(key);
              return x == null ? NO_VALUE : x;
            });
    return v == NO_VALUE ? null : v;
  }

  /**
   * Scans the flat module table for a view at {@code viewGeneration}; the scan is collected and
   * handed over only if no commit overlapped it.
   */
  void scanModules(long viewGeneration, byte[] prefix, BiPredicate<byte[], byte[]> visitor) {
    if (generation != viewGeneration) {
      throw staleModuleScan();
    }
    ArrayList<byte[][]> rows = new ArrayList<>();
    kv.forEachWithPrefix(
        Families.MODULES,
        prefix,
        (k, v) -> {
          rows.add(new byte[][] {k, v});
          return true;
        });
    if (generation != viewGeneration) {
      throw staleModuleScan();
    }
    for (byte[][] row : rows) {
      if (!visitor.test(row[0], row[1])) {
        return;
      }
    }
  }

  private static IllegalStateException staleModuleScan() {
    return new IllegalStateException(
        "a newer height was committed since this module view was created; prefix scans read the"
            + " latest state only, so take a new view");
  }

  byte[] readCode(Hash codeHash) {
    byte[] c = codeCache.get(codeHash);
    if (c == null) {
      c = kv.get(Families.CODE, codeHash.bytesUnsafe());
      if (c != null) {
        codeCache.put(codeHash, c);
      }
    }
    return c;
  }

  // ---- keys ------------------------------------------------------------------------------------

  static byte[] storageKey(Address address, Hash slot) {
    byte[] k = new byte[Address.LENGTH + Hash.LENGTH];
    System.arraycopy(address.bytesUnsafe(), 0, k, 0, Address.LENGTH);
    System.arraycopy(slot.bytesUnsafe(), 0, k, Address.LENGTH, Hash.LENGTH);
    return k;
  }

  static byte[] heightKey(long height) {
    byte[] k = Arrays.copyOf(PREFIX_HEIGHT, PREFIX_HEIGHT.length + 8);
    for (int i = 0; i < 8; i++) {
      k[PREFIX_HEIGHT.length + i] = (byte) (height >>> (56 - 8 * i));
    }
    return k;
  }

  private void checkFormat() {
    byte[] format = kv.get(Families.META, KEY_FORMAT);
    if (format == null) {
      if (kv.get(Families.META, KEY_LAST_COMMIT) != null) {
        throw new StorageException(
            "state database at "
                + where
                + " has commits but no format marker; it was not written"
                + " by zgnode");
      }
      try (WriteBatch b = kv.newBatch()) {
        b.put(Families.META, KEY_FORMAT, FORMAT);
        kv.write(b);
      }
    } else if (!Arrays.equals(format, FORMAT)) {
      throw new StorageException(
          "state database at "
              + where
              + " has format '"
              + new String(format, StandardCharsets.UTF_8)
              + "', this build reads '"
              + new String(FORMAT, StandardCharsets.UTF_8)
              + "'");
    }
  }

  /** The column families that exist now. */
  public Set<String> families() {
    return new TreeSet<>(kv.families());
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
