package io.zgnode.evm.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.zgnode.evm.types.Hash;
import java.util.Arrays;
import java.util.Random;
import org.bouncycastle.crypto.digests.KeccakDigest;
import org.junit.jupiter.api.Test;

class Keccak256Test {
  private static byte[] reference(byte[] data, int off, int len) {
    KeccakDigest d = new KeccakDigest(256);
    d.update(data, off, len);
    byte[] out = new byte[32];
    d.doFinal(out, 0);
    return out;
  }

  /** Every length across the first five blocks (rate 136), including the padding edge cases. */
  @Test
  void matchesTheReferenceForEveryLength() {
    Random rnd = new Random(1);
    for (int len = 0; len <= 5 * 136 + 1; len++) {
      byte[] data = new byte[len + 7];
      rnd.nextBytes(data);
      assertArrayEquals(reference(data, 3, len), Keccak256.hash(data, 3, len), "length " + len);
      byte[] exact = Arrays.copyOfRange(data, 3, 3 + len);
      assertArrayEquals(reference(exact, 0, len), Keccak256.hash(exact), "length " + len);
    }
  }

  @Test
  void knownValuesAndParts() {
    assertEquals(Hash.EMPTY_CODE, Hash.keccak(new byte[0]));
    assertEquals(Hash.EMPTY_TRIE, Hash.keccak(new byte[] {(byte) 0x80}));
    byte[] a = {1, 2, 3};
    byte[] b = new byte[200];
    byte[] ab = new byte[203];
    System.arraycopy(a, 0, ab, 0, 3);
    assertArrayEquals(Keccak256.hash(ab), Keccak256.hash(a, b));
  }
}
