package io.zgnode.state.trie;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.zgnode.evm.crypto.Keccak256;
import io.zgnode.evm.types.Hash;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KeccakTest {
  /** Every length across the first five blocks (rate 136), including the padding edge cases. */
  @Test
  void matchesTheReferenceForEveryLength() {
    Random rnd = new Random(1);
    for (int len = 0; len <= 5 * 136 + 1; len++) {
      byte[] data = new byte[len];
      rnd.nextBytes(data);
      assertArrayEquals(Keccak256.hash(data), Keccak.digest(data), "length " + len);
    }
  }

  @Test
  void knownValues() {
    assertEquals(Hash.EMPTY_CODE, Keccak.hash(new byte[0]));
    assertEquals(Hash.EMPTY_TRIE, Keccak.hash(new byte[] {(byte) 0x80}));
    byte[] data = new byte[300];
    assertArrayEquals(Keccak256.hash(data, 10, 200), Keccak.digest(data, 10, 200));
  }
}
