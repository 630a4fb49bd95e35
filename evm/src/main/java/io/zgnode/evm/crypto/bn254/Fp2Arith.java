package io.zgnode.evm.crypto.bn254;

import static io.zgnode.evm.crypto.bn254.FpArith.P0;
import static io.zgnode.evm.crypto.bn254.FpArith.P1;
import static io.zgnode.evm.crypto.bn254.FpArith.P2;
import static io.zgnode.evm.crypto.bn254.FpArith.P3;

import java.math.BigInteger;

/**
 * Kernels for Fp2 = Fp[i]/(i^2 + 1), eight longs per element: the real part at offset 0, the
 * imaginary part at offset 4. Outputs may overlap inputs unless a method says otherwise.
 */
final class Fp2Arith {
  private Fp2Arith() {}

  static void add(long[] r, int ro, long[] a, int ao, long[] b, int bo) {
    FpArith.add(r, ro, a, ao, b, bo);
    FpArith.add(r, ro + 4, a, ao + 4, b, bo + 4);
  }

  static void sub(long[] r, int ro, long[] a, int ao, long[] b, int bo) {
    FpArith.sub(r, ro, a, ao, b, bo);
    FpArith.sub(r, ro + 4, a, ao + 4, b, bo + 4);
  }

  static void dbl(long[] r, int ro, long[] a, int ao) {
    FpArith.dbl(r, ro, a, ao);
    FpArith.dbl(r, ro + 4, a, ao + 4);
  }

  static void neg(long[] r, int ro, long[] a, int ao) {
    FpArith.neg(r, ro, a, ao);
    FpArith.neg(r, ro + 4, a, ao + 4);
  }

  static void conj(long[] r, int ro, long[] a, int ao) {
    FpArith.copy(r, ro, a, ao);
    FpArith.neg(r, ro + 4, a, ao + 4);
  }

  static void copy(long[] r, int ro, long[] a, int ao) {
    System.arraycopy(a, ao, r, ro, 8);
  }

  static void setZero(long[] r, int ro) {
    for (int i = 0; i < 8; i++) {
      r[ro + i] = 0;
    }
  }

  static void setOne(long[] r, int ro) {
    FpArith.setOne(r, ro);
    FpArith.setZero(r, ro + 4);
  }

  static boolean isZero(long[] a, int ao) {
    return FpArith.isZero(a, ao) && FpArith.isZero(a, ao + 4);
  }

  static boolean isOne(long[] a, int ao) {
    return FpArith.isOne(a, ao) && FpArith.isZero(a, ao + 4);
  }

  static boolean equal(long[] a, int ao, long[] b, int bo) {
    return FpArith.equal(a, ao, b, bo) && FpArith.equal(a, ao + 4, b, bo + 4);
  }

  /** (a0 + a1 i)(b0 + b1 i) = (a0 b0 - a1 b1) + (a0 b1 + a1 b0) i, one reduction per part. */
  static void mul(long[] r, int ro, long[] a, int ao, long[] b, int bo) {
    long a0 = a[ao];
    long a1 = a[ao + 1];
    long a2 = a[ao + 2];
    long a3 = a[ao + 3];
    long a4 = a[ao + 4];
    long a5 = a[ao + 5];
    long a6 = a[ao + 6];
    long a7 = a[ao + 7];
    long b0 = b[bo];
    long b1 = b[bo + 1];
    long b2 = b[bo + 2];
    long b3 = b[bo + 3];
    long b4 = b[bo + 4];
    long b5 = b[bo + 5];
    long b6 = b[bo + 6];
    long b7 = b[bo + 7];
    // n = p - a1 (p itself when a1 is zero, which the kernel accepts)
    long n0 = P0 - a4;
    long bw = borrow(P0, a4, n0);
    long n1 = P1 - a5 - bw;
    bw = borrow(P1, a5, n1);
    long n2 = P2 - a6 - bw;
    bw = borrow(P2, a6, n2);
    long n3 = P3 - a7 - bw;
    FpArith.mulSum(r, ro, a0, a1, a2, a3, b0, b1, b2, b3, n0, n1, n2, n3, b4, b5, b6, b7);
    FpArith.mulSum(r, ro + 4, a0, a1, a2, a3, b4, b5, b6, b7, a4, a5, a6, a7, b0, b1, b2, b3);
  }

  /** (a0 + a1 i)^2 = (a0 + a1)(a0 - a1) + 2 a0 a1 i; the sums stay unreduced below 2p. */
  static void sqr(long[] r, int ro, long[] a, int ao) {
    long a0 = a[ao];
    long a1 = a[ao + 1];
    long a2 = a[ao + 2];
    long a3 = a[ao + 3];
    long a4 = a[ao + 4];
    long a5 = a[ao + 5];
    long a6 = a[ao + 6];
    long a7 = a[ao + 7];
    // s = a0 + a1 (unreduced)
    long s0 = a0 + a4;
    long c = carry(a0, a4, s0);
    long s1 = a1 + a5 + c;
    c = carry(a1, a5, s1);
    long s2 = a2 + a6 + c;
    c = carry(a2, a6, s2);
    long s3 = a3 + a7 + c;
    // d = a0 - a1 + p (below 2p, unreduced)
    long d0 = a0 - a4;
    long bw = borrow(a0, a4, d0);
    long d1 = a1 - a5 - bw;
    bw = borrow(a1, a5, d1);
    long d2 = a2 - a6 - bw;
    bw = borrow(a2, a6, d2);
    long d3 = a3 - a7 - bw;
    long e0 = d0 + P0;
    c = carry(d0, P0, e0);
    long e1 = d1 + P1 + c;
    c = carry(d1, P1, e1);
    long e2 = d2 + P2 + c;
    c = carry(d2, P2, e2);
    long e3 = d3 + P3 + c;
    // t = 2 a0 (unreduced)
    long t0 = a0 << 1;
    long t1 = (a1 << 1) | (a0 >>> 63);
    long t2 = (a2 << 1) | (a1 >>> 63);
    long t3 = (a3 << 1) | (a2 >>> 63);
    // d + p is below 2p and s below 2p: their product is below 4p^2, inside the kernel's range
    FpArith.mul(r, ro, s0, s1, s2, s3, e0, e1, e2, e3);
    FpArith.mul(r, ro + 4, t0, t1, t2, t3, a4, a5, a6, a7);
  }

