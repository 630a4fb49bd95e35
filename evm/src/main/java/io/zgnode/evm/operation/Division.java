package io.zgnode.evm.operation;

/**
 * Long division of multi-limb unsigned integers (Knuth, TAOCP vol. 2, 4.3.1, algorithm D) in base
 * 2^64, for DIV, MOD, ADDMOD and MULMOD when the quick paths do not apply. Works in a caller-owned
 * scratch array of {@link #SCRATCH_SIZE} longs, so it allocates nothing.
 */
final class Division {
  /** The scratch longs the arithmetic needs; callers own one array per interpreter. */
  static final int SCRATCH_SIZE = 80;

  // Regions of the scratch array (little-endian limbs).
  private static final int U = 16; // dividend, up to 8 limbs
  private static final int D = 26; // divisor, up to 4 limbs
  private static final int UN = 30; // normalized dividend, up to 9 limbs
  private static final int DN = 40; // normalized divisor
  private static final int Q = 44; // quotient, up to 8 limbs
  private static final int R = 54; // remainder, up to 4 limbs

  private Division() {}

  /**
   * Divides the stack word at {@code ua} by the (non-zero) stack word at {@code db} and writes the
   * quotient, or the remainder when {@code remainder}, as a stack word at {@code ob}.
   */
  static void divide(
      long[] su, int ua, long[] sd, int db, long[] out, int ob, boolean remainder, long[] w) {
    for (int i = 0; i < 4; i++) {
      w[U + i] = su[ua + 3 - i];
      w[D + i] = sd[db + 3 - i];
    }
    int ulen = length(w, U, 4);
    int dlen = length(w, D, 4);
    run(w, ulen, dlen);
    int from = remainder ? R : Q;
    int n = remainder ? dlen : 4;
    for (int i = 0; i < 4; i++) {
      out[ob + 3 - i] = i < n ? w[from + i] : 0;
    }
  }

  /**
   * Divides the stack word at {@code a} by the non-zero single-limb {@code d0} and writes the
   * quotient, or the remainder when {@code remainder}, as the stack word at {@code b}: four
   * reciprocal steps in locals, no scratch.
   */
  static void divideBy1(long[] s, int a, int b, long d0, boolean remainder) {
    long u3 = s[a];
    long u2 = s[a + 1];
    long u1 = s[a + 2];
    long u0 = s[a + 3];
    int sh = Long.numberOfLeadingZeros(d0);
    long d = d0 << sh;
    long v = reciprocal(d);
    long r;
    long n3;
    long n2;
    long n1;
    long n0;
    if (sh == 0) {
      r = 0;
      n3 = u3;
      n2 = u2;
      n1 = u1;
      n0 = u0;
    } else {
      r = u3 >>> (64 - sh);
      n3 = (u3 << sh) | (u2 >>> (64 - sh));
      n2 = (u2 << sh) | (u1 >>> (64 - sh));
      n1 = (u1 << sh) | (u0 >>> (64 - sh));
      n0 = u0 << sh;
    }
    long q3 = div2by1(r, n3, d, v);
    r = n3 - q3 * d;
    long q2 = div2by1(r, n2, d, v);
    r = n2 - q2 * d;
    long q1 = div2by1(r, n1, d, v);
    r = n1 - q1 * d;
    long q0 = div2by1(r, n0, d, v);
    r = n0 - q0 * d;
    if (remainder) {
      s[b] = 0;
      s[b + 1] = 0;
      s[b + 2] = 0;
      s[b + 3] = r >>> sh;
    } else {
      s[b] = q3;
      s[b + 1] = q2;
      s[b + 2] = q1;
      s[b + 3] = q0;
    }
  }

