package io.zgnode.evm.crypto.bn254;

import java.math.BigInteger;

/**
 * Kernels for Fp12 = Fp6[w]/(w^2 - v): 48 longs per element, c0 at offset 0 and c1 at 24. As a
 * polynomial in w over Fp2 (w^6 = ξ) the six Fp2 slots at offsets 0, 24, 8, 32, 16, 40 hold the
 * coefficients of w^0 … w^5. Outputs may overlap inputs.
 */
final class Fp12Arith {
  private Fp12Arith() {}

  /** Offsets of the coefficients of w^0 … w^5. */
  private static final int[] SLOT = {0, 24, 8, 32, 16, 40};

  /** ξ^(k(p-1)/6), ξ^(k(p^2-1)/6), ξ^(k(p^3-1)/6) for k = 0..5, as Fp2 elements of 8 longs. */
  private static final long[] FROB1 = frobeniusConstants(1);

  private static final long[] FROB2 = frobeniusConstants(2);
  private static final long[] FROB3 = frobeniusConstants(3);

  /** ξ^((p-1)/3) and ξ^((p-1)/2): the Frobenius endomorphism ψ of the twist. */
  static final long[] PSI_X = slice(FROB1, 2);

  static final long[] PSI_Y = slice(FROB1, 3);

  /** ξ^((p^2-1)/3) and ξ^((p^2-1)/2) for ψ^2. */
  static final long[] PSI2_X = slice(FROB2, 2);

  static final long[] PSI2_Y = slice(FROB2, 3);

  private static long[] frobeniusConstants(int power) {
    BigInteger q = FpArith.P.pow(power).subtract(BigInteger.ONE);
    long[] xi = new long[8];
    FpArith.fromBigInteger(xi, 0, BigInteger.valueOf(9));
    FpArith.setOne(xi, 4);
    long[] out = new long[48];
    for (int k = 0; k < 6; k++) {
      Fp2Arith.pow(
          out, 8 * k, xi, 0, q.multiply(BigInteger.valueOf(k)).divide(BigInteger.valueOf(6)));
    }
    return out;
  }

  private static long[] slice(long[] table, int k) {
    long[] out = new long[8];
    System.arraycopy(table, 8 * k, out, 0, 8);
    return out;
  }

  static void copy(long[] r, int ro, long[] a, int ao) {
    System.arraycopy(a, ao, r, ro, 48);
  }

  static void setOne(long[] r, int ro) {
    for (int i = 0; i < 48; i++) {
      r[ro + i] = 0;
    }
    FpArith.setOne(r, ro);
  }

  static boolean isOne(long[] a, int ao) {
    if (!Fp2Arith.isOne(a, ao)) {
      return false;
    }
    for (int i = 8; i < 48; i++) {
      if (a[ao + i] != 0) {
        return false;
      }
    }
    return true;
  }

  static boolean equal(long[] a, int ao, long[] b, int bo) {
    long diff = 0;
    for (int i = 0; i < 48; i++) {
      diff |= a[ao + i] ^ b[bo + i];
    }
    return diff == 0;
  }

  /** Karatsuba over Fp6: three Fp6 products. */
  static void mul(long[] r, int ro, long[] a, int ao, long[] b, int bo) {
    long[] t = new long[96]; // a0b0, a1b1, s, u
    Fp6Arith.mul(t, 0, a, ao, b, bo);
    Fp6Arith.mul(t, 24, a, ao + 24, b, bo + 24);
    Fp6Arith.add(t, 48, a, ao, a, ao + 24);
    Fp6Arith.add(t, 72, b, bo, b, bo + 24);
    Fp6Arith.mul(t, 48, t, 48, t, 72);
    Fp6Arith.sub(t, 48, t, 48, t, 0);
    Fp6Arith.sub(t, 48, t, 48, t, 24); // c1 = a0 b1 + a1 b0
    Fp6Arith.mulByV(t, 72, t, 24);
    Fp6Arith.add(r, ro, t, 0, t, 72); // c0 = a0 b0 + v a1 b1
    Fp6Arith.copy(r, ro + 24, t, 48);
  }

