package io.zgnode.evm.crypto.bn254;

import java.math.BigInteger;

/**
 * Arithmetic modulo the BN254 base-field prime p, on four 64-bit little-endian limbs in Montgomery
 * form (a value a is stored as a·2^256 mod p). Every kernel writes its result to {@code r} at
 * offset {@code ro}; values in arrays are always fully reduced (below p). The kernels that take
 * limbs as arguments read all their input before writing, so the output may overlap any input.
 *
 * <p>This is the engine under {@link Fp}, the towers and the pairing: the hot paths call it on
 * preallocated arrays so that no object is allocated per field operation.
 */
final class FpArith {
  static final BigInteger P =
      new BigInteger(
          "21888242871839275222246405745257275088696311157297823662689037894645226208583");
  static final long P0 = P.longValue();
  static final long P1 = P.shiftRight(64).longValue();
  static final long P2 = P.shiftRight(128).longValue();
  static final long P3 = P.shiftRight(192).longValue();

  /** -p^-1 mod 2^64, the Montgomery reduction factor. */
  static final long INV =
      BigInteger.ONE.shiftLeft(64).subtract(P.modInverse(BigInteger.ONE.shiftLeft(64))).longValue();

  private static final BigInteger R = BigInteger.ONE.shiftLeft(256);
  private static final long[] R2 = toLimbs(R.multiply(R).mod(P));

  /** The Montgomery form of 1. */
  static final long[] ONE = toLimbs(R.mod(P));

  private FpArith() {}

  // ---------------------------------------------------------------- conversion

  static long[] toLimbs(BigInteger v) {
    return new long[] {
      v.longValue(),
      v.shiftRight(64).longValue(),
      v.shiftRight(128).longValue(),
      v.shiftRight(192).longValue()
    };
  }

  /** Writes the Montgomery form of {@code v}, which must be in [0, p). */
  static void fromBigInteger(long[] r, int ro, BigInteger v) {
    long[] n = toLimbs(v);
    mul(r, ro, n[0], n[1], n[2], n[3], R2[0], R2[1], R2[2], R2[3]);
  }

  static BigInteger toBigInteger(long[] a, int ao) {
    long[] n = new long[4];
    mul(n, 0, a[ao], a[ao + 1], a[ao + 2], a[ao + 3], 1, 0, 0, 0);
    byte[] be = new byte[33];
    for (int i = 0; i < 4; i++) {
      long limb = n[i];
      for (int j = 0; j < 8; j++) {
        be[32 - 8 * i - j] = (byte) (limb >>> (8 * j));
      }
    }
    return new BigInteger(be);
  }

  /** Reads a 32-byte big-endian integer; returns false (writing nothing) when it is not below p. */
  static boolean fromBytes(long[] r, int ro, byte[] src, int off) {
    long n3 = readLong(src, off);
    long n2 = readLong(src, off + 8);
    long n1 = readLong(src, off + 16);
    long n0 = readLong(src, off + 24);
    long b = borrow(n0, P0, n0 - P0);
    long d1 = n1 - P1 - b;
    b = borrow(n1, P1, d1);
    long d2 = n2 - P2 - b;
    b = borrow(n2, P2, d2);
    long d3 = n3 - P3 - b;
    b = borrow(n3, P3, d3);
    if (b == 0) {
      return false;
    }
    mul(r, ro, n0, n1, n2, n3, R2[0], R2[1], R2[2], R2[3]);
    return true;
  }

  /** Writes the 32-byte big-endian canonical encoding. */
  static void toBytes(long[] a, int ao, byte[] dst, int off) {
    long[] n = new long[4];
    mul(n, 0, a[ao], a[ao + 1], a[ao + 2], a[ao + 3], 1, 0, 0, 0);
    writeLong(dst, off, n[3]);
    writeLong(dst, off + 8, n[2]);
    writeLong(dst, off + 16, n[1]);
    writeLong(dst, off + 24, n[0]);
  }