  /**
   * Reduces the little-endian {@code ulen}-limb number at the start of {@code w} modulo the
   * (non-zero) stack word at {@code mb}, writing the result as a stack word at {@code mb}.
   */
  static void reduce(long[] w, int ulen, long[] s, int mb) {
    if (s[mb] != 0) {
      if (ulen == 8 && barrettReady(w, s, mb)) {
        barrett(w, s[mb], s[mb + 1], s[mb + 2], s[mb + 3], s, mb);
      } else {
        reduceByFullWord(w, ulen, s, mb);
      }
      return;
    }
    for (int i = ulen - 1; i >= 0; i--) {
      w[U + i] = w[i];
    }
    for (int i = 0; i < 4; i++) {
      w[D + i] = s[mb + 3 - i];
    }
    int ul = length(w, U, ulen);
    int dlen = length(w, D, 4);
    if (ul < dlen) {
      for (int i = 0; i < 4; i++) {
        s[mb + 3 - i] = i < ul ? w[U + i] : 0;
      }
      return;
    }
    run(w, ul, dlen);
    for (int i = 0; i < 4; i++) {
      s[mb + 3 - i] = i < dlen ? w[R + i] : 0;
    }
  }

  // The last full-width modulus and its reciprocal: MULMOD-heavy code (elliptic-curve
  // arithmetic) reduces by the same modulus over and over.
  private static final int CACHE = 58; // m3, m2, m1, m0, reciprocal, valid

