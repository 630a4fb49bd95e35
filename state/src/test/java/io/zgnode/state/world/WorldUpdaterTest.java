package io.zgnode.state.world;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zgnode.evm.types.Address;
import io.zgnode.evm.types.Hash;
import io.zgnode.state.TestCommits;
import io.zgnode.state.store.StateDatabase;
import java.math.BigInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WorldUpdaterTest {
  private static final Address A = Address.fromLong(0xa);
  private static final Address B = Address.fromLong(0xb);
  private static final Hash S1 = Hash.keccak(new byte[] {1});
  private static final Hash S2 = Hash.keccak(new byte[] {2});
  private static final Hash V1 = word(1);
  private static final Hash V2 = word(2);

  private final StateDatabase db = StateDatabase.inMemory();

  @AfterEach
  void close() {
    db.close();
  }

  private static Hash word(long v) {
    return StorageValues.fromMinimal(BigInteger.valueOf(v).toByteArray());
  }

  private static BigInteger wei(long v) {
    return BigInteger.valueOf(v);
  }

  @Test
  void nestedCheckpointsRevertAndCommit() {
    WorldUpdater w = db.newUpdater();
    w.setBalance(A, wei(100));
    int outer = w.checkpoint();
    w.addBalance(A, wei(10));
    w.setStorage(A, S1, V1);
    int inner = w.checkpoint();
    w.addBalance(A, wei(1));
    w.setStorage(A, S1, V2);
    w.setCode(A, new byte[] {0x60, 0x00});
    assertEquals(2, w.checkpointDepth());
    w.revertTo(inner);
    assertEquals(wei(110), w.account(A).balance());
    assertEquals(V1, w.storage(A, S1));
    assertEquals(0, w.code(A).length);
    assertFalse(w.account(A).hasCode());
    int inner2 = w.checkpoint();
    w.incrementNonce(A);
    w.commitCheckpoint(inner2);
    assertEquals(1, w.account(A).nonce());
    w.revertTo(outer);
    assertEquals(wei(100), w.account(A).balance());
    assertEquals(0, w.account(A).nonce(), "an enclosing revert undoes committed inner checkpoints");
    assertEquals(Hash.ZERO, w.storage(A, S1));
    assertEquals(0, w.checkpointDepth());
  }

  @Test
  void revertOfAnOuterCheckpointClosesInnerOnes() {
    WorldUpdater w = db.newUpdater();
    int outer = w.checkpoint();
    w.checkpoint();
    w.setBalance(B, wei(5));
    w.checkpoint();
    w.revertTo(outer);
    assertEquals(0, w.checkpointDepth());
    assertNull(w.account(B), "creation reverted");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> w.revertTo(outer));
    assertTrue(e.getMessage().contains("not open"), e.getMessage());
  }

  @Test
  void commitCheckpointMustBeInnermost() {
    WorldUpdater w = db.newUpdater();
    int outer = w.checkpoint();
    w.checkpoint();
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> w.commitCheckpoint(outer));
    assertTrue(e.getMessage().contains("innermost"), e.getMessage());
  }

  @Test
  void revertRestoresTheStateRoot() {
    WorldUpdater w = db.newUpdater();
    w.setBalance(A, wei(7));
    w.setStorage(A, S1, V1);
    Hash before = w.computeStateRoot();
    int cp = w.checkpoint();
    w.setStorage(A, S1, V2);
    w.setStorage(A, S2, V2);
    w.deleteAccount(B);
    w.setBalance(B, wei(1));
    assertNotEquals(before, w.computeStateRoot());
    w.revertTo(cp);
    assertEquals(before, w.computeStateRoot());
  }

  @Test
  void zeroStorageDeletes() {
    WorldUpdater w = db.newUpdater();
    w.setBalance(A, wei(1));
    Hash withoutStorage = w.computeStateRoot();
    w.setStorage(A, S1, V1);
    assertNotEquals(withoutStorage, w.computeStateRoot());
    w.setStorage(A, S1, Hash.ZERO);
    assertEquals(withoutStorage, w.computeStateRoot());
    assertEquals(Hash.EMPTY_TRIE, w.account(A).storageRoot());

    // Also across a commit: the slot is written, committed, then zeroed and gone from both the trie
    // and the flat table.
    w.setStorage(A, S1, V1);
    Hash withSlot = TestCommits.commitNext(db, w);
    assertEquals(V1, db.latestView().storage(A, S1));
    WorldUpdater w2 = db.newUpdater();
    w2.setStorage(A, S1, Hash.ZERO);
    TestCommits.commitNext(db, w2);
    assertEquals(withoutStorage, db.lastCommit().stateRoot());
    assertEquals(Hash.ZERO, db.latestView().storage(A, S1));
    assertNull(db.store().get(io.zgnode.state.db.Families.STORAGE, concat(A, S1)));
    assertEquals(V1, db.viewAt(withSlot).storage(A, S1), "history keeps the old value");
  }

  @Test
  void emptyAccountsAreKeptUnlessDeleted() {
    WorldUpdater w = db.newUpdater();
    Hash emptyState = w.computeStateRoot();
    w.addBalance(A, BigInteger.ZERO);
    w.subtractBalance(A, BigInteger.ZERO);
    assertNull(w.account(A), "adding or subtracting zero does not create an account");
    assertEquals(emptyState, w.computeStateRoot());
    w.setBalance(A, BigInteger.ZERO);
    assertNotNull(w.account(A));
    assertTrue(w.account(A).isEmpty());
    Hash withEmpty = w.computeStateRoot();
    assertNotEquals(emptyState, withEmpty, "an explicitly created empty account is in the trie");
    TestCommits.commitNext(db, w);
    assertTrue(db.latestView().account(A).isEmpty());
    WorldUpdater w2 = db.newUpdater();
    w2.getOrCreate(A);
    w2.deleteAccount(A);
    assertNull(w2.account(A));
    TestCommits.commitNext(db, w2);
    assertNull(db.latestView().account(A));
    assertEquals(Hash.EMPTY_TRIE, db.lastCommit().stateRoot());
  }

  @Test
  void subtractUnderflowFailsAndChangesNothing() {
    WorldUpdater w = db.newUpdater();
    w.setBalance(A, wei(5));
    InsufficientBalanceException e =
        assertThrows(InsufficientBalanceException.class, () -> w.subtractBalance(A, wei(6)));
    assertEquals(wei(5), e.balance());
    assertEquals(wei(6), e.amount());
    assertTrue(e.getMessage().contains("cannot subtract 6"), e.getMessage());
    assertEquals(wei(5), w.account(A).balance());
    assertThrows(InsufficientBalanceException.class, () -> w.subtractBalance(B, wei(1)));
    assertNull(w.account(B));
    assertThrows(IllegalArgumentException.class, () -> w.addBalance(A, wei(-1)));
    w.setBalance(B, io.zgnode.state.world.Account.MAX_BALANCE);
    assertThrows(IllegalArgumentException.class, () -> w.addBalance(B, wei(1)));
  }

  @Test
  void nonceOverflowIsRejected() {
    WorldUpdater w = db.newUpdater();
    w.setNonce(A, -1L);
    assertThrows(IllegalStateException.class, () -> w.incrementNonce(A));
    assertEquals(-1L, w.account(A).nonce());
  }

  @Test
  void deleteWipesStorageAndCodeAndRevertRestoresThem() {
    WorldUpdater w = db.newUpdater();
    byte[] code = {0x60, 0x01, 0x60, 0x00, 0x55};
    w.setCode(A, code);
    w.setStorage(A, S1, V1);
    w.setBalance(A, wei(9));
    Hash root = TestCommits.commitNext(db, w);

    WorldUpdater w2 = db.newUpdater();
    assertArrayEquals(code, w2.code(A));
    int cp = w2.checkpoint();
    w2.deleteAccount(A);
    assertNull(w2.account(A));
    assertEquals(Hash.ZERO, w2.storage(A, S1));
    assertEquals(0, w2.code(A).length);
    w2.setBalance(A, wei(1)); // recreated: fresh storage, no code
    assertEquals(Hash.ZERO, w2.storage(A, S1));
    assertEquals(
        Hash.EMPTY_TRIE, w2.computeStateRoot().equals(root) ? null : w2.account(A).storageRoot());
    w2.revertTo(cp);
    assertEquals(V1, w2.storage(A, S1));
    assertArrayEquals(code, w2.code(A));
    assertEquals(root, w2.computeStateRoot());

    w2.deleteAccount(A);
    w2.setBalance(A, wei(2));
    w2.setStorage(A, S2, V2);
    TestCommits.commitNext(db, w2);
    WorldView latest = db.latestView();
    assertEquals(Hash.ZERO, latest.storage(A, S1), "old storage wiped from the flat table");
    assertEquals(V2, latest.storage(A, S2));
    assertEquals(0, latest.code(A).length);
    WorldView old = db.viewAt(root);
    assertEquals(V1, old.storage(A, S1));
    assertArrayEquals(code, old.code(A));
  }

  @Test
  void rootMatchesAFreshComputationAfterSeveralIncrementalOnes() {
    WorldUpdater w = db.newUpdater();
    for (int i = 0; i < 50; i++) {
      w.setBalance(Address.fromLong(i), wei(i + 1));
      w.setStorage(Address.fromLong(i % 7), word(i), word(i * 3 + 1));
      if (i % 10 == 9) {
        w.computeStateRoot();
      }
    }
    WorldUpdater fresh = db.newUpdater();
    for (int i = 0; i < 50; i++) {
      fresh.setBalance(Address.fromLong(i), wei(i + 1));
      fresh.setStorage(Address.fromLong(i % 7), word(i), word(i * 3 + 1));
    }
    assertEquals(fresh.computeStateRoot(), w.computeStateRoot());
  }

  @Test
  void collectedUpdaterRejectsChanges() {
    WorldUpdater w = db.newUpdater();
    w.setBalance(A, wei(1));
    TestCommits.commitNext(db, w);
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> w.setBalance(A, wei(2)));
    assertTrue(e.getMessage().contains("collected"), e.getMessage());
  }

  @Test
  void collectingWithOpenCheckpointsFails() {
    WorldUpdater w = db.newUpdater();
    w.checkpoint();
    assertThrows(IllegalStateException.class, w::collectChanges);
  }

  private static byte[] concat(Address a, Hash s) {
    byte[] k = new byte[52];
    System.arraycopy(a.bytesUnsafe(), 0, k, 0, 20);
    System.arraycopy(s.bytesUnsafe(), 0, k, 20, 32);
    return k;
  }
}
