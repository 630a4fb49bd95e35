package io.zgnode.evm.precompile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import io.zgnode.evm.bytes.Hex;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** SHA256, RIPEMD160 and IDENTITY against the standard digests of "" and "abc", and their gas. */
class HashPrecompilesTest {
  private static final byte[] ABC = "abc".getBytes(StandardCharsets.US_ASCII);

  @Test
  void sha256() {
    Sha256 sha = new Sha256();
    assertEquals(
        "0xe3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        Hex.encode(sha.execute(new byte[0]).output()));
    assertEquals(
        "0xba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        Hex.encode(sha.execute(ABC).output()));
    assertEquals(60, sha.gasCost(new byte[0]));
    assertEquals(72, sha.gasCost(new byte[1]));
    assertEquals(72, sha.gasCost(new byte[32]));
    assertEquals(84, sha.gasCost(new byte[33]));
  }

  @Test
  void ripemd160IsLeftPadded() {
    Ripemd160 ripemd = new Ripemd160();
    assertEquals(
        "0x0000000000000000000000009c1185a5c5e9fc54612808977ee8f548b2258d31",
        Hex.encode(ripemd.execute(new byte[0]).output()));
    assertEquals(
        "0x0000000000000000000000008eb208f7e05d987a9b044a8e98c6b087f15a0bfc",
        Hex.encode(ripemd.execute(ABC).output()));
    assertEquals(600, ripemd.gasCost(new byte[0]));
    assertEquals(720, ripemd.gasCost(new byte[31]));
    assertEquals(840, ripemd.gasCost(new byte[64]));
  }

  @Test
  void identityCopies() {
    Identity identity = new Identity();
    byte[] input = {1, 2, 3};
    PrecompileResult r = identity.execute(input);
    assertArrayEquals(input, r.output());
    assertNotSame(input, r.output());
    assertEquals(0, identity.execute(new byte[0]).output().length);
    assertEquals(15, identity.gasCost(new byte[0]));
    assertEquals(18, identity.gasCost(input));
    assertEquals(15 + 3L * 33, identity.gasCost(new byte[1025]));
  }

  @Test
  void blake2fGasIsTheRoundCountAndMalformedInputFails() {
    Blake2F blake = new Blake2F();
    byte[] input = new byte[Blake2F.INPUT_LENGTH];
    input[0] = (byte) 0xff;
    input[1] = (byte) 0xff;
    input[2] = (byte) 0xff;
    input[3] = (byte) 0xff;
    assertEquals(0xffffffffL, blake.gasCost(input));
    assertEquals(0, blake.gasCost(new byte[212]));
    input[212] = 2;
    assertFalse(blake.execute(input).success());
    assertFalse(blake.execute(new byte[214]).success());
  }

  @Test
  void blake2fMatchesRfc7693() {
    // RFC 7693 appendix A: BLAKE2b-512("abc"), one block, 12 rounds. The parameter block sets
    // h0 ^= 0x01010040 (digest length 64, no key, fan-out and depth 1).
    byte[] input = new byte[Blake2F.INPUT_LENGTH];
    input[3] = 12;
    long[] iv = {
      0x6a09e667f3bcc908L ^ 0x01010040L,
      0xbb67ae8584caa73bL,
      0x3c6ef372fe94f82bL,
      0xa54ff53a5f1d36f1L,
      0x510e527fade682d1L,
      0x9b05688c2b3e6c1fL,
      0x1f83d9abfb41bd6bL,
      0x5be0cd19137e2179L
    };
    for (int i = 0; i < 8; i++) {
      for (int b = 0; b < 8; b++) {
        input[4 + 8 * i + b] = (byte) (iv[i] >>> (8 * b));
      }
    }
    System.arraycopy(ABC, 0, input, 68, 3);
    input[196] = 3; // t0 = 3 bytes
    input[212] = 1; // final block
    assertEquals(
        "0xba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d1"
            + "7d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923",
        Hex.encode(new Blake2F().execute(input).output()));
  }
}