  /**
   * The remainder of the little-endian {@code ulen}-limb number at the start of {@code w} (4 to 8
   * limbs) by a modulus whose top limb is non-zero, as a stack word at {@code mb}: Knuth's
   * algorithm D specialized to a four-limb divisor held in locals.
   */
  private static void reduceByFullWord(long[] w, int ulen, long[] s, int mb) {
    long m3 = s[mb];
    long m2 = s[mb + 1];
    long m1 = s[mb + 2];
    long m0 = s[mb + 3];
    while (ulen > 4 && w[ulen - 1] == 0) {
      ulen--;
    }
    int sh = Long.numberOfLeadingZeros(m3);
    long d3 = sh == 0 ? m3 : (m3 << sh) | (m2 >>> (64 - sh));
    long d2 = sh == 0 ? m2 : (m2 << sh) | (m1 >>> (64 - sh));
    long d1 = sh == 0 ? m1 : (m1 << sh) | (m0 >>> (64 - sh));
    long d0 = m0 << sh;
    long v;
    if (w[CACHE + 5] == 1
        && w[CACHE] == m3
        && w[CACHE + 1] == m2
        && w[CACHE + 2] == m1
        && w[CACHE + 3] == m0) {
      v = w[CACHE + 4];
    } else {
      v = reciprocal(d3);
      w[CACHE] = m3;
      w[CACHE + 1] = m2;
      w[CACHE + 2] = m1;
      w[CACHE + 3] = m0;
      w[CACHE + 4] = v;
      w[CACHE + 5] = 1;
    }
    // normalized dividend, ulen + 1 limbs
    w[UN + ulen] = sh == 0 ? 0 : w[ulen - 1] >>> (64 - sh);
    for (int i = ulen - 1; i > 0; i--) {
      w[UN + i] = sh == 0 ? w[i] : (w[i] << sh) | (w[i - 1] >>> (64 - sh));
    }
    w[UN] = w[0] << sh;
    for (int j = ulen - 4; j >= 0; j--) {
      long u4 = w[UN + j + 4];
      long u3 = w[UN + j + 3];
      long u2 = w[UN + j + 2];
      long qhat;
      long rhat;
      boolean rhatBig;
      if (Long.compareUnsigned(u4, d3) >= 0) {
        qhat = -1L;
        rhat = u3 + d3;
        rhatBig = Long.compareUnsigned(rhat, d3) < 0;
      } else {
        qhat = div2by1(u4, u3, d3, v);
        rhat = u3 - qhat * d3;
        rhatBig = false;
      }
      while (!rhatBig) {
        long plo = qhat * d2;
        long phi = Math.unsignedMultiplyHigh(qhat, d2);
        int c = Long.compareUnsigned(phi, rhat);
        if (c > 0 || (c == 0 && Long.compareUnsigned(plo, u2) > 0)) {
          qhat--;
          long nr = rhat + d3;
          rhatBig = Long.compareUnsigned(nr, rhat) < 0;
          rhat = nr;
        } else {
          break;
        }
      }
      // un[j .. j+4] -= qhat * d, limb by limb
      long lo = qhat * d0;
      long hi = Math.unsignedMultiplyHigh(qhat, d0);
      long x = w[UN + j];
      long r0 = x - lo;
      long borrow = Long.compareUnsigned(x, lo) < 0 ? 1 : 0;

      lo = qhat * d1 + hi;
      hi = Math.unsignedMultiplyHigh(qhat, d1) + (Long.compareUnsigned(lo, hi) < 0 ? 1 : 0);
      x = w[UN + j + 1];
      long t = x - lo;
      long b = Long.compareUnsigned(x, lo) < 0 ? 1 : 0;
      long r1 = t - borrow;
      borrow = b + (Long.compareUnsigned(t, borrow) < 0 ? 1 : 0);

      lo = qhat * d2 + hi;
      hi = Math.unsignedMultiplyHigh(qhat, d2) + (Long.compareUnsigned(lo, hi) < 0 ? 1 : 0);
      x = u2;
      t = x - lo;
      b = Long.compareUnsigned(x, lo) < 0 ? 1 : 0;
      long r2 = t - borrow;
      borrow = b + (Long.compareUnsigned(t, borrow) < 0 ? 1 : 0);

      lo = qhat * d3 + hi;
      hi = Math.unsignedMultiplyHigh(qhat, d3) + (Long.compareUnsigned(lo, hi) < 0 ? 1 : 0);
      x = u3;
      t = x - lo;
      b = Long.compareUnsigned(x, lo) < 0 ? 1 : 0;
      long r3 = t - borrow;
      borrow = b + (Long.compareUnsigned(t, borrow) < 0 ? 1 : 0);

      boolean negative =
          Long.compareUnsigned(u4, hi) < 0 || Long.compareUnsigned(u4 - hi, borrow) < 0;
      if (negative) {
        // qhat was one too large: add the divisor back (the top limb's carry is dropped)
        long c;
        long sum = r0 + d0;
        c = Long.compareUnsigned(sum, r0) < 0 ? 1 : 0;
        r0 = sum;
        sum = r1 + d1 + c;
        c = ((r1 & d1) | ((r1 | d1) & ~sum)) >>> 63;
        r1 = sum;
        sum = r2 + d2 + c;
        c = ((r2 & d2) | ((r2 | d2) & ~sum)) >>> 63;
        r2 = sum;
        sum = r3 + d3 + c;
        r3 = sum;
      }
      w[UN + j] = r0;
      w[UN + j + 1] = r1;
      w[UN + j + 2] = r2;
      w[UN + j + 3] = r3;
      w[UN + j + 4] = 0;
    }
    long r0 = w[UN];
    long r1 = w[UN + 1];
    long r2 = w[UN + 2];
    long r3 = w[UN + 3];
    if (sh != 0) {
      r0 = (r0 >>> sh) | (r1 << (64 - sh));
      r1 = (r1 >>> sh) | (r2 << (64 - sh));
      r2 = (r2 >>> sh) | (r3 << (64 - sh));
      r3 = r3 >>> sh;
    }
    s[mb] = r3;
    s[mb + 1] = r2;
    s[mb + 2] = r1;
    s[mb + 3] = r0;
  }

  // Barrett constants of the last full-width MULMOD modulus: mu (5 limbs), the modulus it is
  // for (m3..m0) and a state: 1 = seen once, 2 = mu ready. Computing mu costs about two ordinary
  // reductions, so it is done when a modulus comes twice in a row; code that alternates moduli
  // stays on the plain path and pays at most that once per switch.
  private static final int MU = 64;
  private static final int MU_KEY = 69;
  private static final int MU_STATE = 73;