  /** Complex squaring: (a0 + a1 w)^2 = (a0 + a1)(a0 + v a1) - t - v t + 2t w, t = a0 a1. */
  static void sqr(long[] r, int ro, long[] a, int ao) {
    long[] t = new long[96]; // t, s, u, vt
    Fp6Arith.mul(t, 0, a, ao, a, ao + 24);
    Fp6Arith.add(t, 24, a, ao, a, ao + 24);
    Fp6Arith.mulByV(t, 48, a, ao + 24);
    Fp6Arith.add(t, 48, t, 48, a, ao);
    Fp6Arith.mul(t, 24, t, 24, t, 48);
    Fp6Arith.sub(t, 24, t, 24, t, 0);
    Fp6Arith.mulByV(t, 72, t, 0);
    Fp6Arith.sub(r, ro, t, 24, t, 72);
    Fp6Arith.dbl(r, ro + 24, t, 0);
  }

  /** a^(p^6): negates the w part; the inverse for elements of the cyclotomic subgroup. */
  static void conj(long[] r, int ro, long[] a, int ao) {
    Fp6Arith.copy(r, ro, a, ao);
    Fp6Arith.neg(r, ro + 24, a, ao + 24);
  }

  static void inv(long[] r, int ro, long[] a, int ao) {
    long[] t = new long[48];
    // (a0 + a1 w)^-1 = (a0 - a1 w) / (a0^2 - v a1^2)
    Fp6Arith.sqr(t, 0, a, ao);
    Fp6Arith.sqr(t, 24, a, ao + 24);
    Fp6Arith.mulByV(t, 24, t, 24);
    Fp6Arith.sub(t, 0, t, 0, t, 24);
    Fp6Arith.inv(t, 0, t, 0);
    Fp6Arith.mul(t, 24, a, ao + 24, t, 0);
    Fp6Arith.mul(r, ro, a, ao, t, 0);
    Fp6Arith.neg(r, ro + 24, t, 24);
  }

  /** a^(p^power) for power 1, 2 or 3. */
  static void frobenius(long[] r, int ro, long[] a, int ao, int power) {
    long[] table = power == 1 ? FROB1 : power == 2 ? FROB2 : FROB3;
    boolean conjugate = (power & 1) == 1;
    for (int k = 0; k < 6; k++) {
      int s = SLOT[k];
      if (conjugate) {
        Fp2Arith.conj(r, ro + s, a, ao + s);
      } else {
        Fp2Arith.copy(r, ro + s, a, ao + s);
      }
      if (k > 0) {
        Fp2Arith.mul(r, ro + s, r, ro + s, table, 8 * k);
      }
    }
  }

  /**
   * f·l for a line l = d0 + d3 w + d4 v w (the only non-zero coefficients a line function has in
   * this tower), stored as three Fp2 values at {@code lo}, {@code lo + 8}, {@code lo + 16}.
   */
  static void mulByLine(long[] f, int fo, long[] l, int lo) {
    long[] t = new long[80]; // a, b, s, x
    Fp6Arith.mulByFp2(t, 0, f, fo, l, lo); // a = f0 d0
    Fp6Arith.mulBy01(t, 24, f, fo + 24, l, lo + 8, l, lo + 16); // b = f1 (d3 + d4 v)
    Fp6Arith.add(t, 48, f, fo, f, fo + 24);
    Fp2Arith.add(t, 72, l, lo, l, lo + 8);
    Fp6Arith.mulBy01(t, 48, t, 48, t, 72, l, lo + 16); // (f0 + f1)(d0 + d3 + d4 v)
    Fp6Arith.sub(t, 48, t, 48, t, 0);
    Fp6Arith.sub(f, fo + 24, t, 48, t, 24);
    Fp6Arith.mulByV(t, 24, t, 24);
    Fp6Arith.add(f, fo, t, 0, t, 24);
  }

