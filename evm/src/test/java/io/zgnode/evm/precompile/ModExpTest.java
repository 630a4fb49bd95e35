package io.zgnode.evm.precompile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zgnode.evm.bytes.Hex;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ModExpTest {
  private static final ModExp BERLIN = ModExp.berlin();
  private static final ModExp OSAKA = ModExp.osaka();

  /** The EIP-198 header: three 32-byte lengths. */
  private static byte[] header(BigInteger baseLen, BigInteger expLen, BigInteger modLen) {
    byte[] out = new byte[96];
    put(out, 0, baseLen);
    put(out, 32, expLen);
    put(out, 64, modLen);
    return out;
  }

  private static byte[] header(long baseLen, long expLen, long modLen) {
    return header(
        BigInteger.valueOf(baseLen), BigInteger.valueOf(expLen), BigInteger.valueOf(modLen));
  }

  private static void put(byte[] out, int offset, BigInteger v) {
    byte[] raw = v.toByteArray();
    int len = Math.min(raw.length, 32);
    System.arraycopy(raw, raw.length - len, out, offset + 32 - len, len);
  }

  private static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] out = new byte[n];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }

  @Test
  void smallExponentiation() {
    byte[] input = concat(header(1, 1, 1), new byte[] {3, 5, 7});
    // 3^5 mod 7 = 243 mod 7 = 5
    assertArrayEquals(new byte[] {5}, BERLIN.execute(input).output());
    assertArrayEquals(new byte[] {5}, OSAKA.execute(input).output());
    assertEquals(200, BERLIN.gasCost(input));
    assertEquals(500, OSAKA.gasCost(input));
  }

  @Test
  void missingInputBytesReadAsZero() {
    // base 2 (1 byte), exponent 3 (1 byte), modulus declared 2 bytes with only 0x01 present: the
    // modulus is 0x0100 = 256, and 2^3 mod 256 = 8, returned on 2 bytes.
    byte[] input = concat(header(1, 1, 2), new byte[] {2, 3, 1});
    assertEquals("0x0008", Hex.encode(BERLIN.execute(input).output()));
    // With no bytes at all after the header everything is zero: 0^0 mod 0 -> zero output.
    assertEquals("0x0000", Hex.encode(BERLIN.execute(header(1, 1, 2)).output()));
    // An empty input is all zero lengths: success with empty output.
    PrecompileResult empty = BERLIN.execute(new byte[0]);
    assertTrue(empty.success());
    assertEquals(0, empty.output().length);
    assertEquals(200, BERLIN.gasCost(new byte[0]));
    assertEquals(500, OSAKA.gasCost(new byte[0]));
  }

  @Test
  void extraInputIsIgnoredAndModulusOneGivesZero() {
    byte[] input = concat(header(1, 1, 1), new byte[] {9, 9, 1}, new byte[] {(byte) 0xff, 0x11});
    assertArrayEquals(new byte[] {0}, BERLIN.execute(input).output());
  }

  @Test
  void zeroExponentAndZeroModulus() {
    // x^0 mod m = 1 for m > 1
    assertArrayEquals(
        new byte[] {0, 1},
        BERLIN.execute(concat(header(1, 1, 2), new byte[] {5, 0, 0, 9})).output());
    // modulus zero: output is zeros of the modulus length
    assertArrayEquals(
        new byte[3], BERLIN.execute(concat(header(1, 1, 3), new byte[] {5, 2, 0, 0, 0})).output());
  }

  @Test
  void hugeDeclaredLengthsPriceAtMaxAndFailQuickly() {
    BigInteger max = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);
    byte[][] inputs = {
      header(max, BigInteger.ONE, BigInteger.ONE),
      header(BigInteger.ONE, BigInteger.ONE, max),
      header(BigInteger.ONE, max, BigInteger.ONE),
      header(BigInteger.ONE.shiftLeft(32), BigInteger.ONE, BigInteger.ONE),
      header(
          BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE), BigInteger.ZERO, BigInteger.ONE),
    };
    assertTimeoutPreemptively(
        Duration.ofSeconds(5),
        () -> {
          for (byte[] input : inputs) {
            assertEquals(Long.MAX_VALUE, BERLIN.gasCost(input), Hex.encode(input));
            assertEquals(Long.MAX_VALUE, OSAKA.gasCost(input), Hex.encode(input));
            assertFalse(BERLIN.execute(input).success());
            assertFalse(OSAKA.execute(input).success());
          }
        });
  }

  @Test
  void largeButNotHugeLengthsAreRefusedWithoutAllocating() {
    // 2^31 bytes of base: priced far beyond any block, and execute() must not try to build it.
    byte[] input = concat(header(1L << 31, 1, 1), new byte[] {2, 3, 5});
    assertTimeoutPreemptively(
        Duration.ofSeconds(5),
        () -> {
          assertTrue(BERLIN.gasCost(input) > 1L << 50);
          assertFalse(BERLIN.execute(input).success());
        });
  }

  @Test
  void emptyBaseAndModulusWithHugeExponentIsCheapBeforeOsaka() {
    BigInteger max = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);
    byte[] input = header(BigInteger.ZERO, max, BigInteger.ZERO);
    // EIP-2565: multiplication complexity 0 -> the 200 minimum; nothing to compute.
    assertEquals(200, BERLIN.gasCost(input));
    PrecompileResult berlin = BERLIN.execute(input);
    assertTrue(berlin.success());
    assertEquals(0, berlin.output().length);
    // EIP-7883 prices the exponent regardless; EIP-7823 rejects the length.
    assertEquals(Long.MAX_VALUE, OSAKA.gasCost(input));
    assertFalse(OSAKA.execute(input).success());
  }

  @Test
  void osakaBoundsAreAtMost1024BytesEach() {
    byte[] base = new byte[1024];
    base[1023] = 3;
    byte[] exp = {2};
    byte[] mod = new byte[1024];
    mod[0] = 1;
    byte[] atLimit = concat(header(1024, 1, 1024), base, exp, mod);
    PrecompileResult ok = OSAKA.execute(atLimit);
    assertTrue(ok.success());
    assertEquals(1024, ok.output().length);
    assertEquals(9, ok.output()[1023]);
    for (byte[] over :
        new byte[][] {
          concat(header(1025, 1, 1), new byte[1027]),
          concat(header(1, 1025, 1), new byte[1027]),
          concat(header(1, 1, 1025), new byte[1027])
        }) {
      assertFalse(OSAKA.execute(over).success());
      // Berlin has no such bound.
      assertTrue(BERLIN.execute(over).success());
    }
  }

  @Test
  void osakaPricing() {
    // max length 32 -> complexity 16; exponent 0xff.. (32 bytes) -> 255 iterations
    byte[] exp32 = new byte[32];
    Arrays.fill(exp32, (byte) 0xff);
    byte[] input = concat(header(32, 32, 32), new byte[32], exp32, new byte[32]);
    assertEquals(16L * 255, OSAKA.gasCost(input));
    assertEquals(Math.max(200, 16L * 255 / 3), BERLIN.gasCost(input));
    // 33-byte modulus -> 2 * 5^2 = 50 per iteration; exponent of 40 bytes, head 0x01..
    byte[] exp40 = new byte[40];
    exp40[0] = 1;
    byte[] longer = concat(header(1, 40, 33), new byte[1], exp40, new byte[33]);
    long iterations = 16L * 8 + (8 * 32 - 8); // 16 (len - 32) + bitlen(head) - 1, head = 2^248
    assertEquals(Math.max(500, 50 * iterations), OSAKA.gasCost(longer));
    long berlinIterations = 8L * 8 + (8 * 32 - 8);
    assertEquals(Math.max(200, 25 * berlinIterations / 3), BERLIN.gasCost(longer));
  }

  /**
   * The gas of go-ethereum's nagydani-4 and -5 vectors (modexp_eip2565.json and
   * modexp_eip7883.json), whose inputs are too long to store here. Gas depends only on the three
   * lengths and the exponent, so those are reproduced with zero base and modulus bytes.
   */
  @Test
  void publishedGasOfTheLongNagydaniVectors() {
    long[][] cases = {
      // length, exponent, EIP-2565 gas, EIP-7883 gas
      {512, 2, 1365, 8192},
      {512, 3, 1365, 8192},
      {512, 0x10001, 21845, 131072},
      {1024, 2, 5461, 32768},
      {1024, 3, 5461, 32768},
      {1024, 0x10001, 87381, 524288},
    };
    for (long[] c : cases) {
      int len = (int) c[0];
      byte[] exp = BigInteger.valueOf(c[1]).toByteArray();
      byte[] input = concat(header(len, exp.length, len), new byte[len], exp, new byte[len]);
      assertEquals(c[2], BERLIN.gasCost(input), "EIP-2565, length " + len + ", exp " + c[1]);
      assertEquals(c[3], OSAKA.gasCost(input), "EIP-7883, length " + len + ", exp " + c[1]);
    }
  }

  @Test
  void exponentHeadBeyondInputCountsAsZero() {
    // exp_len 64 with no exponent bytes present: iterations = 8 * 32 + 0
    byte[] input = header(8, 64, 8);
    assertEquals(Math.max(200, 1L * 8 * 32 / 3), BERLIN.gasCost(input));
    assertEquals(Math.max(500, 16L * 16 * 32), OSAKA.gasCost(input));
  }
}