  /** Whether mu is ready for the modulus at {@code mb}, computing it on its second use. */
  private static boolean barrettReady(long[] w, long[] s, int mb) {
    long m3 = s[mb];
    long m2 = s[mb + 1];
    long m1 = s[mb + 2];
    long m0 = s[mb + 3];
    boolean same =
        w[MU_KEY] == m3 && w[MU_KEY + 1] == m2 && w[MU_KEY + 2] == m1 && w[MU_KEY + 3] == m0;
    if (!same) {
      w[MU_KEY] = m3;
      w[MU_KEY + 1] = m2;
      w[MU_KEY + 2] = m1;
      w[MU_KEY + 3] = m0;
      w[MU_STATE] = 1;
      return false;
    }
    if (w[MU_STATE] == 2) {
      return true;
    }
    if (w[MU_STATE] != 1) {
      return false;
    }
    // mu = floor(2^512 / m)
    for (int i = 0; i < 8; i++) {
      w[U + i] = 0;
    }
    w[U + 8] = 1;
    w[D] = m0;
    w[D + 1] = m1;
    w[D + 2] = m2;
    w[D + 3] = m3;
    run(w, 9, 4);
    if (w[Q + 5] != 0) {
      w[MU_STATE] = 3; // m = 2^192: mu needs six limbs; stay on the plain path
      return false;
    }
    for (int i = 0; i < 5; i++) {
      w[MU + i] = w[Q + i];
    }
    w[MU_STATE] = 2;
    return true;
  }

