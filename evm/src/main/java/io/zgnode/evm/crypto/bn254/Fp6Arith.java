package io.zgnode.evm.crypto.bn254;

/**
 * Kernels for Fp6 = Fp2[v]/(v^3 - ξ), ξ = 9 + i: 24 longs per element, coefficients of 1, v, v^2 at
 * offsets 0, 8, 16. Products work in a private scratch array and copy out last, so outputs may
 * overlap inputs.
 */
final class Fp6Arith {
  private Fp6Arith() {}

  static void add(long[] r, int ro, long[] a, int ao, long[] b, int bo) {
    Fp2Arith.add(r, ro, a, ao, b, bo);
    Fp2Arith.add(r, ro + 8, a, ao + 8, b, bo + 8);
    Fp2Arith.add(r, ro + 16, a, ao + 16, b, bo + 16);
  }

  static void sub(long[] r, int ro, long[] a, int ao, long[] b, int bo) {
    Fp2Arith.sub(r, ro, a, ao, b, bo);
    Fp2Arith.sub(r, ro + 8, a, ao + 8, b, bo + 8);
    Fp2Arith.sub(r, ro + 16, a, ao + 16, b, bo + 16);
  }

  static void dbl(long[] r, int ro, long[] a, int ao) {
    Fp2Arith.dbl(r, ro, a, ao);
    Fp2Arith.dbl(r, ro + 8, a, ao + 8);
    Fp2Arith.dbl(r, ro + 16, a, ao + 16);
  }

  static void neg(long[] r, int ro, long[] a, int ao) {
    Fp2Arith.neg(r, ro, a, ao);
    Fp2Arith.neg(r, ro + 8, a, ao + 8);
    Fp2Arith.neg(r, ro + 16, a, ao + 16);
  }

  static void copy(long[] r, int ro, long[] a, int ao) {
    System.arraycopy(a, ao, r, ro, 24);
  }

  static boolean isZero(long[] a, int ao) {
    return Fp2Arith.isZero(a, ao) && Fp2Arith.isZero(a, ao + 8) && Fp2Arith.isZero(a, ao + 16);
  }

  /** Karatsuba: six Fp2 products. */
  static void mul(long[] r, int ro, long[] a, int ao, long[] b, int bo) {
    long[] t = new long[64]; // v0 v1 v2 s u c0 c1 c2
    Fp2Arith.mul(t, 0, a, ao, b, bo);
    Fp2Arith.mul(t, 8, a, ao + 8, b, bo + 8);
    Fp2Arith.mul(t, 16, a, ao + 16, b, bo + 16);
    // c0 = v0 + ξ((a1 + a2)(b1 + b2) - v1 - v2)
    Fp2Arith.add(t, 24, a, ao + 8, a, ao + 16);
    Fp2Arith.add(t, 32, b, bo + 8, b, bo + 16);
    Fp2Arith.mul(t, 40, t, 24, t, 32);
    Fp2Arith.sub(t, 40, t, 40, t, 8);
    Fp2Arith.sub(t, 40, t, 40, t, 16);
    Fp2Arith.mulByXi(t, 40, t, 40);
    Fp2Arith.add(t, 40, t, 40, t, 0);
    // c1 = (a0 + a1)(b0 + b1) - v0 - v1 + ξ v2
    Fp2Arith.add(t, 24, a, ao, a, ao + 8);
    Fp2Arith.add(t, 32, b, bo, b, bo + 8);
    Fp2Arith.mul(t, 48, t, 24, t, 32);
    Fp2Arith.sub(t, 48, t, 48, t, 0);
    Fp2Arith.sub(t, 48, t, 48, t, 8);
    Fp2Arith.mulByXi(t, 24, t, 16);
    Fp2Arith.add(t, 48, t, 48, t, 24);
    // c2 = (a0 + a2)(b0 + b2) - v0 - v2 + v1
    Fp2Arith.add(t, 24, a, ao, a, ao + 16);
    Fp2Arith.add(t, 32, b, bo, b, bo + 16);
    Fp2Arith.mul(t, 56, t, 24, t, 32);
    Fp2Arith.sub(t, 56, t, 56, t, 0);
    Fp2Arith.sub(t, 56, t, 56, t, 16);
    Fp2Arith.add(t, 56, t, 56, t, 8);
    System.arraycopy(t, 40, r, ro, 24);
  }