  /** r = a·s for s in Fp. */
  static void mulByFp(long[] r, int ro, long[] a, int ao, long[] s, int so) {
    long s0 = s[so];
    long s1 = s[so + 1];
    long s2 = s[so + 2];
    long s3 = s[so + 3];
    FpArith.mul(r, ro, a[ao], a[ao + 1], a[ao + 2], a[ao + 3], s0, s1, s2, s3);
    FpArith.mul(r, ro + 4, a[ao + 4], a[ao + 5], a[ao + 6], a[ao + 7], s0, s1, s2, s3);
  }

  /** r = a·(9 + i) = (9 a0 - a1) + (a0 + 9 a1) i, the non-residue of the sextic tower. */
  static void mulByXi(long[] r, int ro, long[] a, int ao) {
    long a0 = a[ao];
    long a1 = a[ao + 1];
    long a2 = a[ao + 2];
    long a3 = a[ao + 3];
    long a4 = a[ao + 4];
    long a5 = a[ao + 5];
    long a6 = a[ao + 6];
    long a7 = a[ao + 7];
    FpArith.mul9(r, ro, a0, a1, a2, a3);
    FpArith.sub(r, ro, r[ro], r[ro + 1], r[ro + 2], r[ro + 3], a4, a5, a6, a7);
    FpArith.mul9(r, ro + 4, a4, a5, a6, a7);
    FpArith.add(r, ro + 4, r[ro + 4], r[ro + 5], r[ro + 6], r[ro + 7], a0, a1, a2, a3);
  }

  /** r = a^-1 = conj(a) / (a0^2 + a1^2); zero maps to zero. */
  static void inv(long[] r, int ro, long[] a, int ao) {
    long[] t = new long[8];
    FpArith.sqr(t, 0, a, ao);
    FpArith.sqr(t, 4, a, ao + 4);
    FpArith.add(t, 0, t, 0, t, 4);
    FpArith.inv(t, 0, t, 0);
    FpArith.mul(r, ro, a, ao, t, 0);
    FpArith.mul(t, 4, a, ao + 4, t, 0);
    FpArith.neg(r, ro + 4, t, 4);
  }

  /** r = a^e by square-and-multiply (constants, square roots; not a hot path). */
  static void pow(long[] r, int ro, long[] a, int ao, BigInteger e) {
    long[] acc = new long[8];
    long[] base = new long[8];
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

  private static final BigInteger P_MINUS_3_QUARTER =
      FpArith.P.subtract(BigInteger.valueOf(3)).shiftRight(2);
  private static final BigInteger P_MINUS_1_HALF = FpArith.P.subtract(BigInteger.ONE).shiftRight(1);

  /**
   * Writes a square root of a and returns true, or returns false when a is not a square (p ≡ 3 mod
   * 4: the complex method of Adj and Rodríguez-Henríquez). The root is checked by squaring.
   */
  static boolean sqrt(long[] r, int ro, long[] a, int ao) {
    if (isZero(a, ao)) {
      setZero(r, ro);
      return true;
    }
    long[] t = new long[40]; // a1, alpha, x0, tmp, spare Fp
    pow(t, 0, a, ao, P_MINUS_3_QUARTER); // a1 = a^((p-3)/4)
    mul(t, 16, t, 0, a, ao); // x0 = a1 a
    mul(t, 8, t, 0, t, 16); // alpha = a1^2 a = a^((p-1)/2)
    long[] minusOne = new long[8];
    FpArith.neg(minusOne, 0, FpArith.ONE, 0);
    if (equal(t, 8, minusOne, 0)) {
      // x = i·x0
      FpArith.neg(t, 24, t, 20);
      FpArith.copy(t, 28, t, 16);
    } else {
      // x = (1 + alpha)^((p-1)/2)·x0
      FpArith.add(t, 8, t, 8, FpArith.ONE, 0);
      pow(t, 8, t, 8, P_MINUS_1_HALF);
      mul(t, 24, t, 8, t, 16);
    }
    sqr(t, 0, t, 24);
    if (!equal(t, 0, a, ao)) {
      return false;
    }
    copy(r, ro, t, 24);
    return true;
  }

  private static long carry(long x, long y, long s) {
    return ((x & y) | ((x | y) & ~s)) >>> 63;
  }

  private static long borrow(long x, long y, long d) {
    return ((~x & y) | (~(x ^ y) & d)) >>> 63;
  }
}