  /**
   * x mod m by Barrett reduction (Handbook of Applied Cryptography, 14.42) for x of 8 limbs at
   * {@code w[0..7]} and a modulus m with a non-zero top limb, given mu = floor(2^512 / m) (5
   * limbs): two multiplications with no dependent division steps, then at most three subtractions.
   */
  private static void barrett(long[] w, long m3, long m2, long m1, long m0, long[] s, int mb) {
    long mu0 = w[MU];
    long mu1 = w[MU + 1];
    long mu2 = w[MU + 2];
    long mu3 = w[MU + 3];
    long mu4 = w[MU + 4];
    long q0 = w[3];
    long q1 = w[4];
    long q2 = w[5];
    long q3 = w[6];
    long q4 = w[7];
    long r0;
    long r1;
    long r2;
    long lo;
    long hi;
    // Columns 0-2 of q1 * mu are left out: they add less than 2^320 to a product that is divided
    // by 2^320, so the quotient estimate drops by at most one more and the loop below subtracts
    // m at most three times instead of two.
    r0 = 0;
    r1 = 0;
    r2 = 0;
    lo = q0 * mu3;
    hi = Math.unsignedMultiplyHigh(q0, mu3);
    r0 += lo;
    hi += ult(r0, lo);
    r1 += hi;
    r2 += ult(r1, hi);
    lo = q1 * mu2;
    hi = Math.unsignedMultiplyHigh(q1, mu2);
    r0 += lo;
    hi += ult(r0, lo);
    r1 += hi;
    r2 += ult(r1, hi);
    lo = q2 * mu1;
    hi = Math.unsignedMultiplyHigh(q2, mu1);
    r0 += lo;
    hi += ult(r0, lo);
    r1 += hi;
    r2 += ult(r1, hi);
    lo = q3 * mu0;
    hi = Math.unsignedMultiplyHigh(q3, mu0);
    r0 += lo;
    hi += ult(r0, lo);
    r1 += hi;
    r2 += ult(r1, hi);
    r0 = r1;
    r1 = r2;
    r2 = 0;
    lo = q0 * mu4;
    hi = Math.unsignedMultiplyHigh(q0, mu4);
    r0 += lo;
    hi += ult(r0, lo);
    r1 += hi;
    r2 += ult(r1, hi);
    lo = q1 * mu3;
    hi = Math.unsignedMultiplyHigh(q1, mu3);
    r0 += lo;
    hi += ult(r0, lo);
    r1 += hi;
    r2 += ult(r1, hi);
    lo = q2 * mu2;
    hi = Math.unsignedMultiplyHigh(q2, mu2);
    r0 += lo;
    hi += ult(r0, lo);
    r1 += hi;
    r2 += ult(r1, hi);
    lo = q3 * mu1;
    hi = Math.unsignedMultiplyHigh(q3, mu1);
    r0 += lo;
    hi += ult(r0, lo);
    r1 += hi;
    r2 += ult(r1, hi);
    lo = q4 * mu0;
    hi = Math.unsignedMultiplyHigh(q4, mu0);
    r0 += lo;
    hi += ult(r0, lo);
    r1 += hi;
    r2 += ult(r1, hi);
    r0 = r1;
    r1 = r2;
    r2 = 0;
    lo = q1 * mu4;
    hi = Math.unsignedMultiplyHigh(q1, mu4);
    r0 += lo;
    hi += ult(r0, lo);
    r1 += hi;
    r2 += ult(r1, hi);
    lo = q2 * mu3;
    hi = Math.unsignedMultiplyHigh(q2, mu3);
    r0 += lo;
    hi += ult(r0, lo);
    r1 += hi;
    r2 += ult(r1, hi);
    lo = q3 * mu2;
    hi = Math.unsignedMultiplyHigh(q3, mu2);
    r0 += lo;
    hi += ult(r0, lo);
    r1 += hi;
    r2 += ult(r1, hi);
    lo = q4 * mu1;
    hi = Math.unsignedMultiplyHigh(q4, mu1);
    r0 += lo;
    hi += ult(r0, lo);
    r1 += hi;
    r2 += ult(r1, hi);
    long t0 = r0;
    r0 = r1;
    r1 = r2;
    r2 = 0;
    lo = q2 * mu4;
    hi = Math.unsignedMultiplyHigh(q2, mu4);
    r0 += lo;
    hi += ult(r0, lo);
    r1 += hi;
    r2 += ult(r1, hi);
    lo = q3 * mu3;
    hi = Math.unsignedMultiplyHigh(q3, mu3);
    r0 += lo;
    hi += ult(r0, lo);
    r1 += hi;
    r2 += ult(r1, hi);
    lo = q4 * mu2;
    hi = Math.unsignedMultiplyHigh(q4, mu2);
    r0 += lo;
    hi += ult(r0, lo);
    r1 += hi;
    r2 += ult(r1, hi);
    long t1 = r0;
    r0 = r1;
    r1 = r2;
    r2 = 0;
    lo = q3 * mu4;
    hi = Math.unsignedMultiplyHigh(q3, mu4);
    r0 += lo;
    hi += ult(r0, lo);
    r1 += hi;
    r2 += ult(r1, hi);
    lo = q4 * mu3;
    hi = Math.unsignedMultiplyHigh(q4, mu3);
    r0 += lo;
    hi += ult(r0, lo);
    r1 += hi;
    r2 += ult(r1, hi);
    long t2 = r0;
    r0 = r1;
    r1 = r2;
    r2 = 0;
    lo = q4 * mu4;
    hi = Math.unsignedMultiplyHigh(q4, mu4);
    r0 += lo;
    hi += ult(r0, lo);
    r1 += hi;
    r2 += ult(r1, hi);
    long t3 = r0;
    r0 = r1;
    r1 = r2;
    r2 = 0;
    long t4 = r0;
    r0 = 0;
    r1 = 0;
    r2 = 0;
    lo = t0 * m0;
    hi = Math.unsignedMultiplyHigh(t0, m0);
    r0 += lo;
    hi += ult(r0, lo);
    r1 += hi;
    r2 += ult(r1, hi);
    long p0 = r0;
    r0 = r1;
    r1 = r2;
    r2 = 0;
    lo = t0 * m1;
    hi = Math.unsignedMultiplyHigh(t0, m1);
    r0 += lo;
    hi += ult(r0, lo);
    r1 += hi;
    r2 += ult(r1, hi);
    lo = t1 * m0;
    hi = Math.unsignedMultiplyHigh(t1, m0);
    r0 += lo;
    hi += ult(r0, lo);
    r1 += hi;
    r2 += ult(r1, hi);
    long p1 = r0;
    r0 = r1;
    r1 = r2;
    r2 = 0;
    lo = t0 * m2;
    hi = Math.unsignedMultiplyHigh(t0, m2);
    r0 += lo;
    hi += ult(r0, lo);
    r1 += hi;
    r2 += ult(r1, hi);
    lo = t1 * m1;
    hi = Math.unsignedMultiplyHigh(t1, m1);
    r0 += lo;
    hi += ult(r0, lo);
    r1 += hi;
    r2 += ult(r1, hi);
    lo = t2 * m0;
    hi = Math.unsignedMultiplyHigh(t2, m0);
    r0 += lo;
    hi += ult(r0, lo);
    r1 += hi;
    r2 += ult(r1, hi);
    long p2 = r0;
    r0 = r1;
    r1 = r2;
    r2 = 0;
    lo = t0 * m3;
    hi = Math.unsignedMultiplyHigh(t0, m3);
    r0 += lo;
    hi += ult(r0, lo);
    r1 += hi;
    r2 += ult(r1, hi);
    lo = t1 * m2;
    hi = Math.unsignedMultiplyHigh(t1, m2);
    r0 += lo;
    hi += ult(r0, lo);
    r1 += hi;
    r2 += ult(r1, hi);
    lo = t2 * m1;
    hi = Math.unsignedMultiplyHigh(t2, m1);
    r0 += lo;
    hi += ult(r0, lo);
    r1 += hi;
    r2 += ult(r1, hi);
    lo = t3 * m0;
    hi = Math.unsignedMultiplyHigh(t3, m0);
    r0 += lo;
    hi += ult(r0, lo);
    r1 += hi;
    r2 += ult(r1, hi);
    long p3 = r0;
    r0 = r1;
    r1 = r2;
    r2 = 0;
    r0 += t1 * m3;
    r0 += t2 * m2;
    r0 += t3 * m1;
    r0 += t4 * m0;
    long p4 = r0;
    // r = (x mod 2^320) - p (mod 2^320)
    long x0 = w[0];
    long x1 = w[1];
    long x2 = w[2];
    long x3 = w[3];
    long x4 = w[4];
    long a0 = x0 - p0;
    long br = ult(x0, p0);
    long a1 = x1 - p1 - br;
    br = ((~x1 & p1) | (~(x1 ^ p1) & a1)) >>> 63;
    long a2 = x2 - p2 - br;
    br = ((~x2 & p2) | (~(x2 ^ p2) & a2)) >>> 63;
    long a3 = x3 - p3 - br;
    br = ((~x3 & p3) | (~(x3 ^ p3) & a3)) >>> 63;
    long a4 = x4 - p4 - br;
    // at most two subtractions of m
    while (a4 != 0 || geq(a3, a2, a1, a0, m3, m2, m1, m0)) {
      long b0 = a0 - m0;
      br = ult(a0, m0);
      long b1 = a1 - m1 - br;
      br = ((~a1 & m1) | (~(a1 ^ m1) & b1)) >>> 63;
      long b2 = a2 - m2 - br;
      br = ((~a2 & m2) | (~(a2 ^ m2) & b2)) >>> 63;
      long b3 = a3 - m3 - br;
      br = ((~a3 & m3) | (~(a3 ^ m3) & b3)) >>> 63;
      a4 -= br;
      a0 = b0;
      a1 = b1;
      a2 = b2;
      a3 = b3;
    }
    s[mb] = a3;
    s[mb + 1] = a2;
    s[mb + 2] = a1;
    s[mb + 3] = a0;
  }

