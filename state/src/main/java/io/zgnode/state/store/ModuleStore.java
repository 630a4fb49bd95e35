package io.zgnode.state.store;

import io.zgnode.evm.types.Hash;
import io.zgnode.state.trie.NodeStore;
import io.zgnode.state.trie.SecureMerklePatriciaTrie;
import io.zgnode.state.trie.TrieNodeCache;
import java.util.function.BiPredicate;

/**
 * The modules' state: a secure Merkle-Patricia trie of byte-string keys to values (its root is half
 * of the app hash), with a flat copy of the latest state for fast reads and ordered prefix scans.
 * Module code reads through views and writes through {@link ModuleUpdater}s, which commit together
 * with the world state in {@link StateDatabase#commit}.
 *
 * <p>Thread-safety: safe for concurrent use; views are thread-safe and fixed on their state.
 */
public final class ModuleStore {
  private final StateDatabase db;

  ModuleStore(StateDatabase db) {
    this.db = db;
  }

  /** A working state over the last committed module state. */
  public ModuleUpdater newUpdater() {
    return new ModuleUpdater(latestSource());
  }

  /** A consistent read-only view of the last committed module state. */
  public ModuleView latest() {
    return latestSource();
  }

  /**
   * A read-only view of the module state with root {@code root} (prefix scans are not available
   * unless it is the latest).
   *
   * @throws IllegalArgumentException when the root is not stored here
   */
  public ModuleView viewAt(Hash root) {
    if (root.equals(db.headInfo().modulesRoot())) {
      return latestSource();
    }
    db.requireRoot(root, "module");
    return new TrieSource(db, root);
  }

  private ModuleSource latestSource() {
    return new FlatSource(db, db.headInfo().modulesRoot(), db.headGeneration());
  }

  /** Reads the trie at a root; thread-safe (tries over immutable nodes). */
  private static final class TrieSource implements ModuleSource {
    final StateDatabase db;
    final Hash root;
    final SecureMerklePatriciaTrie trie;

    TrieSource(StateDatabase db, Hash root) {
      this.db = db;
      this.root = root;
      this.trie = new SecureMerklePatriciaTrie(db.nodeStore(), root, db.trieNodeCache());
    }

    @Override
    public byte[] get(byte[] key) {
      return trie.get(key);
    }

    @Override
    public Hash root() {
      return root;
    }

    @Override
    public void forEachWithPrefix(byte[] prefix, BiPredicate<byte[], byte[]> visitor) {
      throw new UnsupportedOperationException(
          "prefix scans need the flat table, which holds only the latest module state (root "
              + db.headInfo().modulesRoot()
              + "); this view is at "
              + root);
    }

    @Override
    public NodeStore nodeStore() {
      return db.nodeStore();
    }

    @Override
    public TrieNodeCache nodeCache() {
      return db.trieNodeCache();
    }

    @Override
    public StateDatabase database() {
      return db;
    }
  }

  /** The latest module state as of one commit generation (see {@link StateDatabase}). */
  private static final class FlatSource implements ModuleSource {
    final StateDatabase db;
    final Hash root;
    final long generation;
    final TrieSource tries;

    FlatSource(StateDatabase db, Hash root, long generation) {
      this.db = db;
      this.root = root;
      this.generation = generation;
      this.tries = new TrieSource(db, root);
    }

    @Override
    public byte[] get(byte[] key) {
      return db.readModule(generation, key, tries);
    }

    @Override
    public Hash root() {
      return root;
    }

    @Override
    public void forEachWithPrefix(byte[] prefix, BiPredicate<byte[], byte[]> visitor) {
      db.scanModules(generation, prefix, visitor);
    }

    @Override
    public NodeStore nodeStore() {
      return db.nodeStore();
    }

    @Override
    public TrieNodeCache nodeCache() {
      return db.trieNodeCache();
    }

    @Override
    public StateDatabase database() {
      return db;
    }
  }
}