  /**
   * Granger–Scott squaring for elements of the cyclotomic subgroup (after the easy part of the
   * final exponentiation): Fp12 seen as Fp4[t]/(t^3 - s) with s = w^3, three Fp4 squarings.
   */
  static void cyclotomicSqr(long[] r, int ro, long[] a, int ao) {
    long[] t = new long[80]; // A0^2, A1^2, A2^2 (16 each), then two Fp2 temporaries
    // A0 = (w^0, w^3), A1 = (w^1, w^4), A2 = (w^2, w^5)
    fp4Sqr(t, 0, a, ao, a, ao + 32, t, 48);
    fp4Sqr(t, 16, a, ao + 24, a, ao + 16, t, 48);
    fp4Sqr(t, 32, a, ao + 8, a, ao + 40, t, 48);
    // B0 = 3 A0^2 - 2 conj(A0)
    threeMinusTwo(r, ro, t, 0, a, ao, t, 64);
    threePlusTwo(r, ro + 32, t, 8, a, ao + 32, t, 64);
    // B1 = 3 s A2^2 + 2 conj(A1), s (x + y s) = ξ y + x s
    Fp2Arith.mulByXi(t, 48, t, 40);
    threePlusTwo(r, ro + 24, t, 48, a, ao + 24, t, 64);
    threeMinusTwo(r, ro + 16, t, 32, a, ao + 16, t, 64);
    // B2 = 3 A1^2 - 2 conj(A2)
    threeMinusTwo(r, ro + 8, t, 16, a, ao + 8, t, 64);
    threePlusTwo(r, ro + 40, t, 24, a, ao + 40, t, 64);
  }

  /**
   * (x + y s)^2 = (x^2 + ξ y^2) + ((x + y)^2 - x^2 - y^2) s into r (x part) and r+8 (s part);
   * {@code w} is scratch for two Fp2 values.
   */
  private static void fp4Sqr(
      long[] r, int ro, long[] x, int xo, long[] y, int yo, long[] w, int wo) {
    Fp2Arith.sqr(w, wo, x, xo);
    Fp2Arith.sqr(w, wo + 8, y, yo);
    Fp2Arith.add(r, ro + 8, x, xo, y, yo);
    Fp2Arith.sqr(r, ro + 8, r, ro + 8);
    Fp2Arith.sub(r, ro + 8, r, ro + 8, w, wo);
    Fp2Arith.sub(r, ro + 8, r, ro + 8, w, wo + 8);
    Fp2Arith.mulByXi(w, wo + 8, w, wo + 8);
    Fp2Arith.add(r, ro, w, wo, w, wo + 8);
  }

  /** r = 3t - 2x = 2(t - x) + t (r may be x); {@code w} is scratch for one Fp2. */
  private static void threeMinusTwo(
      long[] r, int ro, long[] t, int to, long[] x, int xo, long[] w, int wo) {
    Fp2Arith.sub(w, wo, t, to, x, xo);
    Fp2Arith.dbl(w, wo, w, wo);
    Fp2Arith.add(r, ro, w, wo, t, to);
  }

  /** r = 3t + 2x = 2(t + x) + t (r may be x); {@code w} is scratch for one Fp2. */
  private static void threePlusTwo(
      long[] r, int ro, long[] t, int to, long[] x, int xo, long[] w, int wo) {
    Fp2Arith.add(w, wo, t, to, x, xo);
    Fp2Arith.dbl(w, wo, w, wo);
    Fp2Arith.add(r, ro, w, wo, t, to);
  }

  /**
   * The BN parameter u = 4965661367192848881 in width-4 NAF, least significant first: 14 non-zero
   * digits instead of 24 in plain NAF, for a table of 4 odd powers.
   */
  private static final int[] U_WNAF = Naf.windowed(new BigInteger("4965661367192848881"), 4);

  /** r = a^u for a in the cyclotomic subgroup (where conj is the inverse). */
  static void cyclotomicPowU(long[] r, int ro, long[] a, int ao) {
    // t: a, a^3, a^5, a^7, their conjugates (inverses), a^2, the accumulator
    long[] t = new long[48 * 10];
    final int sq = 48 * 8;
    final int acc = 48 * 9;
    copy(t, 0, a, ao);
    cyclotomicSqr(t, sq, t, 0);
    for (int i = 1; i < 4; i++) {
      mul(t, 48 * i, t, 48 * (i - 1), t, sq);
    }
    for (int i = 0; i < 4; i++) {
      conj(t, 48 * (4 + i), t, 48 * i);
    }
    int top = U_WNAF.length - 1;
    copy(t, acc, t, tableOffset(U_WNAF[top]));
    for (int i = top - 1; i >= 0; i--) {
      cyclotomicSqr(t, acc, t, acc);
      if (U_WNAF[i] != 0) {
        mul(t, acc, t, acc, t, tableOffset(U_WNAF[i]));
      }
    }
    copy(r, ro, t, acc);
  }