  private static boolean geq(
      long a3, long a2, long a1, long a0, long b3, long b2, long b1, long b0) {
    if (a3 != b3) {
      return Long.compareUnsigned(a3, b3) > 0;
    }
    if (a2 != b2) {
      return Long.compareUnsigned(a2, b2) > 0;
    }
    if (a1 != b1) {
      return Long.compareUnsigned(a1, b1) > 0;
    }
    return Long.compareUnsigned(a0, b0) >= 0;
  }

  private static long ult(long x, long y) {
    return Long.compareUnsigned(x, y) < 0 ? 1 : 0;
  }

  private static int length(long[] w, int at, int n) {
    while (n > 1 && w[at + n - 1] == 0) {
      n--;
    }
    return n;
  }

  /** Quotient of U by D into Q (ulen - dlen + 1 limbs, rest zero), remainder into R. */
  private static void run(long[] w, int ulen, int dlen) {
    for (int i = 0; i < 8; i++) {
      w[Q + i] = 0;
    }
    // Normalize: shift so the divisor's top limb has its high bit set.
    int s = Long.numberOfLeadingZeros(w[D + dlen - 1]);
    for (int i = dlen - 1; i > 0; i--) {
      w[DN + i] = s == 0 ? w[D + i] : (w[D + i] << s) | (w[D + i - 1] >>> (64 - s));
    }
    w[DN] = w[D] << s;
    w[UN + ulen] = s == 0 ? 0 : w[U + ulen - 1] >>> (64 - s);
    for (int i = ulen - 1; i > 0; i--) {
      w[UN + i] = s == 0 ? w[U + i] : (w[U + i] << s) | (w[U + i - 1] >>> (64 - s));
    }
    w[UN] = w[U] << s;
    long vtop = w[DN + dlen - 1];
    long recip = reciprocal(vtop);
    if (dlen == 1) {
      long rem = w[UN + ulen];
      for (int i = ulen - 1; i >= 0; i--) {
        long ui = w[UN + i];
        long q = div2by1(rem, ui, vtop, recip);
        w[Q + i] = q;
        rem = ui - q * vtop;
      }
      w[R] = rem >>> s;
      return;
    }
    long vnext = w[DN + dlen - 2];
    for (int j = ulen - dlen; j >= 0; j--) {
      long ujn = w[UN + j + dlen];
      long ujn1 = w[UN + j + dlen - 1];
      long ujn2 = w[UN + j + dlen - 2];
      long qhat;
      long rhat;
      boolean rhatBig;
      if (Long.compareUnsigned(ujn, vtop) >= 0) {
        qhat = -1L;
        rhat = ujn1 + vtop;
        rhatBig = Long.compareUnsigned(rhat, vtop) < 0;
      } else {
        qhat = div2by1(ujn, ujn1, vtop, recip);
        rhat = ujn1 - qhat * vtop;
        rhatBig = false;
      }
      while (!rhatBig) {
        long plo = qhat * vnext;
        long phi = Math.unsignedMultiplyHigh(qhat, vnext);
        int c = Long.compareUnsigned(phi, rhat);
        if (c > 0 || (c == 0 && Long.compareUnsigned(plo, ujn2) > 0)) {
          qhat--;
          long nr = rhat + vtop;
          rhatBig = Long.compareUnsigned(nr, rhat) < 0;
          rhat = nr;
        } else {
          break;
        }
      }
      // un[j .. j+dlen] -= qhat * dn
      long mulCarry = 0;
      long borrow = 0;
      for (int i = 0; i < dlen; i++) {
        long d = w[DN + i];
        long plo = qhat * d;
        long phi = Math.unsignedMultiplyHigh(qhat, d);
        plo += mulCarry;
        if (Long.compareUnsigned(plo, mulCarry) < 0) {
          phi++;
        }
        mulCarry = phi;
        long x = w[UN + i + j];
        long t = x - plo;
        long b1 = Long.compareUnsigned(x, plo) < 0 ? 1 : 0;
        long t2 = t - borrow;
        long b2 = Long.compareUnsigned(t, borrow) < 0 ? 1 : 0;
        w[UN + i + j] = t2;
        borrow = b1 + b2;
      }
      long x = w[UN + j + dlen];
      long t = x - mulCarry;
      boolean neg = Long.compareUnsigned(x, mulCarry) < 0;
      long t2 = t - borrow;
      neg |= Long.compareUnsigned(t, borrow) < 0;
      w[UN + j + dlen] = t2;
      if (neg) {
        qhat--;
        long c = 0;
        for (int i = 0; i < dlen; i++) {
          long a = w[UN + i + j];
          long d = w[DN + i];
          long r = a + d + c;
          c = ((a & d) | ((a | d) & ~r)) >>> 63;
          w[UN + i + j] = r;
        }
        w[UN + j + dlen] += c;
      }
      w[Q + j] = qhat;
    }
    for (int i = 0; i < dlen; i++) {
      w[R + i] = s == 0 ? w[UN + i] : (w[UN + i] >>> s) | (w[UN + i + 1] << (64 - s));
    }
  }

