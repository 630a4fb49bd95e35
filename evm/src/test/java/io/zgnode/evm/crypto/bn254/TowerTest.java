package io.zgnode.evm.crypto.bn254;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The Fp2, Fp6 and Fp12 kernels: ring laws, against references, and the special squarings. */
class TowerTest {
  private static final BigInteger P = Fp.MODULUS;

  static long[] randomElement(Random rnd, int fpCount) {
    long[] r = new long[4 * fpCount];
    for (int i = 0; i < fpCount; i++) {
      FpArith.fromBigInteger(r, 4 * i, new BigInteger(256, rnd).mod(P));
    }
    return r;
  }

  @Test
  void fp2MatchesSchoolbookOverBigInteger() {
    Random rnd = new Random(5);
    for (int i = 0; i < 1000; i++) {
      BigInteger a0 = new BigInteger(256, rnd).mod(P);
      BigInteger a1 = i % 7 == 0 ? BigInteger.ZERO : new BigInteger(256, rnd).mod(P);
      BigInteger b0 = new BigInteger(256, rnd).mod(P);
      BigInteger b1 = i % 5 == 0 ? P.subtract(BigInteger.ONE) : new BigInteger(256, rnd).mod(P);
      Fp2 a = Fp2.of(Fp.of(a0), Fp.of(a1));
      Fp2 b = Fp2.of(Fp.of(b0), Fp.of(b1));
      Fp2 ab = a.multiply(b);
      assertEquals(a0.multiply(b0).subtract(a1.multiply(b1)).mod(P), ab.re().toBigInteger());
      assertEquals(a0.multiply(b1).add(a1.multiply(b0)).mod(P), ab.im().toBigInteger());
      assertEquals(a.multiply(a), a.square());
      if (!a.isZero()) {
        assertEquals(Fp2.ONE, a.multiply(a.inverse()));
      }
      // multiplying by ξ = 9 + i
      long[] xi = new long[8];
      Fp2Arith.mulByXi(xi, 0, a.limbs, 0);
      assertEquals(a.multiply(Fp2.of(Fp.of(9), Fp.ONE)), new Fp2(xi));
    }
  }

  @Test
  void fp2SquareRoots() {
    Random rnd = new Random(6);
    int found = 0;
    for (int i = 0; i < 100; i++) {
      Fp2 a = new Fp2(randomElement(rnd, 2));
      Fp2 sq = a.square();
      Fp2 root = sq.sqrt().orElseThrow();
      assertEquals(sq, root.square());
      if (a.sqrt().isPresent()) {
        found++;
      }
    }
    assertTrue(found > 20 && found < 80, "about half of Fp2 are squares: " + found);
    assertEquals(Fp2.ZERO, Fp2.ZERO.sqrt().orElseThrow());
    // non-squares of Fp are squares in Fp2 (the algorithm's other branch): sqrt(-1) = ±i
    Fp2 minusOne = Fp2.of(Fp.ONE.negate(), Fp.ZERO);
    Fp2 i = minusOne.sqrt().orElseThrow();
    assertEquals(Fp.ZERO, i.re());
    assertEquals(minusOne, i.square());
    Fp2 minusFive = Fp2.of(Fp.of(5).negate(), Fp.ZERO);
    assertEquals(minusFive, minusFive.sqrt().orElseThrow().square());
  }

  @Test
  void fp6ProductsAndInverse() {
    Random rnd = new Random(7);
    for (int i = 0; i < 100; i++) {
      long[] a = randomElement(rnd, 6);
      long[] b = randomElement(rnd, 6);
      long[] c = randomElement(rnd, 6);
      long[] ab = new long[24];
      long[] ba = new long[24];
      Fp6Arith.mul(ab, 0, a, 0, b, 0);
      Fp6Arith.mul(ba, 0, b, 0, a, 0);
      assertArrayEquals(ab, ba, "commutative");
      long[] abc1 = new long[24];
      long[] abc2 = new long[24];
      Fp6Arith.mul(abc1, 0, ab, 0, c, 0);
      Fp6Arith.mul(abc2, 0, b, 0, c, 0);
      Fp6Arith.mul(abc2, 0, a, 0, abc2, 0);
      assertArrayEquals(abc1, abc2, "associative");
      long[] sq = new long[24];
      long[] aa = new long[24];
      Fp6Arith.sqr(sq, 0, a, 0);
      Fp6Arith.mul(aa, 0, a, 0, a, 0);
      assertArrayEquals(aa, sq, "squaring");
      long[] inv = new long[24];
      Fp6Arith.inv(inv, 0, a, 0);
      Fp6Arith.mul(inv, 0, inv, 0, a, 0);
      long[] one = new long[24];
      FpArith.setOne(one, 0);
      assertArrayEquals(one, inv, "inverse");
      // sparse products agree with full ones
      long[] sparse = new long[24];
      System.arraycopy(b, 0, sparse, 0, 16);
      long[] full = new long[24];
      Fp6Arith.mul(full, 0, a, 0, sparse, 0);
      long[] by01 = new long[24];
      Fp6Arith.mulBy01(by01, 0, a, 0, b, 0, b, 8);
      assertArrayEquals(full, by01, "mulBy01");
      long[] v = new long[24];
      FpArith.setOne(v, 8);
      Fp6Arith.mul(full, 0, a, 0, v, 0);
      long[] byV = new long[24];
      Fp6Arith.mulByV(byV, 0, a, 0);
      assertArrayEquals(full, byV, "mulByV");
    }
  }