  private static int tableOffset(int digit) {
    return 48 * (digit > 0 ? (digit - 1) >> 1 : 4 + ((-digit - 1) >> 1));
  }

  /**
   * f^((p^12 - 1)/r): the easy part f^((p^6 - 1)(p^2 + 1)) by a conjugate, an inverse and a
   * Frobenius, then the hard part (p^4 - p^2 + 1)/r by the Scott–Benger–Charlemagne–Dominguez
   * Perez–Kachisa addition chain in u, using cyclotomic squarings.
   */
  static void finalExponentiation(long[] r, int ro, long[] f, int fo) {
    long[] t = new long[48 * 14];
    final int a = 0;
    final int b = 48;
    // easy part
    inv(t, b, f, fo);
    conj(t, a, f, fo);
    mul(t, a, t, a, t, b); // f^(p^6 - 1)
    frobenius(t, b, t, a, 2);
    mul(t, a, t, a, t, b); // ^(p^2 + 1)

    final int fp = 96;
    final int fp2 = 144;
    final int fp3 = 192;
    final int fu = 240;
    final int fu2 = 288;
    final int fu3 = 336;
    final int y3 = 384;
    final int fu2p = 432;
    final int fu3p = 480;
    final int y2 = 528;
    final int t0 = 576;
    final int t1 = 624;
    frobenius(t, fp, t, a, 1);
    frobenius(t, fp2, t, a, 2);
    frobenius(t, fp3, t, fp2, 1);
    cyclotomicPowU(t, fu, t, a);
    cyclotomicPowU(t, fu2, t, fu);
    cyclotomicPowU(t, fu3, t, fu2);
    frobenius(t, y3, t, fu, 1);
    frobenius(t, fu2p, t, fu2, 1);
    frobenius(t, fu3p, t, fu3, 1);
    frobenius(t, y2, t, fu2, 2);
    // y0 = fp·fp2·fp3 (into fp)
    mul(t, fp, t, fp, t, fp2);
    mul(t, fp, t, fp, t, fp3);
    // y1 = conj(f) (into b)
    conj(t, b, t, a);
    // y5 = conj(fu2) (into fp2)
    conj(t, fp2, t, fu2);
    // y3 = conj(frob(fu))
    conj(t, y3, t, y3);
    // y4 = conj(fu·frob(fu2)) (into fu)
    mul(t, fu, t, fu, t, fu2p);
    conj(t, fu, t, fu);
    // y6 = conj(fu3·frob(fu3)) (into fu3)
    mul(t, fu3, t, fu3, t, fu3p);
    conj(t, fu3, t, fu3);
    // t0 = y6^2·y4·y5
    cyclotomicSqr(t, t0, t, fu3);
    mul(t, t0, t, t0, t, fu);
    mul(t, t0, t, t0, t, fp2);
    // t1 = y3·y5·t0
    mul(t, t1, t, y3, t, fp2);
    mul(t, t1, t, t1, t, t0);
    // t0 = t0·y2
    mul(t, t0, t, t0, t, y2);
    // t1 = (t1^2·t0)^2
    cyclotomicSqr(t, t1, t, t1);
    mul(t, t1, t, t1, t, t0);
    cyclotomicSqr(t, t1, t, t1);
    // t0 = (t1·y1)^2, t1 = t1·y0
    mul(t, t0, t, t1, t, b);
    mul(t, t1, t, t1, t, fp);
    cyclotomicSqr(t, t0, t, t0);
    mul(r, ro, t, t1, t, t0);
  }

  /** Plain square-and-multiply by a non-negative exponent (tests and rare uses, not hot paths). */
  static void pow(long[] r, int ro, long[] a, int ao, BigInteger e) {
    long[] acc = new long[48];
    long[] base = new long[48];
    copy(base, 0, a, ao);
    setOne(acc, 0);
    for (int i = e.bitLength() - 1; i >= 0; i--) {
      sqr(acc, 0, acc, 0);
      if (e.testBit(i)) {
        mul(acc, 0, acc, 0, base, 0);
      }
    }
    copy(r, ro, acc, 0);
  }
}