  /**
   * The reciprocal of a normalized divisor (high bit set): floor((2^128 - 1) / d) - 2^64, for
   * {@link #div2by1} (Moller and Granlund, "Improved division by invariant integers", 2011).
   */
  static long reciprocal(long d) {
    // Moller and Granlund, algorithm 2: a table lookup and three Newton steps, no division.
    long d0 = d & 1;
    int d9 = (int) (d >>> 55);
    long d40 = (d >>> 24) + 1;
    long d63 = (d >>> 1) + d0;
    long v0 = RECIPROCAL_TABLE[d9 - 256];
    long v1 = (v0 << 11) - ((v0 * v0 * d40) >>> 40) - 1;
    long v2 = (v1 << 13) + ((v1 * ((1L << 60) - v1 * d40)) >>> 47);
    long e = ((v2 >>> 1) & -d0) - v2 * d63;
    long v3 = (Math.unsignedMultiplyHigh(v2, e) >>> 1) + (v2 << 31);
    long lo = v3 * d;
    long hi = Math.unsignedMultiplyHigh(v3, d);
    long lo2 = lo + d;
    hi += Long.compareUnsigned(lo2, lo) < 0 ? 1 : 0;
    return v3 - hi - d;
  }

  /** floor((2^19 - 3 * 2^8) / d9) for the nine top bits d9 of a normalized divisor. */
  private static final long[] RECIPROCAL_TABLE = new long[256];

