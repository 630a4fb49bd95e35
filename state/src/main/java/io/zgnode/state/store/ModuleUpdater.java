package io.zgnode.state.store;

import io.zgnode.evm.types.Hash;
import io.zgnode.state.db.KeyRanges;
import io.zgnode.state.journal.Journal;
import io.zgnode.state.trie.SecureMerklePatriciaTrie;
import io.zgnode.state.trie.TrieNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiPredicate;

/**
 * A mutable overlay on a committed module state, with the same nested checkpoints as the world
 * updater ({@link #checkpoint()}, {@link #revertTo(int)}, {@link #commitCheckpoint(int)}), so a
 * failed transaction undoes its module writes together with its world writes. Keys are arbitrary
 * byte strings; an empty value removes a key.
 *
 * <p>Thread-safety: not thread-safe; one thread owns an updater.
 */
public final class ModuleUpdater implements ModuleView {
  /** Marks a key removed in the overlay. */
  private static final byte[] REMOVED = new byte[0];

  private final ModuleSource base;
  private final TreeMap<byte[], byte[]> overlay = new TreeMap<>(Arrays::compareUnsigned);
  private final TreeSet<byte[]> pending = new TreeSet<>(Arrays::compareUnsigned);
  private final Journal<Undo> journal = new Journal<>();
  private SecureMerklePatriciaTrie trie;
  private Hash lastRoot;
  private boolean collected;

  ModuleUpdater(ModuleSource base) {
    this.base = base;
    this.lastRoot = base.root();
  }

  ModuleSource base() {
    return base;
  }

  /** The module root this updater builds on. */
  public Hash baseRoot() {
    return base.root();
  }

  @Override
  public byte[] get(byte[] key) {
    byte[] v = overlay.get(key);
    if (v != null) {
      return v == REMOVED ? null : v;
    }
    return base.get(key);
  }

  /** Stores a copy of {@code value} under {@code key}; an empty value removes the key. */
  public void put(byte[] key, byte[] value) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    write(key.clone(), value.length == 0 ? REMOVED : value.clone());
  }

  public void remove(byte[] key) {
    write(key.clone(), REMOVED);
  }

  private void write(byte[] key, byte[] value) {
    requireOpen();
    byte[] prev = overlay.put(key, value);
    journal.record(new Undo(key, prev));
    pending.add(key);
    lastRoot = null;
  }

  /**
   * Visits the keys with {@code prefix}, overlay merged over the base, in key order. The base's
   * entries in the range are read first, so the cost is linear in the range's size.
   */
  @Override
  public void forEachWithPrefix(byte[] prefix, BiPredicate<byte[], byte[]> visitor) {
    TreeMap<byte[], byte[]> merged = new TreeMap<>(Arrays::compareUnsigned);
    base.forEachWithPrefix(
        prefix,
        (k, v) -> {
          merged.put(k, v);
          return true;
        });
    byte[] end = KeyRanges.prefixEnd(prefix);
    Map<byte[], byte[]> range =
        end == null ? overlay.tailMap(prefix, true) : overlay.subMap(prefix, true, end, false);
    for (Map.Entry<byte[], byte[]> e : range.entrySet()) {
      if (e.getValue() == REMOVED) {
        merged.remove(e.getKey());
      } else {
        merged.put(e.getKey(), e.getValue());
      }
    }
    for (Map.Entry<byte[], byte[]> e : merged.entrySet()) {
      if (!visitor.test(e.getKey(), e.getValue())) {
        return;
      }
    }
  }

  // ---- journal ---------------------------------------------------------------------------------

  /** Opens a checkpoint nested in the open ones and returns its id. */
  public int checkpoint() {
    requireOpen();
    return journal.checkpoint();
  }

  /** Undoes every change since checkpoint {@code id} and closes it with any nested ones. */
  public void revertTo(int id) {
    requireOpen();
    journal.revertTo(
        id,
        u -> {
          if (u.previous == null) {
            overlay.remove(u.key);
          } else {
            overlay.put(u.key, u.previous);
          }
          pending.add(u.key);
          lastRoot = null;
        });
  }

  /** Closes checkpoint {@code id}, which must be the innermost open one, keeping its changes. */
  public void commitCheckpoint(int id) {
    requireOpen();
    journal.commit(id);
  }

  /** The number of open checkpoints. */
  public int checkpointDepth() {
    return journal.depth();
  }

  // ---- root and commit -------------------------------------------------------------------------

  /** The module root with every write so far; only keys written since the last call are applied. */
  public Hash computeRoot() {
    if (lastRoot != null) {
      return lastRoot;
    }
    if (trie == null) {
      trie = new SecureMerklePatriciaTrie(base.nodeStore(), base.root(), base.nodeCache());
    }
    for (byte[] key : pending) {
      byte[] v = get(key);
      if (v == null) {
        trie.remove(key);
      } else {
        trie.put(key, v);
      }
    }
    pending.clear();
    lastRoot = trie.rootHash();
    return lastRoot;
  }

  @Override
  public Hash root() {
    return computeRoot();
  }

  /** Computes the root and returns what a commit writes; the updater is finished afterwards. */
  public ModuleChanges collectChanges() {
    requireOpen();
    if (journal.depth() != 0) {
      throw new IllegalStateException(
          "cannot collect changes with " + journal.depth() + " checkpoint(s) still open");
    }
    Hash root = computeRoot();
    collected = true;
    List<TrieNode> nodes = new ArrayList<>();
    if (trie != null) {
      trie.commit((h, rlp) -> nodes.add(new TrieNode(h, rlp)));
    }
    List<ModuleChanges.Entry> entries = new ArrayList<>(overlay.size());
    for (Map.Entry<byte[], byte[]> e : overlay.entrySet()) {
      entries.add(
          new ModuleChanges.Entry(e.getKey(), e.getValue() == REMOVED ? null : e.getValue()));
    }
    return new ModuleChanges(root, nodes, entries);
  }

  public boolean isCollected() {
    return collected;
  }

  private void requireOpen() {
    if (collected) {
      throw new IllegalStateException(
          "this module updater was collected for a commit; start a new one from the database");
    }
  }

  private record Undo(byte[] key, byte[] previous) {}
}
