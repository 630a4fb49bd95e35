package io.zgnode.evm.crypto.bn254;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** G2: the twist, the fast subgroup check against multiplying by r, group laws, both encodings. */
class G2PointTest {
  private static final BigInteger R = Fr.MODULUS;
  private static final BigInteger P = Fp.MODULUS;

  /** A random point on the twist, almost surely outside G2 (the cofactor is about 2^254). */
  static long[] randomTwistPoint(Random rnd) {
    while (true) {
      long[] xy = new long[16];
      FpArith.fromBigInteger(xy, 0, new BigInteger(256, rnd).mod(P));
      FpArith.fromBigInteger(xy, 4, new BigInteger(256, rnd).mod(P));
      long[] rhs = new long[8];
      Fp2Arith.sqr(rhs, 0, xy, 0);
      Fp2Arith.mul(rhs, 0, rhs, 0, xy, 0);
      Fp2Arith.add(rhs, 0, rhs, 0, G2Point.B_TWIST, 0);
      if (Fp2Arith.sqrt(xy, 8, rhs, 0)) {
        return xy;
      }
    }
  }

  /** [k]Q on Jacobian coordinates by plain double-and-add, for the slow reference check. */
  private static boolean killedBy(long[] affine, BigInteger k) {
    long[] s = new long[G2Arith.SCRATCH];
    long[] acc = new long[24];
    G2Arith.setInfinity(acc, 0);
    for (int i = k.bitLength() - 1; i >= 0; i--) {
      G2Arith.dbl(acc, 0, acc, 0, s);
      if (k.testBit(i)) {
        G2Arith.addAffine(acc, 0, acc, 0, affine, 0, s);
      }
    }
    return G2Arith.isInfinity(acc, 0);
  }

  @Test
  void subgroupCheckAgreesWithMultiplyingByTheOrder() {
    Random rnd = new Random(16);
    // the twist's order is r (2p - r): clearing the cofactor 2p - r lands in G2
    BigInteger cofactor = P.shiftLeft(1).subtract(R);
    for (int i = 0; i < 12; i++) {
      long[] q = randomTwistPoint(rnd);
      assertTrue(G2Point.isOnCurve(q));
      assertFalse(killedBy(q, R), "random twist point outside G2");
      assertFalse(G2Point.isInSubgroup(q), "fast check rejects it");
      Bn254Exception e =
          assertThrows(Bn254Exception.class, () -> G2Point.of(new Fp2(q.clone()), yOf(q)));
      assertTrue(e.getMessage().contains("subgroup"), e.getMessage());
      long[] s = new long[G2Arith.SCRATCH];
      long[] j = G2Mul.multiply(q, cofactor, s);
      G2Point cleared = G2Point.fromJacobian(j, s);
      assertTrue(killedBy(cleared.xy, R), "cofactor-cleared point is in G2");
      assertTrue(G2Point.isInSubgroup(cleared.xy), "fast check accepts it");
    }
  }

  private static Fp2 yOf(long[] q) {
    return new Fp2(java.util.Arrays.copyOfRange(q, 8, 16));
  }

  @Test
  void generatorAndGroupLaws() {
    Random rnd = new Random(17);
    G2Point g = G2Point.GENERATOR;
    assertTrue(G2Point.isInSubgroup(g.xy));
    assertTrue(g.multiply(R).isInfinity());
    assertEquals(g, g.add(G2Point.INFINITY));
    assertTrue(g.add(g.negate()).isInfinity());
    assertEquals(g.add(g), g.multiply(BigInteger.TWO));
    for (int i = 0; i < 10; i++) {
      BigInteger a = new BigInteger(254, rnd);
      BigInteger b = new BigInteger(254, rnd);
      assertEquals(g.multiply(a.add(b)), g.multiply(a).add(g.multiply(b)));
      assertEquals(g.multiply(a).multiply(b), g.multiply(b).multiply(a));
      assertEquals(g.multiply(a.negate()), g.multiply(a).negate());
    }
    List<G2Point> keys = new ArrayList<>();
    BigInteger total = BigInteger.ZERO;
    for (int i = 0; i < 10; i++) {
      BigInteger k = new BigInteger(254, rnd);
      total = total.add(k);
      keys.add(g.multiply(k));
    }
    assertEquals(g.multiply(total), G2Point.sum(keys));
  }

  @Test
  void bothEncodingsRoundTrip() {
    Random rnd = new Random(18);
    for (int i = 0; i < 10; i++) {
      G2Point q = G2Point.GENERATOR.multiply(new BigInteger(254, rnd));
      byte[] eip = q.toEip197Bytes();
      byte[] zg = q.toZeroGBytes();
      assertEquals(q, G2Point.fromEip197Bytes(eip));
      assertEquals(q, G2Point.fromZeroGBytes(zg));
      // the two orders swap the 32-byte halves of each coordinate
      for (int c = 0; c < 2; c++) {
        assertArrayEquals(
            java.util.Arrays.copyOfRange(eip, 64 * c, 64 * c + 32),
            java.util.Arrays.copyOfRange(zg, 64 * c + 32, 64 * c + 64));
        assertArrayEquals(
            java.util.Arrays.copyOfRange(eip, 64 * c + 32, 64 * c + 64),
            java.util.Arrays.copyOfRange(zg, 64 * c, 64 * c + 32));
      }
      assertEquals(q.x().re(), Fp.fromBytes(java.util.Arrays.copyOfRange(zg, 0, 32)));
      assertEquals(q.x().im(), Fp.fromBytes(java.util.Arrays.copyOfRange(eip, 0, 32)));
    }
    // the EIP-197 generator bytes
    assertEquals(
        "198e9393920d483a7260bfb731fb5d25f1aa493335a9e71297e485b7aef312c2",
        io.zgnode.evm.bytes.Hex.encodePlain(G2Point.GENERATOR.toEip197Bytes(), 0, 32));
    assertArrayEquals(new byte[128], G2Point.INFINITY.toEip197Bytes());
    assertTrue(G2Point.fromEip197Bytes(new byte[128]).isInfinity());
    assertTrue(G2Point.fromZeroGBytes(new byte[128]).isInfinity());
  }

  @Test
  void rejectsBadEncodings() {
    byte[] good = G2Point.GENERATOR.toEip197Bytes();
    // swapping the order makes an off-curve point
    assertThrows(Bn254Exception.class, () -> G2Point.fromZeroGBytes(good));
    for (int part = 0; part < 4; part++) {
      byte[] bad = good.clone();
      byte[] pb = P.toByteArray();
      System.arraycopy(pb, pb.length - 32, bad, 32 * part, 32);
      Bn254Exception e = assertThrows(Bn254Exception.class, () -> G2Point.fromEip197Bytes(bad));
      assertTrue(e.getMessage().contains("modulus"), e.getMessage());
    }
    byte[] offCurve = good.clone();
    offCurve[127] ^= 1;
    Bn254Exception e = assertThrows(Bn254Exception.class, () -> G2Point.fromEip197Bytes(offCurve));
    assertTrue(e.getMessage().contains("not on the twist"), e.getMessage());
    // on the twist, outside G2
    long[] q = randomTwistPoint(new Random(19));
    byte[] enc = new G2Point(q).toEip197Bytes();
    e = assertThrows(Bn254Exception.class, () -> G2Point.fromEip197Bytes(enc));
    assertTrue(e.getMessage().contains("subgroup"), e.getMessage());
    assertThrows(Bn254Exception.class, () -> G2Point.fromEip197Bytes(new byte[127]));
    assertThrows(Bn254Exception.class, () -> G2Point.fromEip197Bytes(new byte[128], 1));
  }
}