  static {
    for (int i = 0; i < 256; i++) {
      RECIPROCAL_TABLE[i] = ((1L << 19) - 3 * (1L << 8)) / (i + 256);
    }
  }

  /** The reciprocal by a hardware division, to check {@link #reciprocal} against. */
  static long reciprocalByDivision(long d) {
    return divlu(~d, -1L, d);
  }

  /**
   * (u1 * 2^64 + u0) / d for a normalized d and u1 < d, with d's reciprocal: two multiplications
   * instead of a hardware division (Moller and Granlund, algorithm 4).
   */
  static long div2by1(long u1, long u0, long d, long v) {
    long q0 = v * u1;
    long q1 = Math.unsignedMultiplyHigh(v, u1);
    long lo = q0 + u0;
    q1 += u1 + (Long.compareUnsigned(lo, q0) < 0 ? 1 : 0);
    q0 = lo;
    q1++;
    long r = u0 - q1 * d;
    if (Long.compareUnsigned(r, q0) > 0) {
      q1--;
      r += d;
    }
    if (Long.compareUnsigned(r, d) >= 0) {
      q1++;
    }
    return q1;
  }

  /** (u1 * 2^64 + u0) / v for u1 < v, with 32-bit half steps (Hacker's Delight, divlu). */
  static long divlu(long u1, long u0, long v) {
    final long b = 1L << 32;
    int s = Long.numberOfLeadingZeros(v);
    v <<= s;
    long vn1 = v >>> 32;
    long vn0 = v & 0xffffffffL;
    long un32 = s == 0 ? u1 : (u1 << s) | (u0 >>> (64 - s));
    long un10 = u0 << s;
    long un1 = un10 >>> 32;
    long un0 = un10 & 0xffffffffL;
    long q1 = Long.divideUnsigned(un32, vn1);
    long rhat = un32 - q1 * vn1;
    while (Long.compareUnsigned(q1, b) >= 0
        || Long.compareUnsigned(q1 * vn0, (rhat << 32) | un1) > 0) {
      q1--;
      rhat += vn1;
      if (Long.compareUnsigned(rhat, b) >= 0) {
        break;
      }
    }
    long un21 = (un32 << 32) + un1 - q1 * v;
    long q0 = Long.divideUnsigned(un21, vn1);
    rhat = un21 - q0 * vn1;
    while (Long.compareUnsigned(q0, b) >= 0
        || Long.compareUnsigned(q0 * vn0, (rhat << 32) | un0) > 0) {
      q0--;
      rhat += vn1;
      if (Long.compareUnsigned(rhat, b) >= 0) {
        break;
      }
    }
    return (q1 << 32) | q0;
  }
}
