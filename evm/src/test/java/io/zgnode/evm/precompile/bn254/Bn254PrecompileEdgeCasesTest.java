package io.zgnode.evm.precompile.bn254;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zgnode.evm.crypto.bn254.Fp;
import io.zgnode.evm.crypto.bn254.Fp2;
import io.zgnode.evm.crypto.bn254.G1Point;
import io.zgnode.evm.crypto.bn254.G2Point;
import io.zgnode.evm.precompile.PrecompileResult;
import java.math.BigInteger;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** EIP-196/197 input rules beyond the published vectors: padding, bad points, bad lengths, gas. */
class Bn254PrecompileEdgeCasesTest {
  private static final Bn254Add ADD = new Bn254Add();
  private static final Bn254Mul MUL = new Bn254Mul();
  private static final Bn254Pairing PAIRING = new Bn254Pairing();

  private static final byte[] G1 = G1Point.GENERATOR.toBytes();
  private static final byte[] G2 = G2Point.GENERATOR.toEip197Bytes();

  private static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] out = new byte[n];
    int o = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, o, p.length);
      o += p.length;
    }
    return out;
  }

  private static byte[] word(BigInteger v) {
    byte[] raw = v.toByteArray();
    byte[] out = new byte[32];
    int n = Math.min(raw.length, 32);
    System.arraycopy(raw, raw.length - n, out, 32 - n, n);
    return out;
  }

  private static byte[] modulusWord() {
    return word(Fp.MODULUS);
  }

  @Test
  void addPadsShortInputAndIgnoresExtraBytes() {
    byte[] twoG = G1Point.GENERATOR.multiply(BigInteger.TWO).toBytes();
    assertArrayEquals(twoG, ADD.execute(concat(G1, G1)).output());
    assertArrayEquals(twoG, ADD.execute(concat(G1, G1, new byte[] {1, 2, 3})).output());
    // only the first point, the second read as zeros (infinity)
    assertArrayEquals(G1, ADD.execute(G1).output());
    // 100 bytes: the second point's y is cut, padded with zeros: (1, 0) is not on the curve
    assertFalse(ADD.execute(Arrays.copyOf(concat(G1, G1), 100)).success());
    assertEquals(150, ADD.gasCost(new byte[0]));
    assertEquals(150, ADD.gasCost(new byte[1000]));
  }

  @Test
  void addRejectsInvalidPoints() {
    byte[] offCurve = G1.clone();
    offCurve[63] = 3;
    assertFalse(ADD.execute(concat(offCurve, G1)).success());
    assertFalse(ADD.execute(concat(G1, offCurve)).success());
    // a coordinate equal to p, even though p ≡ 0 would give the point at infinity
    assertFalse(ADD.execute(concat(modulusWord(), new byte[32], G1)).success());
    // x + p for the generator: same point mod p, but not canonical
    byte[] xPlusP = concat(word(Fp.MODULUS.add(BigInteger.ONE)), word(BigInteger.TWO));
    assertFalse(ADD.execute(concat(xPlusP, G1)).success());
    PrecompileResult failure = ADD.execute(concat(offCurve, G1));
    assertEquals(0, failure.output().length);
  }

  @Test
  void mulScalarsAndPadding() {
    byte[] g = G1;
    assertArrayEquals(new byte[64], MUL.execute(concat(g, new byte[32])).output(), "k = 0");
    assertArrayEquals(new byte[64], MUL.execute(g).output(), "scalar padded to zero");
    byte[] r = word(io.zgnode.evm.crypto.bn254.Fr.MODULUS);
    assertArrayEquals(new byte[64], MUL.execute(concat(g, r)).output(), "k = r");
    byte[] rPlus2 = word(io.zgnode.evm.crypto.bn254.Fr.MODULUS.add(BigInteger.TWO));
    assertArrayEquals(
        G1Point.GENERATOR.multiply(BigInteger.TWO).toBytes(),
        MUL.execute(concat(g, rPlus2)).output(),
        "k = r + 2 acts as 2");
    // a short scalar is padded on the right: 0x01 followed by zeros is 2^248
    byte[] shortScalar = concat(g, new byte[] {1});
    assertArrayEquals(
        G1Point.GENERATOR.multiply(BigInteger.ONE.shiftLeft(248)).toBytes(),
        MUL.execute(shortScalar).output());
    assertArrayEquals(
        MUL.execute(concat(g, word(BigInteger.TEN))).output(),
        MUL.execute(concat(g, word(BigInteger.TEN), new byte[40])).output(),
        "extra bytes ignored");
    assertArrayEquals(
        new byte[64], MUL.execute(concat(new byte[64], word(BigInteger.TEN))).output());
    byte[] offCurve = g.clone();
    offCurve[63] = 3;
    assertFalse(MUL.execute(concat(offCurve, word(BigInteger.ZERO))).success(), "even k = 0");
    assertEquals(6000, MUL.gasCost(new byte[0]));
  }

  @Test
  void pairingLengthAndGas() {
    assertTrue(PAIRING.execute(new byte[0]).success());
    assertEquals(1, PAIRING.execute(new byte[0]).output()[31]);
    assertEquals(32, PAIRING.execute(new byte[0]).output().length);
    assertFalse(PAIRING.execute(new byte[191]).success());
    assertFalse(PAIRING.execute(new byte[193]).success());
    assertFalse(PAIRING.execute(concat(G1, G2, new byte[1])).success());
    assertEquals(45_000, PAIRING.gasCost(new byte[0]));
    assertEquals(79_000, PAIRING.gasCost(new byte[192]));
    assertEquals(113_000, PAIRING.gasCost(new byte[384]));
    assertEquals(79_000, PAIRING.gasCost(new byte[200]), "gas counts whole pairs");
  }

  @Test
  void pairingInfinityAndValidation() {
    // all-zero pairs: the points at infinity, product 1
    assertEquals(1, PAIRING.execute(new byte[192 * 3]).output()[31]);
    // infinity in one group with a valid point in the other contributes 1
    assertEquals(1, PAIRING.execute(concat(new byte[64], G2)).output()[31]);
    assertEquals(1, PAIRING.execute(concat(G1, new byte[128])).output()[31]);
    // e(G1, G2) alone is not 1
    assertEquals(0, PAIRING.execute(concat(G1, G2)).output()[31]);
    // an invalid G1 point fails even when paired with infinity
    byte[] offCurve = G1.clone();
    offCurve[63] = 3;
    assertFalse(PAIRING.execute(concat(offCurve, new byte[128])).success());
    // an invalid G2 point fails even when paired with infinity
    byte[] badG2 = G2.clone();
    badG2[127] ^= 1;
    assertFalse(PAIRING.execute(concat(new byte[64], badG2)).success());
    // G2 coordinate not below p
    for (int part = 0; part < 4; part++) {
      byte[] big = G2.clone();
      System.arraycopy(modulusWord(), 0, big, 32 * part, 32);
      assertFalse(PAIRING.execute(concat(G1, big)).success(), "part " + part);
    }
    // the 0G order (real part first) is not what the precompile reads
    assertFalse(PAIRING.execute(concat(G1, G2Point.GENERATOR.toZeroGBytes())).success());
  }

  /**
   * The first point (k, y) with k = 1, 2, … real on the twist y^2 = x^3 + 3/(9 + i), EIP-197
   * encoded. The twist has order r·(2p - r), so such a point is outside G2 unless its order happens
   * to be r (checked against the curve code's own decoder below).
   */
  private static byte[] twistPointOutsideG2() {
    Fp2 b = Fp2.of(Fp.of(3), Fp.ZERO).multiply(Fp2.of(Fp.of(9), Fp.ONE).inverse());
    for (long k = 1; ; k++) {
      Fp2 x = Fp2.of(Fp.of(k), Fp.ZERO);
      java.util.Optional<Fp2> y = x.square().multiply(x).add(b).sqrt();
      if (y.isPresent()) {
        return concat(
            x.im().toBytes(), x.re().toBytes(), y.get().im().toBytes(), y.get().re().toBytes());
      }
    }
  }

  @Test
  void pairingRejectsTwistPointsOutsideG2() {
    byte[] valid = G2.clone();
    assertTrue(
        PAIRING.execute(concat(G1, valid, G1Point.GENERATOR.negate().toBytes(), valid)).success());
    byte[] outside = twistPointOutsideG2();
    io.zgnode.evm.crypto.bn254.Bn254Exception e =
        org.junit.jupiter.api.Assertions.assertThrows(
            io.zgnode.evm.crypto.bn254.Bn254Exception.class,
            () -> G2Point.fromEip197Bytes(outside));
    assertTrue(e.getMessage().contains("subgroup"), e.getMessage());
    assertFalse(PAIRING.execute(concat(G1, outside)).success());
    assertFalse(PAIRING.execute(concat(new byte[64], outside)).success());
  }
}