  static long readLong(byte[] b, int off) {
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = (v << 8) | (b[off + i] & 0xffL);
    }
    return v;
  }

  static void writeLong(byte[] b, int off, long v) {
    for (int i = 7; i >= 0; i--) {
      b[off + i] = (byte) v;
      v >>>= 8;
    }
  }

  // ---------------------------------------------------------------- small helpers

  /**
   * 1 when x < y as unsigned 64-bit integers: the carry out of an addition s = x + y is ltu(s, x).
   * Java has no add-with-carry; of the branch-free forms tried, the compareUnsigned intrinsic gives
   * C2 the shortest code (measured: about 25% faster multiplication than the xor-bias form).
   */
  private static long ltu(long x, long y) {
    return Long.compareUnsigned(x, y) < 0 ? 1L : 0L;
  }

  /** Borrow out of x - y (- borrow in) = d. */
  private static long borrow(long x, long y, long d) {
    return ((~x & y) | (~(x ^ y) & d)) >>> 63;
  }

  /** Writes t - p if t >= p, else t; t must be below 2p. */
  private static void reduceOnce(long[] r, int ro, long t0, long t1, long t2, long t3) {
    long s0 = t0 - P0;
    long b = ltu(t0, P0);
    long s1 = t1 - P1;
    long b1 = ltu(t1, P1) | ((s1 == 0 ? 1L : 0L) & b);
    s1 -= b;
    long s2 = t2 - P2;
    long b2 = ltu(t2, P2) | ((s2 == 0 ? 1L : 0L) & b1);
    s2 -= b1;
    long s3 = t3 - P3 - b2;
    long keep = s3 >> 63; // all ones when t < p (t3 - P3 - borrow went negative; t < 2^255)
    r[ro] = (t0 & keep) | (s0 & ~keep);
    r[ro + 1] = (t1 & keep) | (s1 & ~keep);
    r[ro + 2] = (t2 & keep) | (s2 & ~keep);
    r[ro + 3] = (t3 & keep) | (s3 & ~keep);
  }

  // ---------------------------------------------------------------- additive

  static void add(long[] r, int ro, long[] a, int ao, long[] b, int bo) {
    add(r, ro, a[ao], a[ao + 1], a[ao + 2], a[ao + 3], b[bo], b[bo + 1], b[bo + 2], b[bo + 3]);
  }

  static void add(
      long[] r, int ro, long a0, long a1, long a2, long a3, long b0, long b1, long b2, long b3) {
    long s0 = a0 + b0;
    long c = ltu(s0, a0);
    long s1 = a1 + b1;
    long c1 = ltu(s1, a1);
    s1 += c;
    c1 |= (s1 == 0 ? 1L : 0L) & c;
    long s2 = a2 + b2;
    long c2 = ltu(s2, a2);
    s2 += c1;
    c2 |= (s2 == 0 ? 1L : 0L) & c1;
    long s3 = a3 + b3 + c2; // below 2p < 2^255: no carry out
    reduceOnce(r, ro, s0, s1, s2, s3);
  }

  static void dbl(long[] r, int ro, long[] a, int ao) {
    long a0 = a[ao];
    long a1 = a[ao + 1];
    long a2 = a[ao + 2];
    long a3 = a[ao + 3];
    reduceOnce(
        r, ro, a0 << 1, (a1 << 1) | (a0 >>> 63), (a2 << 1) | (a1 >>> 63), (a3 << 1) | (a2 >>> 63));
  }

  static void sub(long[] r, int ro, long[] a, int ao, long[] b, int bo) {
    sub(r, ro, a[ao], a[ao + 1], a[ao + 2], a[ao + 3], b[bo], b[bo + 1], b[bo + 2], b[bo + 3]);
  }

  static void sub(
      long[] r, int ro, long a0, long a1, long a2, long a3, long b0, long b1, long b2, long b3) {
    long d0 = a0 - b0;
    long bw = ltu(a0, b0);
    long d1 = a1 - b1;
    long bw1 = ltu(a1, b1) | ((d1 == 0 ? 1L : 0L) & bw);
    d1 -= bw;
    long d2 = a2 - b2;
    long bw2 = ltu(a2, b2) | ((d2 == 0 ? 1L : 0L) & bw1);
    d2 -= bw1;
    long d3 = a3 - b3 - bw2; // negative exactly when a < b (both below 2^254)
    long m = d3 >> 63; // all ones when a < b: add p back
    long q0 = P0 & m;
    long q1 = P1 & m;
    long q2 = P2 & m;
    long s0 = d0 + q0;
    long c = ltu(s0, q0);
    long s1 = d1 + q1;
    long c1 = ltu(s1, q1);
    s1 += c;
    c1 |= (s1 == 0 ? 1L : 0L) & c;
    long s2 = d2 + q2;
    long c2 = ltu(s2, q2);
    s2 += c1;
    c2 |= (s2 == 0 ? 1L : 0L) & c1;
    r[ro] = s0;
    r[ro + 1] = s1;
    r[ro + 2] = s2;
    r[ro + 3] = d3 + (P3 & m) + c2;
  }

  static void neg(long[] r, int ro, long[] a, int ao) {
    long a0 = a[ao];
    long a1 = a[ao + 1];
    long a2 = a[ao + 2];
    long a3 = a[ao + 3];
    long nz = ((a0 | a1 | a2 | a3) == 0) ? 0L : -1L;
    long d0 = P0 - a0;
    long bw = borrow(P0, a0, d0);
    long d1 = P1 - a1 - bw;
    bw = borrow(P1, a1, d1);
    long d2 = P2 - a2 - bw;
    bw = borrow(P2, a2, d2);
    long d3 = P3 - a3 - bw;
    r[ro] = d0 & nz;
    r[ro + 1] = d1 & nz;
    r[ro + 2] = d2 & nz;
    r[ro + 3] = d3 & nz;
  }

  /** r = 9a, used for multiplying by the tower's non-residue 9 + i. */
  static void mul9(long[] r, int ro, long a0, long a1, long a2, long a3) {
    reduceOnce(
        r, ro, a0 << 1, (a1 << 1) | (a0 >>> 63), (a2 << 1) | (a1 >>> 63), (a3 << 1) | (a2 >>> 63));
    dbl(r, ro, r, ro);
    dbl(r, ro, r, ro);
    add(r, ro, r[ro], r[ro + 1], r[ro + 2], r[ro + 3], a0, a1, a2, a3);
  }

  static void copy(long[] r, int ro, long[] a, int ao) {
    r[ro] = a[ao];
    r[ro + 1] = a[ao + 1];
    r[ro + 2] = a[ao + 2];
    r[ro + 3] = a[ao + 3];
  }

  static void setZero(long[] r, int ro) {
    r[ro] = 0;
    r[ro + 1] = 0;
    r[ro + 2] = 0;
    r[ro + 3] = 0;
  }

  static void setOne(long[] r, int ro) {
    copy(r, ro, ONE, 0);
  }

  static boolean isZero(long[] a, int ao) {
    return (a[ao] | a[ao + 1] | a[ao + 2] | a[ao + 3]) == 0;
  }

  static boolean isOne(long[] a, int ao) {
    return a[ao] == ONE[0] && a[ao + 1] == ONE[1] && a[ao + 2] == ONE[2] && a[ao + 3] == ONE[3];
  }

  static boolean equal(long[] a, int ao, long[] b, int bo) {
    return ((a[ao] ^ b[bo])
            | (a[ao + 1] ^ b[bo + 1])
            | (a[ao + 2] ^ b[bo + 2])
            | (a[ao + 3] ^ b[bo + 3]))
        == 0;
  }

  // ---------------------------------------------------------------- multiplicative

  static void mul(long[] r, int ro, long[] a, int ao, long[] b, int bo) {
    mul(r, ro, a[ao], a[ao + 1], a[ao + 2], a[ao + 3], b[bo], b[bo + 1], b[bo + 2], b[bo + 3]);
  }

  static void sqr(long[] r, int ro, long[] a, int ao) {
    long a0 = a[ao];
    long a1 = a[ao + 1];
    long a2 = a[ao + 2];
    long a3 = a[ao + 3];
    mul(r, ro, a0, a1, a2, a3, a0, a1, a2, a3);
  }

  /**
   * Montgomery product a·b·2^-256 mod p (CIOS, one reduction word per multiplication word). It
   * accepts a multiplicand a below 2p (a sum left unreduced) with b below p: every partial result
   * then stays below a + p < 2^256, the top word needs no sixth limb, and the result is below 2p
   * before the final subtraction.
   */
  static void mul(
      long[] r, int ro, long a0, long a1, long a2, long a3, long b0, long b1, long b2, long b3) {
    long t0;
    long t1;
    long t2;
    long t3;
    long t4;
    long lo;
    long hi;
    long c;
    long m;

    // word 0 of b
    t0 = a0 * b0;
    c = Math.unsignedMultiplyHigh(a0, b0);
    lo = a1 * b0;
    t1 = lo + c;
    c = Math.unsignedMultiplyHigh(a1, b0) + ltu(t1, lo);
    lo = a2 * b0;
    t2 = lo + c;
    c = Math.unsignedMultiplyHigh(a2, b0) + ltu(t2, lo);
    lo = a3 * b0;
    t3 = lo + c;
    t4 = Math.unsignedMultiplyHigh(a3, b0) + ltu(t3, lo);
    // reduce: t = (t + m·p) / 2^64
    m = t0 * INV;
    c = Math.unsignedMultiplyHigh(m, P0) + (t0 != 0 ? 1 : 0);
    lo = m * P1 + c;
    hi = Math.unsignedMultiplyHigh(m, P1) + ltu(lo, c);
    t0 = t1 + lo;
    c = hi + ltu(t0, lo);
    lo = m * P2 + c;
    hi = Math.unsignedMultiplyHigh(m, P2) + ltu(lo, c);
    t1 = t2 + lo;
    c = hi + ltu(t1, lo);
    lo = m * P3 + c;
    hi = Math.unsignedMultiplyHigh(m, P3) + ltu(lo, c);
    t2 = t3 + lo;
    c = hi + ltu(t2, lo);
    t3 = t4 + c;

    // words 1..3 of b (a loop the JIT unrolls: measured faster than writing it out)
    for (int i = 1; i < 4; i++) {
      long bi = i == 1 ? b1 : i == 2 ? b2 : b3;
      lo = a0 * bi;
      t0 += lo;
      c = Math.unsignedMultiplyHigh(a0, bi) + ltu(t0, lo);
      lo = a1 * bi + c;
      hi = Math.unsignedMultiplyHigh(a1, bi) + ltu(lo, c);
      t1 += lo;
      c = hi + ltu(t1, lo);
      lo = a2 * bi + c;
      hi = Math.unsignedMultiplyHigh(a2, bi) + ltu(lo, c);
      t2 += lo;
      c = hi + ltu(t2, lo);
      lo = a3 * bi + c;
      hi = Math.unsignedMultiplyHigh(a3, bi) + ltu(lo, c);
      t3 += lo;
      t4 = hi + ltu(t3, lo);
      m = t0 * INV;
      c = Math.unsignedMultiplyHigh(m, P0) + (t0 != 0 ? 1 : 0);
      lo = m * P1 + c;
      hi = Math.unsignedMultiplyHigh(m, P1) + ltu(lo, c);
      t0 = t1 + lo;
      c = hi + ltu(t0, lo);
      lo = m * P2 + c;
      hi = Math.unsignedMultiplyHigh(m, P2) + ltu(lo, c);
      t1 = t2 + lo;
      c = hi + ltu(t1, lo);
      lo = m * P3 + c;
      hi = Math.unsignedMultiplyHigh(m, P3) + ltu(lo, c);
      t2 = t3 + lo;
      c = hi + ltu(t2, lo);
      t3 = t4 + c;
    }

    reduceOnce(r, ro, t0, t1, t2, t3);
  }

  /**
   * (a·b + c·d)·2^-256 mod p with a single reduction, the core of the quadratic-extension product.
   * Inputs at most p (a negated zero may be passed as p itself); the result is below 1.4p before
   * the final subtraction and partial results stay below 3p.
   */
  static void mulSum(
      long[] r,
      int ro,
      long a0,
      long a1,
      long a2,
      long a3,
      long b0,
      long b1,
      long b2,
      long b3,
      long c0,
      long c1,
      long c2,
      long c3,
      long d0,
      long d1,
      long d2,
      long d3) {
    long t0 = 0;
    long t1 = 0;
    long t2 = 0;
    long t3 = 0;
    for (int i = 0; i < 4; i++) {
      long bi = i == 0 ? b0 : i == 1 ? b1 : i == 2 ? b2 : b3;
      long di = i == 0 ? d0 : i == 1 ? d1 : i == 2 ? d2 : d3;
      long lo;
      long hi;
      long c;
      long t4;
      // t += a·bi
      lo = a0 * bi;
      t0 += lo;
      c = Math.unsignedMultiplyHigh(a0, bi) + ltu(t0, lo);
      lo = a1 * bi + c;
      hi = Math.unsignedMultiplyHigh(a1, bi) + ltu(lo, c);
      t1 += lo;
      c = hi + ltu(t1, lo);
      lo = a2 * bi + c;
      hi = Math.unsignedMultiplyHigh(a2, bi) + ltu(lo, c);
      t2 += lo;
      c = hi + ltu(t2, lo);
      lo = a3 * bi + c;
      hi = Math.unsignedMultiplyHigh(a3, bi) + ltu(lo, c);
      t3 += lo;
      t4 = hi + ltu(t3, lo);
      // t += c·di
      lo = c0 * di;
      t0 += lo;
      c = Math.unsignedMultiplyHigh(c0, di) + ltu(t0, lo);
      lo = c1 * di + c;
      hi = Math.unsignedMultiplyHigh(c1, di) + ltu(lo, c);
      t1 += lo;
      c = hi + ltu(t1, lo);
      lo = c2 * di + c;
      hi = Math.unsignedMultiplyHigh(c2, di) + ltu(lo, c);
      t2 += lo;
      c = hi + ltu(t2, lo);
      lo = c3 * di + c;
      hi = Math.unsignedMultiplyHigh(c3, di) + ltu(lo, c);
      t3 += lo;
      t4 += hi + ltu(t3, lo);
      // reduce one word
      long m = t0 * INV;
      c = Math.unsignedMultiplyHigh(m, P0) + (t0 != 0 ? 1 : 0);
      lo = m * P1 + c;
      hi = Math.unsignedMultiplyHigh(m, P1) + ltu(lo, c);
      t0 = t1 + lo;
      c = hi + ltu(t0, lo);
      lo = m * P2 + c;
      hi = Math.unsignedMultiplyHigh(m, P2) + ltu(lo, c);
      t1 = t2 + lo;
      c = hi + ltu(t1, lo);
      lo = m * P3 + c;
      hi = Math.unsignedMultiplyHigh(m, P3) + ltu(lo, c);
      t2 = t3 + lo;
      c = hi + ltu(t2, lo);
      t3 = t4 + c;
    }
    reduceOnce(r, ro, t0, t1, t2, t3);
  }

  /** r = a^e for a non-negative exponent given as little-endian 64-bit words. */
  static void pow(long[] r, int ro, long[] a, int ao, long[] e) {
    long[] acc = ONE.clone();
    long[] base = new long[4];
    copy(base, 0, a, ao);
    for (int i = e.length * 64 - 1; i >= 0; i--) {
      sqr(acc, 0, acc, 0);
      if (((e[i >>> 6] >>> (i & 63)) & 1) != 0) {
        mul(acc, 0, acc, 0, base, 0);
      }
    }
    copy(r, ro, acc, 0);
  }

  private static final long[] P_MINUS_1_HALF = toLimbs(P.subtract(BigInteger.ONE).shiftRight(1));
  private static final long[] P_PLUS_1_QUARTER = toLimbs(P.add(BigInteger.ONE).shiftRight(2));

  private static final long[] R3 = toLimbs(R.pow(3).mod(P));

  /**
   * r = a^-1; zero maps to zero. Binary extended Euclid on the Montgomery representation A = aR
   * (giving A^-1 = a^-1 R^-1), then one multiplication by R^3 to get back to a^-1 R. About four
   * times faster than Fermat's a^(p-2); not constant-time, like the rest of this package.
   */
  static void inv(long[] r, int ro, long[] a, int ao) {
    if (isZero(a, ao)) {
      setZero(r, ro);
      return;
    }
    long[] u = {a[ao], a[ao + 1], a[ao + 2], a[ao + 3]};
    long[] v = {P0, P1, P2, P3};
    long[] x = {1, 0, 0, 0};
    long[] y = {0, 0, 0, 0};
    // invariants: x·A ≡ u and y·A ≡ v (mod p); u, v odd after halving; x, y in [0, p)
    while (!isOneRaw(u) && !isOneRaw(v)) {
      while ((u[0] & 1) == 0) {
        shiftRight1(u);
        halveMod(x);
      }
      while ((v[0] & 1) == 0) {
        shiftRight1(v);
        halveMod(y);
      }
      if (geqRaw(u, v)) {
        subRaw(u, v);
        sub(x, 0, x, 0, y, 0);
      } else {
        subRaw(v, u);
        sub(y, 0, y, 0, x, 0);
      }
    }
    long[] inverse = isOneRaw(u) ? x : y;
    mul(r, ro, inverse[0], inverse[1], inverse[2], inverse[3], R3[0], R3[1], R3[2], R3[3]);
  }

  private static boolean isOneRaw(long[] x) {
    return x[0] == 1 && (x[1] | x[2] | x[3]) == 0;
  }

  private static void shiftRight1(long[] x) {
    x[0] = (x[0] >>> 1) | (x[1] << 63);
    x[1] = (x[1] >>> 1) | (x[2] << 63);
    x[2] = (x[2] >>> 1) | (x[3] << 63);
    x[3] >>>= 1;
  }

  /** x/2 mod p for x in [0, p): (x + p)/2 when x is odd (x + p < 2^255, no overflow). */
  private static void halveMod(long[] x) {
    if ((x[0] & 1) != 0) {
      long s0 = x[0] + P0;
      long c = ltu(s0, P0);
      long s1 = x[1] + P1;
      long c1 = ltu(s1, P1);
      s1 += c;
      c1 |= (s1 == 0 ? 1L : 0L) & c;
      long s2 = x[2] + P2;
      long c2 = ltu(s2, P2);
      s2 += c1;
      c2 |= (s2 == 0 ? 1L : 0L) & c1;
      x[0] = s0;
      x[1] = s1;
      x[2] = s2;
      x[3] = x[3] + P3 + c2;
    }
    shiftRight1(x);
  }

  private static boolean geqRaw(long[] a, long[] b) {
    for (int i = 3; i >= 0; i--) {
      if (a[i] != b[i]) {
        return Long.compareUnsigned(a[i], b[i]) > 0;
      }
    }
    return true;
  }

  /** a -= b for a ≥ b, no reduction. */
  private static void subRaw(long[] a, long[] b) {
    long bw = 0;
    for (int i = 0; i < 4; i++) {
      long d = a[i] - b[i];
      long nb = ltu(a[i], b[i]) | ((d == 0 ? 1L : 0L) & bw);
      a[i] = d - bw;
      bw = nb;
    }
  }

  /** Euler's criterion: true for zero and the non-zero squares. */
  static boolean isSquare(long[] a, int ao) {
    if (isZero(a, ao)) {
      return true;
    }
    long[] t = new long[4];
    pow(t, 0, a, ao, P_MINUS_1_HALF);
    return isOne(t, 0);
  }

  /**
   * Writes a^((p+1)/4), the square root that is itself a square when a is a square (p ≡ 3 mod 4),
   * and returns whether it is a root.
   */
  static boolean sqrt(long[] r, int ro, long[] a, int ao) {
    long[] t = new long[4];
    pow(t, 0, a, ao, P_PLUS_1_QUARTER);
    long[] check = new long[4];
    sqr(check, 0, t, 0);
    copy(r, ro, t, 0);
    return equal(check, 0, a, ao);
  }
}
