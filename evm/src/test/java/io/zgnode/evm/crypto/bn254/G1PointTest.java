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

/** G1: group laws, scalar multiplication against double-and-add, encoding, invalid points. */
class G1PointTest {
  private static final BigInteger R = Fr.MODULUS;
  private static final BigInteger P = Fp.MODULUS;

  /** Reference: affine double-and-add over BigInteger. */
  private static BigInteger[] refAdd(BigInteger[] a, BigInteger[] b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    BigInteger lambda;
    if (a[0].equals(b[0])) {
      if (a[1].add(b[1]).mod(P).signum() == 0) {
        return null;
      }
      lambda =
          a[0].pow(2).multiply(BigInteger.valueOf(3)).multiply(a[1].shiftLeft(1).modInverse(P));
    } else {
      lambda = b[1].subtract(a[1]).multiply(b[0].subtract(a[0]).modInverse(P));
    }
    lambda = lambda.mod(P);
    BigInteger x = lambda.pow(2).subtract(a[0]).subtract(b[0]).mod(P);
    BigInteger y = lambda.multiply(a[0].subtract(x)).subtract(a[1]).mod(P);
    return new BigInteger[] {x, y};
  }

  private static BigInteger[] refMul(BigInteger[] p, BigInteger k) {
    BigInteger[] acc = null;
    for (int i = k.bitLength() - 1; i >= 0; i--) {
      acc = refAdd(acc, acc);
      if (k.testBit(i)) {
        acc = refAdd(acc, p);
      }
    }
    return acc;
  }

  private static void assertSame(BigInteger[] expected, G1Point actual) {
    if (expected == null) {
      assertTrue(actual.isInfinity());
    } else {
      assertEquals(expected[0], actual.x().toBigInteger());
      assertEquals(expected[1], actual.y().toBigInteger());
    }
  }

  @Test
  void scalarMultiplicationMatchesReference() {
    Random rnd = new Random(12);
    BigInteger[] g = {BigInteger.ONE, BigInteger.TWO};
    BigInteger[] scalars = {
      BigInteger.ZERO,
      BigInteger.ONE,
      BigInteger.TWO,
      BigInteger.valueOf(3),
      BigInteger.valueOf(15),
      BigInteger.valueOf(16),
      BigInteger.valueOf(31),
      R.subtract(BigInteger.ONE),
      R,
      R.add(BigInteger.ONE),
      BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE),
      BigInteger.ONE.shiftLeft(128)
    };
    for (BigInteger k : scalars) {
      assertSame(refMul(g, k.mod(R)), G1Point.GENERATOR.multiply(k));
    }
    for (int i = 0; i < 40; i++) {
      BigInteger k = new BigInteger(256, rnd);
      assertSame(refMul(g, k.mod(R)), G1Point.GENERATOR.multiply(k));
      assertEquals(G1Point.GENERATOR.multiply(k.negate()), G1Point.GENERATOR.multiply(k).negate());
    }
  }

  @Test
  void groupLaws() {
    Random rnd = new Random(13);
    G1Point g = G1Point.GENERATOR;
    G1Point inf = G1Point.INFINITY;
    assertEquals(g, g.add(inf));
    assertEquals(g, inf.add(g));
    assertTrue(g.add(g.negate()).isInfinity());
    assertEquals(g.multiply(BigInteger.TWO), g.add(g));
    assertTrue(g.multiply(R).isInfinity());
    for (int i = 0; i < 20; i++) {
      BigInteger a = new BigInteger(254, rnd);
      BigInteger b = new BigInteger(254, rnd);
      G1Point pa = g.multiply(a);
      G1Point pb = g.multiply(b);
      assertEquals(g.multiply(a.add(b)), pa.add(pb), "(a+b)G = aG + bG");
      assertEquals(pa.add(pb), pb.add(pa), "commutative");
      assertEquals(pa.multiply(b), pb.multiply(a), "b(aG) = a(bG)");
      assertEquals(g.multiply(a.subtract(b)), pa.subtract(pb));
      assertEquals(pa.add(pa), pa.multiply(BigInteger.TWO), "doubling through add");
    }
  }

  @Test
  void sumAggregates() {
    Random rnd = new Random(14);
    List<G1Point> points = new ArrayList<>();
    BigInteger total = BigInteger.ZERO;
    for (int i = 0; i < 30; i++) {
      BigInteger k = new BigInteger(254, rnd);
      total = total.add(k);
      points.add(G1Point.GENERATOR.multiply(k));
    }
    points.add(G1Point.INFINITY);
    points.add(points.get(0)); // a repeated point exercises doubling inside the sum
    total = total.add(new BigInteger(254, new Random(14)));
    assertEquals(G1Point.GENERATOR.multiply(total), G1Point.sum(points));
    assertTrue(G1Point.sum(List.of()).isInfinity());
    assertTrue(G1Point.sum(List.of(G1Point.GENERATOR, G1Point.GENERATOR.negate())).isInfinity());
  }

  @Test
  void encodingRoundTripsAndRejectsBadInput() {
    Random rnd = new Random(15);
    for (int i = 0; i < 20; i++) {
      G1Point p = G1Point.GENERATOR.multiply(new BigInteger(254, rnd));
      byte[] enc = p.toBytes();
      assertEquals(p, G1Point.fromBytes(enc));
      byte[] shifted = new byte[70];
      System.arraycopy(enc, 0, shifted, 3, 64);
      assertEquals(p, G1Point.fromBytes(shifted, 3));
    }
    assertArrayEquals(new byte[64], G1Point.INFINITY.toBytes());
    assertTrue(G1Point.fromBytes(new byte[64]).isInfinity());
    // (1, 3) is not on the curve
    byte[] off = G1Point.GENERATOR.toBytes();
    off[63] = 3;
    Bn254Exception e = assertThrows(Bn254Exception.class, () -> G1Point.fromBytes(off));
    assertTrue(e.getMessage().contains("not on the curve"), e.getMessage());
    // x = p (non-canonical encoding of 0)
    byte[] big = new byte[64];
    byte[] pb = P.toByteArray();
    System.arraycopy(pb, pb.length - 32, big, 0, 32);
    e = assertThrows(Bn254Exception.class, () -> G1Point.fromBytes(big));
    assertTrue(e.getMessage().contains("modulus"), e.getMessage());
    // (0, 1) and (1, 0): one zero coordinate is not infinity
    byte[] half = new byte[64];
    half[63] = 1;
    assertThrows(Bn254Exception.class, () -> G1Point.fromBytes(half));
    assertThrows(Bn254Exception.class, () -> G1Point.fromBytes(new byte[63]));
    assertThrows(Bn254Exception.class, () -> G1Point.fromBytes(new byte[64], 1));
    assertThrows(Bn254Exception.class, () -> G1Point.of(Fp.ONE, Fp.ONE));
    assertFalse(G1Point.GENERATOR.isInfinity());
  }

  @Test
  void endomorphismConstantsAreConsistent() {
    // φ(x, y) = (βx, y) equals [λ]P on G1 for the constants the multiplication uses
    G1Point p = G1Point.GENERATOR.multiply(BigInteger.valueOf(123456789));
    long[] beta = G1Mul.beta();
    long[] phi = p.xy.clone();
    FpArith.mul(phi, 0, phi, 0, beta, 0);
    assertEquals(new G1Point(phi), p.multiply(G1Mul.lambda()));
  }
}
