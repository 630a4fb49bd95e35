package io.zgnode.evm.precompile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zgnode.evm.crypto.Keccak256;
import io.zgnode.evm.crypto.Secp256k1;
import io.zgnode.evm.types.Address;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class EcRecoverTest {
  private static final EcRecover EC_RECOVER = new EcRecover();
  private static final BigInteger KEY =
      new BigInteger("4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318", 16);
  private static final byte[] HASH = Keccak256.hash("zgnode".getBytes(StandardCharsets.US_ASCII));

  private static byte[] input(byte[] hash, int v, BigInteger r, BigInteger s) {
    byte[] in = new byte[128];
    System.arraycopy(hash, 0, in, 0, 32);
    in[63] = (byte) v;
    put(in, 64, r);
    put(in, 96, s);
    return in;
  }

  private static void put(byte[] out, int offset, BigInteger v) {
    byte[] raw = v.toByteArray();
    int len = Math.min(raw.length, 32);
    System.arraycopy(raw, raw.length - len, out, offset + 32 - len, len);
  }

  private static byte[] expectedOutput() {
    byte[] out = new byte[32];
    System.arraycopy(Secp256k1.address(KEY).bytesUnsafe(), 0, out, 12, Address.LENGTH);
    return out;
  }

  private static void assertEmpty(byte[] input) {
    PrecompileResult r = EC_RECOVER.execute(input);
    assertTrue(r.success(), "ecrecover never fails the call");
    assertEquals(0, r.output().length);
  }

  @Test
  void recoversTheSigner() {
    Secp256k1.Signature sig = Secp256k1.sign(HASH, KEY);
    byte[] in = input(HASH, 27 + sig.recoveryId(), sig.r(), sig.s());
    assertArrayEquals(expectedOutput(), EC_RECOVER.execute(in).output());
    assertEquals(3000, EC_RECOVER.gasCost(in));
  }

  @Test
  void highSIsAccepted() {
    Secp256k1.Signature sig = Secp256k1.sign(HASH, KEY);
    // (r, N - s) with the other parity is the same signature in high-s form.
    byte[] in = input(HASH, 27 + (sig.recoveryId() ^ 1), sig.r(), Secp256k1.N.subtract(sig.s()));
    assertArrayEquals(expectedOutput(), EC_RECOVER.execute(in).output());
  }

  @Test
  void badVGivesEmptyOutput() {
    Secp256k1.Signature sig = Secp256k1.sign(HASH, KEY);
    for (int v : new int[] {0, 1, 26, 29, 255}) {
      assertEmpty(input(HASH, v, sig.r(), sig.s()));
    }
    byte[] highBits = input(HASH, 27 + sig.recoveryId(), sig.r(), sig.s());
    highBits[32] = 1;
    assertEmpty(highBits);
    byte[] middleBit = input(HASH, 27 + sig.recoveryId(), sig.r(), sig.s());
    middleBit[62] = 1;
    assertEmpty(middleBit);
  }

  @Test
  void outOfRangeROrSGivesEmptyOutput() {
    Secp256k1.Signature sig = Secp256k1.sign(HASH, KEY);
    int v = 27 + sig.recoveryId();
    assertEmpty(input(HASH, v, BigInteger.ZERO, sig.s()));
    assertEmpty(input(HASH, v, sig.r(), BigInteger.ZERO));
    assertEmpty(input(HASH, v, Secp256k1.N, sig.s()));
    assertEmpty(input(HASH, v, sig.r(), Secp256k1.N));
    assertEmpty(input(HASH, v, BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE), sig.s()));
  }

  @Test
  void shortInputIsZeroPaddedAndLongInputTruncated() {
    assertEmpty(new byte[0]);
    assertEmpty(new byte[63]);
    Secp256k1.Signature sig = Secp256k1.sign(HASH, KEY);
    byte[] in = input(HASH, 27 + sig.recoveryId(), sig.r(), sig.s());
    byte[] longer = Arrays.copyOf(in, 200);
    Arrays.fill(longer, 128, 200, (byte) 0x5a);
    assertArrayEquals(expectedOutput(), EC_RECOVER.execute(longer).output());
    assertEquals(3000, EC_RECOVER.gasCost(longer));
    // An s whose low bytes are cut off reads as zero-padded on the right: a different signature.
    byte[] cut = Arrays.copyOf(in, 127);
    PrecompileResult r = EC_RECOVER.execute(cut);
    assertTrue(r.success());
    assertTrue(r.output().length == 0 || !Arrays.equals(expectedOutput(), r.output()));
  }
}
