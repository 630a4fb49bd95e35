package io.zgnode.evm.world;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zgnode.evm.types.Address;
import io.zgnode.evm.types.Hash;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class MapEvmWorldTest {
  private static final Address A = Address.fromLong(0xa);
  private static final Address B = Address.fromLong(0xb);
  private static final Hash ONE = Hash.fromHex("0x" + "00".repeat(31) + "01");
  private static final Hash TWO = Hash.fromHex("0x" + "00".repeat(31) + "02");

  @Test
  void missingAccountsReadAsEmpty() {
    MapEvmWorld w = new MapEvmWorld();
    assertFalse(w.exists(A));
    assertTrue(w.isEmpty(A));
    assertEquals(BigInteger.ZERO, w.balance(A));
    assertEquals(0, w.nonce(A));
    assertEquals(0, w.code(A).length);
    assertEquals(Hash.EMPTY_CODE, w.codeHash(A));
    assertEquals(Hash.ZERO, w.storage(A, ONE));
    assertFalse(w.hasStorage(A));
  }

  @Test
  void revertUndoesEverythingSinceTheCheckpoint() {
    MapEvmWorld w = new MapEvmWorld();
    w.setBalance(A, BigInteger.TEN);
    w.setStorage(A, ONE, TWO);
    int outer = w.checkpoint();
    w.setBalance(A, BigInteger.ONE);
    w.setNonce(A, 5);
    w.setCode(A, new byte[] {0x60, 0x00});
    w.setStorage(A, ONE, Hash.ZERO);
    w.setStorage(A, TWO, ONE);
    int inner = w.checkpoint();
    w.deleteAccount(A);
    w.setBalance(B, BigInteger.TWO);
    w.commit(inner);
    assertFalse(w.exists(A));
    w.revertTo(outer);
    assertEquals(BigInteger.TEN, w.balance(A));
    assertEquals(0, w.nonce(A));
    assertEquals(0, w.code(A).length);
    assertEquals(TWO, w.storage(A, ONE));
    assertEquals(Hash.ZERO, w.storage(A, TWO));
    assertFalse(w.exists(B));
  }

  @Test
  void commitKeepsChangesAndCopiesAreIndependent() {
    MapEvmWorld w = new MapEvmWorld();
    int c = w.checkpoint();
    w.setCode(A, new byte[] {1, 2, 3});
    w.setStorage(A, ONE, ONE);
    w.commit(c);
    MapEvmWorld copy = w.copy();
    copy.setStorage(A, ONE, TWO);
    assertEquals(ONE, w.storage(A, ONE));
    assertArrayEquals(new byte[] {1, 2, 3}, copy.code(A));
    assertEquals(Hash.keccak(new byte[] {1, 2, 3}), copy.codeHash(A));
  }

  @Test
  void checkpointsMustNest() {
    MapEvmWorld w = new MapEvmWorld();
    int outer = w.checkpoint();
    w.checkpoint();
    assertThrows(IllegalArgumentException.class, () -> w.commit(outer));
    assertThrows(IllegalArgumentException.class, () -> w.revertTo(7));
  }
}