  @Test
  void fp12ProductsInverseFrobeniusAndLines() {
    Random rnd = new Random(8);
    for (int i = 0; i < 30; i++) {
      long[] a = randomElement(rnd, 12);
      long[] b = randomElement(rnd, 12);
      Fp12 fa = new Fp12(a);
      Fp12 fb = new Fp12(b);
      assertEquals(fa.multiply(fb), fb.multiply(fa));
      assertEquals(fa.multiply(fa), fa.square());
      assertTrue(fa.multiply(fa.inverse()).isOne());
      // Frobenius: a^p by the constants equals a^p by exponentiation
      long[] frob = new long[48];
      Fp12Arith.frobenius(frob, 0, a, 0, 1);
      if (i < 3) {
        assertEquals(fa.pow(P), new Fp12(frob.clone()), "p-power Frobenius");
      }
      long[] frob2 = new long[48];
      Fp12Arith.frobenius(frob2, 0, a, 0, 2);
      long[] twice = new long[48];
      Fp12Arith.frobenius(twice, 0, frob, 0, 1);
      assertArrayEquals(twice, frob2, "p^2 Frobenius");
      long[] frob3 = new long[48];
      Fp12Arith.frobenius(frob3, 0, a, 0, 3);
      Fp12Arith.frobenius(twice, 0, twice, 0, 1);
      assertArrayEquals(twice, frob3, "p^3 Frobenius");
      // a line d0 + d3 w + d4 v w
      long[] line = randomElement(rnd, 6);
      long[] dense = new long[48];
      System.arraycopy(line, 0, dense, 0, 8);
      System.arraycopy(line, 8, dense, 24, 8);
      System.arraycopy(line, 16, dense, 32, 8);
      long[] expected = new long[48];
      Fp12Arith.mul(expected, 0, a, 0, dense, 0);
      long[] got = a.clone();
      Fp12Arith.mulByLine(got, 0, line, 0);
      assertArrayEquals(expected, got, "sparse line product");
    }
  }

  @Test
  void cyclotomicSquaringAndPowerOfU() {
    Random rnd = new Random(9);
    for (int i = 0; i < 10; i++) {
      long[] f = randomElement(rnd, 12);
      // map into the cyclotomic subgroup: f^((p^6 - 1)(p^2 + 1))
      long[] g = new long[48];
      long[] t = new long[48];
      Fp12Arith.inv(t, 0, f, 0);
      Fp12Arith.conj(g, 0, f, 0);
      Fp12Arith.mul(g, 0, g, 0, t, 0);
      Fp12Arith.frobenius(t, 0, g, 0, 2);
      Fp12Arith.mul(g, 0, g, 0, t, 0);
      long[] sq = new long[48];
      long[] cyc = new long[48];
      Fp12Arith.sqr(sq, 0, g, 0);
      Fp12Arith.cyclotomicSqr(cyc, 0, g, 0);
      assertArrayEquals(sq, cyc, "Granger-Scott squaring");
      long[] pu = new long[48];
      Fp12Arith.cyclotomicPowU(pu, 0, g, 0);
      assertEquals(new Fp12(g).pow(new BigInteger("4965661367192848881")), new Fp12(pu));
    }
  }

  @Test
  void finalExponentiationIsTheExactPower() {
    BigInteger r = Fr.MODULUS;
    BigInteger exponent = P.pow(12).subtract(BigInteger.ONE).divide(r);
    assertEquals(BigInteger.ZERO, P.pow(12).subtract(BigInteger.ONE).mod(r));
    Random rnd = new Random(10);
    for (int i = 0; i < 2; i++) {
      long[] f = randomElement(rnd, 12);
      long[] fast = new long[48];
      Fp12Arith.finalExponentiation(fast, 0, f, 0);
      assertEquals(new Fp12(f).pow(exponent), new Fp12(fast));
    }
  }
}
