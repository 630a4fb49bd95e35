package io.zgnode.state.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zgnode.evm.types.Address;
import io.zgnode.evm.types.Hash;
import io.zgnode.state.TestCommits;
import io.zgnode.state.db.Families;
import io.zgnode.state.db.StorageException;
import io.zgnode.state.world.Account;
import io.zgnode.state.world.StorageValues;
import io.zgnode.state.world.WorldUpdater;
import io.zgnode.state.world.WorldView;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateDatabaseTest {
  private static final Address A = Address.fromLong(0xaa);
  private static final Address B = Address.fromLong(0xbb);
  private static final Hash SLOT = Hash.keccak(new byte[] {9});

  @TempDir Path tmp;

  private static byte[] b(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private static BigInteger wei(long v) {
    return BigInteger.valueOf(v);
  }

  @Test
  void nothingCommitted() {
    try (StateDatabase db = StateDatabase.open(tmp.resolve("db"))) {
      CommitInfo c = db.lastCommit();
      assertEquals(0, c.height());
      assertEquals(Hash.EMPTY_TRIE, c.stateRoot());
      assertEquals(Hash.EMPTY_TRIE, c.modulesRoot());
      assertEquals(AppHash.of(Hash.EMPTY_TRIE, Hash.EMPTY_TRIE), c.appHash());
      assertNull(db.latestView().account(A));
      assertEquals(Hash.EMPTY_TRIE, db.latestView().stateRoot());
    }
  }

  @Test
  void committedDataSurvivesReopenAndUncommittedDoesNot() {
    Path dir = tmp.resolve("db");
    Hash root;
    CommitInfo committed;
    try (StateDatabase db = StateDatabase.open(dir)) {
      WorldUpdater w = db.newUpdater();
      w.setBalance(A, wei(1000));
      w.setCode(A, new byte[] {1, 2, 3});
      w.setStorage(A, SLOT, StorageValues.fromMinimal(new byte[] {7}));
      ModuleUpdater m = db.newModuleUpdater();
      m.put(b("params/x"), b("42"));
      root =
          TestCommits.commitNext(db, w, m, List.of(new Put(Families.BLOCKS, b("1"), b("block-1"))));
      committed = db.lastCommit();
      assertEquals(1, committed.height());

      // Changes that are never committed.
      WorldUpdater lost = db.newUpdater();
      lost.setBalance(B, wei(5));
      lost.computeStateRoot();
      ModuleUpdater lostModules = db.newModuleUpdater();
      lostModules.put(b("params/x"), b("43"));
      lostModules.computeRoot();
    }
    try (StateDatabase db = StateDatabase.open(dir)) {
      assertEquals(committed, db.lastCommit());
      assertEquals(committed, db.commitAt(1).orElseThrow());
      WorldView v = db.latestView();
      assertEquals(root, v.stateRoot());
      assertEquals(wei(1000), v.account(A).balance());
      assertArrayEquals(new byte[] {1, 2, 3}, v.code(A));
      assertEquals(StorageValues.fromMinimal(new byte[] {7}), v.storage(A, SLOT));
      assertNull(v.account(B));
      assertArrayEquals(b("42"), db.modules().latest().get(b("params/x")));
      assertArrayEquals(b("block-1"), db.get(Families.BLOCKS, b("1")));
      assertNull(db.get("never-created", b("1")));
      assertEquals(AppHash.of(committed.stateRoot(), committed.modulesRoot()), committed.appHash());
    }
  }

  @Test
  void heightsMustFollowEachOther() {
    try (StateDatabase db = StateDatabase.inMemory()) {
      assertThrows(IllegalArgumentException.class, () -> commitAt(db, 0));
      commitAt(db, 100); // the first commit may start anywhere
      assertEquals(100, db.lastCommit().height());
      IllegalArgumentException skip =
          assertThrows(IllegalArgumentException.class, () -> commitAt(db, 102));
      assertTrue(skip.getMessage().contains("expected 101"), skip.getMessage());
      assertThrows(IllegalArgumentException.class, () -> commitAt(db, 100));
      commitAt(db, 101);
      assertEquals(101, db.lastCommit().height());
      assertTrue(db.commitAt(100).isPresent());
      assertTrue(db.commitAt(99).isEmpty());
    }
  }

  @Test
  void rejectedCommitsChangeNothing() {
    try (StateDatabase db = StateDatabase.inMemory()) {
      WorldUpdater w = db.newUpdater();
      w.setBalance(A, wei(1));
      ModuleUpdater m = db.newModuleUpdater();
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class, () -> db.commit(1, w, m, Hash.ZERO, List.of()));
      assertTrue(e.getMessage().contains("does not match"), e.getMessage());
      assertEquals(0, db.lastCommit().height());
      // The updaters are still usable after a rejected commit.
      db.commit(1, w, m, AppHash.of(w.computeStateRoot(), m.computeRoot()), List.of());

      WorldUpdater stale = db.newUpdater();
      stale.setBalance(B, wei(1));
      WorldUpdater current = db.newUpdater();
      current.setBalance(A, wei(2));
      TestCommits.commitNext(db, current);
      IllegalArgumentException staleError =
          assertThrows(IllegalArgumentException.class, () -> TestCommits.commitNext(db, stale));
      assertTrue(
          staleError.getMessage().contains("not on the last committed state"),
          staleError.getMessage());

      try (StateDatabase other = StateDatabase.inMemory()) {
        WorldUpdater foreign = other.newUpdater();
        assertThrows(IllegalArgumentException.class, () -> TestCommits.commitNext(db, foreign));
      }
      assertThrows(
          IllegalArgumentException.class, () -> new Put(Families.ACCOUNTS, b("k"), b("v")));
    }
  }

  @Test
  void historicalViewsKeepTheirValues() {
    try (StateDatabase db = StateDatabase.open(tmp.resolve("db"))) {
      List<Hash> roots = new ArrayList<>();
      List<Hash> moduleRoots = new ArrayList<>();
      for (int h = 1; h <= 5; h++) {
        WorldUpdater w = db.newUpdater();
        w.setBalance(A, wei(h * 10L));
        w.setStorage(A, SLOT, StorageValues.fromMinimal(new byte[] {(byte) h}));
        ModuleUpdater m = db.newModuleUpdater();
        m.put(b("h"), new byte[] {(byte) h});
        roots.add(TestCommits.commitNext(db, w, m, List.of()));
        moduleRoots.add(db.lastCommit().modulesRoot());
      }
      for (int h = 1; h <= 5; h++) {
        WorldView v = db.viewAt(roots.get(h - 1));
        assertEquals(wei(h * 10L), v.account(A).balance());
        assertEquals(StorageValues.fromMinimal(new byte[] {(byte) h}), v.storage(A, SLOT));
        assertArrayEquals(
            new byte[] {(byte) h}, db.modules().viewAt(moduleRoots.get(h - 1)).get(b("h")));
        assertEquals(roots.get(h - 1), db.commitAt(h).orElseThrow().stateRoot());
      }
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> db.viewAt(Hash.keccak(b("nope"))));
      assertTrue(e.getMessage().contains("unknown state root"), e.getMessage());
      // A simulation at an old root reads that state.
      WorldUpdater sim = db.updaterAt(roots.get(1));
      assertEquals(wei(20), sim.account(A).balance());
    }
  }

  /** A view taken before a commit keeps reading its own state after the commit. */
  @Test
  void viewsStayOnTheirState() {
    try (StateDatabase db = StateDatabase.inMemory()) {
      WorldUpdater w = db.newUpdater();
      w.setBalance(A, wei(1));
      w.setStorage(A, SLOT, StorageValues.fromMinimal(new byte[] {1}));
      ModuleUpdater m = db.newModuleUpdater();
      m.put(b("k/1"), b("one"));
      TestCommits.commitNext(db, w, m, List.of());
      WorldView before = db.latestView();
      ModuleView modulesBefore = db.modules().latest();
      assertEquals(wei(1), before.account(A).balance()); // cached through the flat table

      WorldUpdater w2 = db.newUpdater();
      w2.setBalance(A, wei(2));
      w2.setStorage(A, SLOT, StorageValues.fromMinimal(new byte[] {2}));
      ModuleUpdater m2 = db.newModuleUpdater();
      m2.put(b("k/1"), b("uno"));
      m2.put(b("k/2"), b("two"));
      TestCommits.commitNext(db, w2, m2, List.of());

      assertEquals(wei(1), before.account(A).balance());
      assertEquals(StorageValues.fromMinimal(new byte[] {1}), before.storage(A, SLOT));
      assertArrayEquals(b("one"), modulesBefore.get(b("k/1")));
      assertThrows(
          IllegalStateException.class,
          () -> modulesBefore.forEachWithPrefix(b("k/"), (k, v) -> true));
      assertEquals(wei(2), db.latestView().account(A).balance());
      List<String> keys = new ArrayList<>();
      db.modules()
          .latest()
          .forEachWithPrefix(b("k/"), (k, v) -> keys.add(new String(k, StandardCharsets.US_ASCII)));
      assertEquals(List.of("k/1", "k/2"), keys);
    }
  }

  @Test
  void moduleUpdaterCheckpointsAndRoots() {
    try (StateDatabase db = StateDatabase.inMemory()) {
      ModuleUpdater m = db.newModuleUpdater();
      assertEquals(Hash.EMPTY_TRIE, m.computeRoot());
      m.put(b("a"), b("1"));
      Hash one = m.computeRoot();
      int cp = m.checkpoint();
      m.put(b("a"), b("2"));
      m.put(b("b"), b("3"));
      m.remove(b("zz"));
      assertNotEquals(one, m.computeRoot());
      m.revertTo(cp);
      assertEquals(one, m.computeRoot());
      assertNull(m.get(b("b")));
      m.put(b("pre/1"), b("x"));
      m.put(b("pre/2"), b("y"));
      TestCommits.commitNext(db, db.newUpdater(), m, List.of());
      ModuleUpdater m2 = db.newModuleUpdater();
      m2.remove(b("pre/1"));
      m2.put(b("pre/3"), b("z"));
      m2.put(b("a"), new byte[0]); // empty removes
      List<String> seen = new ArrayList<>();
      m2.forEachWithPrefix(b("pre/"), (k, v) -> seen.add(new String(k, StandardCharsets.US_ASCII)));
      assertEquals(List.of("pre/2", "pre/3"), seen);
      assertNull(m2.get(b("a")));
      Hash expected = m2.computeRoot();
      TestCommits.commitNext(db, db.newUpdater(), m2, List.of());
      assertEquals(expected, db.lastCommit().modulesRoot());
      assertNull(db.modules().latest().get(b("pre/1")));
      assertNull(db.modules().latest().get(b("a")));
      // Fresh root of the same content.
      io.zgnode.state.trie.SecureMerklePatriciaTrie t =
          new io.zgnode.state.trie.SecureMerklePatriciaTrie(
              io.zgnode.state.trie.NodeStore.EMPTY, Hash.EMPTY_TRIE);
      t.put(b("pre/2"), b("y"));
      t.put(b("pre/3"), b("z"));
      assertEquals(t.rootHash(), expected);
    }
  }

  @Test
  void openErrorsAreClear() {
    Path dir = tmp.resolve("db");
    try (StateDatabase db = StateDatabase.open(dir)) {
      StorageException e = assertThrows(StorageException.class, () -> StateDatabase.open(dir));
      assertTrue(e.getMessage().contains("in use by another process"), e.getMessage());
      assertEquals(0, db.lastCommit().height());
    }
  }

  @Test
  void accountsReadFromTheFlatTableMatchTheTrie() {
    try (StateDatabase db = StateDatabase.open(tmp.resolve("db"))) {
      WorldUpdater w = db.newUpdater();
      for (int i = 0; i < 500; i++) {
        w.setBalance(Address.fromLong(i), wei(i));
        w.setNonce(Address.fromLong(i), i);
      }
      Hash root = TestCommits.commitNext(db, w);
      WorldView flat = db.latestView();
      WorldView trie = WorldViewsForTest.trieView(db, root);
      for (int i = 0; i < 500; i++) {
        Account a = flat.account(Address.fromLong(i));
        assertEquals(a, trie.account(Address.fromLong(i)));
        assertEquals(i, a.nonce());
      }
    }
  }

  private static void commitAt(StateDatabase db, long height) {
    WorldUpdater w = db.newUpdater();
    w.setBalance(A, wei(height));
    ModuleUpdater m = db.newModuleUpdater();
    db.commit(height, w, m, AppHash.of(w.computeStateRoot(), m.computeRoot()), List.of());
  }
}