  /** Chung–Hasan squaring (SQR2): two Fp2 products and three Fp2 squarings. */
  static void sqr(long[] r, int ro, long[] a, int ao) {
    long[] t = new long[48]; // s0 s1 s2 s3 s4 tmp
    Fp2Arith.sqr(t, 0, a, ao); // s0 = a0^2
    Fp2Arith.mul(t, 8, a, ao, a, ao + 8);
    Fp2Arith.dbl(t, 8, t, 8); // s1 = 2 a0 a1
    Fp2Arith.sub(t, 16, a, ao, a, ao + 8);
    Fp2Arith.add(t, 16, t, 16, a, ao + 16);
    Fp2Arith.sqr(t, 16, t, 16); // s2 = (a0 - a1 + a2)^2
    Fp2Arith.mul(t, 24, a, ao + 8, a, ao + 16);
    Fp2Arith.dbl(t, 24, t, 24); // s3 = 2 a1 a2
    Fp2Arith.sqr(t, 32, a, ao + 16); // s4 = a2^2
    // c0 = s0 + ξ s3
    Fp2Arith.mulByXi(t, 40, t, 24);
    Fp2Arith.add(r, ro, t, 0, t, 40);
    // c2 = s1 + s2 + s3 - s0 - s4   (written before c1, which still needs s1 and s4)
    Fp2Arith.add(t, 40, t, 8, t, 16);
    Fp2Arith.add(t, 40, t, 40, t, 24);
    Fp2Arith.sub(t, 40, t, 40, t, 0);
    Fp2Arith.sub(r, ro + 16, t, 40, t, 32);
    // c1 = s1 + ξ s4
    Fp2Arith.mulByXi(t, 40, t, 32);
    Fp2Arith.add(r, ro + 8, t, 8, t, 40);
  }

  /** r = a·v = (ξ a2, a0, a1). */
  static void mulByV(long[] r, int ro, long[] a, int ao) {
    long[] t = new long[8];
    Fp2Arith.mulByXi(t, 0, a, ao + 16);
    System.arraycopy(a, ao + 8, r, ro + 16, 8);
    System.arraycopy(a, ao, r, ro + 8, 8);
    System.arraycopy(t, 0, r, ro, 8);
  }

  /** r = a·x for x in Fp2. */
  static void mulByFp2(long[] r, int ro, long[] a, int ao, long[] x, int xo) {
    Fp2Arith.mul(r, ro, a, ao, x, xo);
    Fp2Arith.mul(r, ro + 8, a, ao + 8, x, xo);
    Fp2Arith.mul(r, ro + 16, a, ao + 16, x, xo);
  }

  /** r = a·(x + y v) for x, y in Fp2: five Fp2 products. */
  static void mulBy01(long[] r, int ro, long[] a, int ao, long[] x, int xo, long[] y, int yo) {
    long[] t = new long[48]; // t0 t1 s u c1 c2
    Fp2Arith.mul(t, 0, a, ao, x, xo); // a0 x
    Fp2Arith.mul(t, 8, a, ao + 8, y, yo); // a1 y
    Fp2Arith.add(t, 16, a, ao, a, ao + 8);
    Fp2Arith.add(t, 24, x, xo, y, yo);
    Fp2Arith.mul(t, 32, t, 16, t, 24);
    Fp2Arith.sub(t, 32, t, 32, t, 0);
    Fp2Arith.sub(t, 32, t, 32, t, 8); // c1 = a0 y + a1 x
    Fp2Arith.mul(t, 40, a, ao + 16, x, xo);
    Fp2Arith.add(t, 40, t, 40, t, 8); // c2 = a1 y + a2 x
    Fp2Arith.mul(t, 16, a, ao + 16, y, yo);
    Fp2Arith.mulByXi(t, 16, t, 16);
    Fp2Arith.add(r, ro, t, 0, t, 16); // c0 = a0 x + ξ a2 y
    System.arraycopy(t, 32, r, ro + 8, 16);
  }

  /** r = a^-1 by the norm to Fp2; zero maps to zero. */
  static void inv(long[] r, int ro, long[] a, int ao) {
    long[] t = new long[48]; // t0 t1 t2 n tmp tmp2
    // t0 = a0^2 - ξ a1 a2
    Fp2Arith.sqr(t, 0, a, ao);
    Fp2Arith.mul(t, 32, a, ao + 8, a, ao + 16);
    Fp2Arith.mulByXi(t, 32, t, 32);
    Fp2Arith.sub(t, 0, t, 0, t, 32);
    // t1 = ξ a2^2 - a0 a1
    Fp2Arith.sqr(t, 8, a, ao + 16);
    Fp2Arith.mulByXi(t, 8, t, 8);
    Fp2Arith.mul(t, 32, a, ao, a, ao + 8);
    Fp2Arith.sub(t, 8, t, 8, t, 32);
    // t2 = a1^2 - a0 a2
    Fp2Arith.sqr(t, 16, a, ao + 8);
    Fp2Arith.mul(t, 32, a, ao, a, ao + 16);
    Fp2Arith.sub(t, 16, t, 16, t, 32);
    // n = a0 t0 + ξ(a2 t1 + a1 t2)
    Fp2Arith.mul(t, 32, a, ao + 16, t, 8);
    Fp2Arith.mul(t, 40, a, ao + 8, t, 16);
    Fp2Arith.add(t, 32, t, 32, t, 40);
    Fp2Arith.mulByXi(t, 32, t, 32);
    Fp2Arith.mul(t, 24, a, ao, t, 0);
    Fp2Arith.add(t, 24, t, 24, t, 32);
    Fp2Arith.inv(t, 24, t, 24);
    Fp2Arith.mul(r, ro, t, 0, t, 24);
    Fp2Arith.mul(r, ro + 8, t, 8, t, 24);
    Fp2Arith.mul(r, ro + 16, t, 16, t, 24);
  }
}
