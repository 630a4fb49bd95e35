package io.zgnode.evm.operation;

/**
 * 256-bit arithmetic in place on the flat operand stack. A word at index {@code b} is {@code s[b]}
 * (most significant 64 bits) to {@code s[b + 3]} (least significant). Binary operations take the
 * top word at {@code a} and the next at {@code b} and leave the result at {@code b}, as the EVM
 * pops two and pushes one. Nothing here allocates except the general division paths.
 */
public final class StackMath {
  /** The scratch longs the arithmetic needs; one array per interpreter. */
  public static final int SCRATCH_SIZE = Division.SCRATCH_SIZE;

  private StackMath() {}

  private static long carry(long x, long y, long r) {
    return ((x & y) | ((x | y) & ~r)) >>> 63;
  }

  private static long borrow(long x, long y, long r) {
    return ((~x & y) | (~(x ^ y) & r)) >>> 63;
  }

  public static void add(long[] s, int a, int b) {
    long a0 = s[a + 3];
    long b0 = s[b + 3];
    long r0 = a0 + b0;
    long c = carry(a0, b0, r0);
    long a1 = s[a + 2];
    long b1 = s[b + 2];
    long r1 = a1 + b1 + c;
    c = carry(a1, b1, r1);
    long a2 = s[a + 1];
    long b2 = s[b + 1];
    long r2 = a2 + b2 + c;
    c = carry(a2, b2, r2);
    s[b] = s[a] + s[b] + c;
    s[b + 1] = r2;
    s[b + 2] = r1;
    s[b + 3] = r0;
  }

  /** s[b] = s[a] - s[b]. */
  public static void sub(long[] s, int a, int b) {
    long a0 = s[a + 3];
    long b0 = s[b + 3];
    long r0 = a0 - b0;
    long br = borrow(a0, b0, r0);
    long a1 = s[a + 2];
    long b1 = s[b + 2];
    long r1 = a1 - b1 - br;
    br = borrow(a1, b1, r1);
    long a2 = s[a + 1];
    long b2 = s[b + 1];
    long r2 = a2 - b2 - br;
    br = borrow(a2, b2, r2);
    s[b] = s[a] - s[b] - br;
    s[b + 1] = r2;
    s[b + 2] = r1;
    s[b + 3] = r0;
  }

  private static long ult(long x, long y) {
    return Long.compareUnsigned(x, y) < 0 ? 1 : 0;
  }

  public static void mul(long[] s, int a, int b) {
    mul(s, a, s, b, s, b);
  }

  /** out[o..o+3] = x[xo..] * y[yo..] mod 2^256; out may alias either input. */
  public static void mul(long[] x, int xo, long[] y, int yo, long[] out, int o) {
    long a0 = x[xo + 3];
    long a1 = x[xo + 2];
    long a2 = x[xo + 1];
    long a3 = x[xo];
    long b0 = y[yo + 3];
    long b1 = y[yo + 2];
    long b2 = y[yo + 1];
    long b3 = y[yo];
    if ((a1 | a2 | a3 | b1 | b2 | b3) == 0) {
      out[o + 3] = a0 * b0;
      out[o + 2] = Math.unsignedMultiplyHigh(a0, b0);
      out[o + 1] = 0;
      out[o] = 0;
      return;
    }
    long r0 = a0 * b0;
    long h00 = Math.unsignedMultiplyHigh(a0, b0);
    long l01 = a0 * b1;
    long h01 = Math.unsignedMultiplyHigh(a0, b1);
    long l10 = a1 * b0;
    long h10 = Math.unsignedMultiplyHigh(a1, b0);
    long l02 = a0 * b2;
    long h02 = Math.unsignedMultiplyHigh(a0, b2);
    long l11 = a1 * b1;
    long h11 = Math.unsignedMultiplyHigh(a1, b1);
    long l20 = a2 * b0;
    long h20 = Math.unsignedMultiplyHigh(a2, b0);

    long r1 = h00 + l01;
    long c2 = ult(r1, l01);
    long t = r1 + l10;
    c2 += ult(t, l10);
    r1 = t;

    long r2 = h01 + h10;
    long c3 = ult(r2, h10);
    t = r2 + l02;
    c3 += ult(t, l02);
    r2 = t;
    t = r2 + l11;
    c3 += ult(t, l11);
    r2 = t;
    t = r2 + l20;
    c3 += ult(t, l20);
    r2 = t;
    t = r2 + c2;
    c3 += ult(t, c2);
    r2 = t;

    long r3 = h02 + h11 + h20 + a0 * b3 + a1 * b2 + a2 * b1 + a3 * b0 + c3;
    out[o] = r3;
    out[o + 1] = r2;
    out[o + 2] = r1;
    out[o + 3] = r0;
  }

  public static void div(long[] s, int a, int b, long[] scratch) {
    // quotient of s[a] / s[b] into b
    long d3 = s[b];
    long d2 = s[b + 1];
    long d1 = s[b + 2];
    long d0 = s[b + 3];
    if ((d3 | d2 | d1) == 0) {
      if (d0 == 0) {
        return; // x / 0 = 0, and b is already zero
      }
      if ((s[a] | s[a + 1] | s[a + 2]) == 0) {
        long x = s[a + 3];
        s[b + 3] = x >= 0 && d0 > 0 ? x / d0 : Long.divideUnsigned(x, d0);
        return;
      }
    }
    int shift = powerOfTwo(d3, d2, d1, d0);
    if (shift < 0 && (d3 | d2 | d1) == 0) {
      Division.divideBy1(s, a, b, d0, false);
      return;
    }
    if (shift >= 0) {
      // division by 2^shift is a right shift (common: Solidity packs and unpacks with it)
      s[b] = s[a];
      s[b + 1] = s[a + 1];
      s[b + 2] = s[a + 2];
      s[b + 3] = s[a + 3];
      shiftRight(s, b, shift, 0);
      return;
    }
    if (compare(s, a, b) < 0) {
      zero(s, b);
      return;
    }
    Division.divide(s, a, s, b, s, b, false, scratch);
  }

  /** The exponent if the word (d3..d0) is a power of two, else -1. */
  private static int powerOfTwo(long d3, long d2, long d1, long d0) {
    long limb;
    int base;
    if (d3 != 0) {
      if ((d2 | d1 | d0) != 0) {
        return -1;
      }
      limb = d3;
      base = 192;
    } else if (d2 != 0) {
      if ((d1 | d0) != 0) {
        return -1;
      }
      limb = d2;
      base = 128;
    } else if (d1 != 0) {
      if (d0 != 0) {
        return -1;
      }
      limb = d1;
      base = 64;
    } else {
      limb = d0;
      base = 0;
    }
    if ((limb & (limb - 1)) != 0) {
      return -1;
    }
    return base + Long.numberOfTrailingZeros(limb);
  }

  public static void mod(long[] s, int a, int b, long[] scratch) {
    long d3 = s[b];
    long d2 = s[b + 1];
    long d1 = s[b + 2];
    long d0 = s[b + 3];
    if ((d3 | d2 | d1) == 0) {
      if (d0 == 0) {
        return; // x % 0 = 0, and b is already zero
      }
      if ((s[a] | s[a + 1] | s[a + 2]) == 0) {
        long x = s[a + 3];
        s[b + 3] = x >= 0 && d0 > 0 ? x % d0 : Long.remainderUnsigned(x, d0);
        return;
      }
    }
    int shift = powerOfTwo(d3, d2, d1, d0);
    if (shift < 0 && (d3 | d2 | d1) == 0) {
      Division.divideBy1(s, a, b, d0, true);
      return;
    }
    if (shift >= 0) {
      // x mod 2^shift keeps the low bits
      for (int i = 3; i >= 0; i--) {
        int low = 64 * (3 - i); // the limb's lowest bit number
        long v = s[a + i];
        if (shift <= low) {
          v = 0;
        } else if (shift < low + 64) {
          v &= (1L << (shift - low)) - 1;
        }
        s[b + i] = v;
      }
      return;
    }
    int cmp = compare(s, a, b);
    if (cmp < 0) {
      copy(s, a, b);
      return;
    }
    if (cmp == 0) {
      zero(s, b);
      return;
    }
    Division.divide(s, a, s, b, s, b, true, scratch);
  }

  public static void sdiv(long[] s, int a, int b, long[] scratch) {
    boolean negA = s[a] < 0;
    boolean negB = s[b] < 0;
    if (isZero(s, b)) {
      return;
    }
    if (negA) {
      negate(s, a);
    }
    if (negB) {
      negate(s, b);
    }
    div(s, a, b, scratch);
    if (negA != negB) {
      negate(s, b);
    }
  }

  public static void smod(long[] s, int a, int b, long[] scratch) {
    boolean negA = s[a] < 0;
    if (isZero(s, b)) {
      return;
    }
    if (negA) {
      negate(s, a);
    }
    if (s[b] < 0) {
      negate(s, b);
    }
    mod(s, a, b, scratch);
    if (negA) {
      negate(s, b);
    }
  }

  /** ADDMOD: top a, then b, then modulus m; result at m. */
  public static void addmod(long[] s, int a, int b, int m, long[] scratch) {
    if (isZero(s, m)) {
      return;
    }
    long a0 = s[a + 3];
    long b0 = s[b + 3];
    long r0 = a0 + b0;
    long c = carry(a0, b0, r0);
    long a1 = s[a + 2];
    long b1 = s[b + 2];
    long r1 = a1 + b1 + c;
    c = carry(a1, b1, r1);
    long a2 = s[a + 1];
    long b2 = s[b + 1];
    long r2 = a2 + b2 + c;
    c = carry(a2, b2, r2);
    long a3 = s[a];
    long b3 = s[b];
    long r3 = a3 + b3 + c;
    c = carry(a3, b3, r3);
    if (compare(s, a, m) < 0 && compare(s, b, m) < 0) {
      // both below the modulus: the sum is below 2m, so at most one subtraction
      if (c != 0 || compareWords(r3, r2, r1, r0, s, m) >= 0) {
        long m0 = s[m + 3];
        long m1 = s[m + 2];
        long m2 = s[m + 1];
        long m3 = s[m];
        long d0 = r0 - m0;
        long br = borrow(r0, m0, d0);
        long d1 = r1 - m1 - br;
        br = borrow(r1, m1, d1);
        long d2 = r2 - m2 - br;
        br = borrow(r2, m2, d2);
        r3 = r3 - m3 - br;
        r2 = d2;
        r1 = d1;
        r0 = d0;
      }
      s[m] = r3;
      s[m + 1] = r2;
      s[m + 2] = r1;
      s[m + 3] = r0;
      return;
    }
    // the 257-bit sum, little-endian limbs
    long[] u = scratch;
    u[0] = r0;
    u[1] = r1;
    u[2] = r2;
    u[3] = r3;
    u[4] = c;
    Division.reduce(u, 5, s, m);
  }

  /** MULMOD: top a, then b, then modulus m; result at m. */
  public static void mulmod(long[] s, int a, int b, int m, long[] scratch) {
    if (isZero(s, m)) {
      return;
    }
    // the full 512-bit product, little-endian limbs, into scratch[0..7], column by column
    long[] u = scratch;
    long x0 = s[a + 3];
    long x1 = s[a + 2];
    long x2 = s[a + 1];
    long x3 = s[a];
    long y0 = s[b + 3];
    long y1 = s[b + 2];
    long y2 = s[b + 1];
    long y3 = s[b];
    long r0 = 0;
    long r1 = 0;
    long r2 = 0;
    long lo;
    long hi;
    lo = x0 * y0;
    hi = Math.unsignedMultiplyHigh(x0, y0);
    r0 += lo;
    hi += ult(r0, lo);
    r1 += hi;
    r2 += ult(r1, hi);
    u[0] = r0;
    r0 = r1;
    r1 = r2;
    r2 = 0;
    lo = x0 * y1;
    hi = Math.unsignedMultiplyHigh(x0, y1);
    r0 += lo;
    hi += ult(r0, lo);
    r1 += hi;
    r2 += ult(r1, hi);
    lo = x1 * y0;
    hi = Math.unsignedMultiplyHigh(x1, y0);
    r0 += lo;
    hi += ult(r0, lo);
    r1 += hi;
    r2 += ult(r1, hi);
    u[1] = r0;
    r0 = r1;
    r1 = r2;
    r2 = 0;
    lo = x0 * y2;
    hi = Math.unsignedMultiplyHigh(x0, y2);
    r0 += lo;
    hi += ult(r0, lo);
    r1 += hi;
    r2 += ult(r1, hi);
    lo = x1 * y1;
    hi = Math.unsignedMultiplyHigh(x1, y1);
    r0 += lo;
    hi += ult(r0, lo);
    r1 += hi;
    r2 += ult(r1, hi);
    lo = x2 * y0;
    hi = Math.unsignedMultiplyHigh(x2, y0);
    r0 += lo;
    hi += ult(r0, lo);
    r1 += hi;
    r2 += ult(r1, hi);
    u[2] = r0;
    r0 = r1;
    r1 = r2;
    r2 = 0;
    lo = x0 * y3;
    hi = Math.unsignedMultiplyHigh(x0, y3);
    r0 += lo;
    hi += ult(r0, lo);
    r1 += hi;
    r2 += ult(r1, hi);
    lo = x1 * y2;
    hi = Math.unsignedMultiplyHigh(x1, y2);
    r0 += lo;
    hi += ult(r0, lo);
    r1 += hi;
    r2 += ult(r1, hi);
    lo = x2 * y1;
    hi = Math.unsignedMultiplyHigh(x2, y1);
    r0 += lo;
    hi += ult(r0, lo);
    r1 += hi;
    r2 += ult(r1, hi);
    lo = x3 * y0;
    hi = Math.unsignedMultiplyHigh(x3, y0);
    r0 += lo;
    hi += ult(r0, lo);
    r1 += hi;
    r2 += ult(r1, hi);
    u[3] = r0;
    r0 = r1;
    r1 = r2;
    r2 = 0;
    lo = x1 * y3;
    hi = Math.unsignedMultiplyHigh(x1, y3);
    r0 += lo;
    hi += ult(r0, lo);
    r1 += hi;
    r2 += ult(r1, hi);
    lo = x2 * y2;
    hi = Math.unsignedMultiplyHigh(x2, y2);
    r0 += lo;
    hi += ult(r0, lo);
    r1 += hi;
    r2 += ult(r1, hi);
    lo = x3 * y1;
    hi = Math.unsignedMultiplyHigh(x3, y1);
    r0 += lo;
    hi += ult(r0, lo);
    r1 += hi;
    r2 += ult(r1, hi);
    u[4] = r0;
    r0 = r1;
    r1 = r2;
    r2 = 0;
    lo = x2 * y3;
    hi = Math.unsignedMultiplyHigh(x2, y3);
    r0 += lo;
    hi += ult(r0, lo);
    r1 += hi;
    r2 += ult(r1, hi);
    lo = x3 * y2;
    hi = Math.unsignedMultiplyHigh(x3, y2);
    r0 += lo;
    hi += ult(r0, lo);
    r1 += hi;
    r2 += ult(r1, hi);
    u[5] = r0;
    r0 = r1;
    r1 = r2;
    r2 = 0;
    lo = x3 * y3;
    hi = Math.unsignedMultiplyHigh(x3, y3);
    r0 += lo;
    hi += ult(r0, lo);
    r1 += hi;
    r2 += ult(r1, hi);
    u[6] = r0;
    r0 = r1;
    r1 = r2;
    r2 = 0;
    u[7] = r0;
    Division.reduce(u, 8, s, m);
  }

  /** EXP: base at a (top), exponent at b; result at b. */
  public static void exp(long[] s, int a, int b, long[] scratch) {
    // scratch[0..3] = result, scratch[4..7] = running square of the base (stack layout)
    long e0 = s[b + 3];
    long e1 = s[b + 2];
    long e2 = s[b + 1];
    long e3 = s[b];
    if ((e1 | e2 | e3) == 0 && e0 >= 0 && e0 <= 2) {
      if (e0 == 0) {
        s[b] = 0;
        s[b + 1] = 0;
        s[b + 2] = 0;
        s[b + 3] = 1;
      } else if (e0 == 1) {
        copy(s, a, b);
      } else {
        mul(s, a, s, a, s, b);
      }
      return;
    }
    scratch[0] = 0;
    scratch[1] = 0;
    scratch[2] = 0;
    scratch[3] = 1;
    scratch[4] = s[a];
    scratch[5] = s[a + 1];
    scratch[6] = s[a + 2];
    scratch[7] = s[a + 3];
    long[] limbs = {e0, e1, e2, e3};
    int top = 3;
    while (top > 0 && limbs[top] == 0) {
      top--;
    }
    for (int i = 0; i <= top; i++) {
      long e = limbs[i];
      int bits = i == top ? 64 - Long.numberOfLeadingZeros(e) : 64;
      for (int k = 0; k < bits; k++) {
        if ((e & 1) != 0) {
          mul(scratch, 0, scratch, 4, scratch, 0);
        }
        e >>>= 1;
        if (i < top || k < bits - 1) {
          mul(scratch, 4, scratch, 4, scratch, 4);
        }
      }
    }
    s[b] = scratch[0];
    s[b + 1] = scratch[1];
    s[b + 2] = scratch[2];
    s[b + 3] = scratch[3];
  }

  /** SIGNEXTEND: byte index at a (top), value at b; result at b. */
  public static void signExtend(long[] s, int a, int b) {
    if ((s[a] | s[a + 1] | s[a + 2]) != 0 || Long.compareUnsigned(s[a + 3], 31) >= 0) {
      return;
    }
    int bit = (int) s[a + 3] * 8 + 7; // the sign bit, counted from the least significant
    int limb = bit >>> 6; // 0 = least significant
    int off = bit & 63;
    int idx = b + 3 - limb;
    long v = s[idx];
    boolean negative = ((v >>> off) & 1) != 0;
    if (off < 63) {
      long mask = -1L << (off + 1);
      s[idx] = negative ? v | mask : v & ~mask;
    }
    long fill = negative ? -1L : 0L;
    for (int i = idx - 1; i >= b; i--) {
      s[i] = fill;
    }
  }

  public static void lt(long[] s, int a, int b) {
    setBool(s, b, compare(s, a, b) < 0);
  }

  public static void gt(long[] s, int a, int b) {
    setBool(s, b, compare(s, a, b) > 0);
  }

  public static void slt(long[] s, int a, int b) {
    setBool(s, b, signedCompare(s, a, b) < 0);
  }

  public static void sgt(long[] s, int a, int b) {
    setBool(s, b, signedCompare(s, a, b) > 0);
  }

  public static void eq(long[] s, int a, int b) {
    setBool(
        s, b, s[a] == s[b] && s[a + 1] == s[b + 1] && s[a + 2] == s[b + 2] && s[a + 3] == s[b + 3]);
  }

  /** ISZERO in place on the word at a. */
  public static void iszero(long[] s, int a) {
    setBool(s, a, isZero(s, a));
  }

  public static void and(long[] s, int a, int b) {
    s[b] &= s[a];
    s[b + 1] &= s[a + 1];
    s[b + 2] &= s[a + 2];
    s[b + 3] &= s[a + 3];
  }

  public static void or(long[] s, int a, int b) {
    s[b] |= s[a];
    s[b + 1] |= s[a + 1];
    s[b + 2] |= s[a + 2];
    s[b + 3] |= s[a + 3];
  }

  public static void xor(long[] s, int a, int b) {
    s[b] ^= s[a];
    s[b + 1] ^= s[a + 1];
    s[b + 2] ^= s[a + 2];
    s[b + 3] ^= s[a + 3];
  }

  public static void not(long[] s, int a) {
    s[a] = ~s[a];
    s[a + 1] = ~s[a + 1];
    s[a + 2] = ~s[a + 2];
    s[a + 3] = ~s[a + 3];
  }

  /** BYTE: index at a (top), value at b; result at b. */
  public static void byteOp(long[] s, int a, int b) {
    if ((s[a] | s[a + 1] | s[a + 2]) != 0 || Long.compareUnsigned(s[a + 3], 32) >= 0) {
      zero(s, b);
      return;
    }
    int i = (int) s[a + 3];
    long v = (s[b + (i >>> 3)] >>> (8 * (7 - (i & 7)))) & 0xff;
    s[b] = 0;
    s[b + 1] = 0;
    s[b + 2] = 0;
    s[b + 3] = v;
  }

  /** SHL: shift at a (top), value at b; result at b. */
  public static void shl(long[] s, int a, int b) {
    long n = s[a + 3];
    if ((s[a] | s[a + 1] | s[a + 2]) != 0 || n < 0 || n >= 256) {
      zero(s, b);
      return;
    }
    int bits = (int) n & 63;
    long v3 = s[b];
    long v2 = s[b + 1];
    long v1 = s[b + 2];
    long v0 = s[b + 3];
    if (bits == 0) {
      switch ((int) n >>> 6) {
        case 0 -> {}
        case 1 -> {
          s[b] = v2;
          s[b + 1] = v1;
          s[b + 2] = v0;
          s[b + 3] = 0;
        }
        case 2 -> {
          s[b] = v1;
          s[b + 1] = v0;
          s[b + 2] = 0;
          s[b + 3] = 0;
        }
        default -> {
          s[b] = v0;
          s[b + 1] = 0;
          s[b + 2] = 0;
          s[b + 3] = 0;
        }
      }
      return;
    }
    int back = 64 - bits;
    switch ((int) n >>> 6) {
      case 0 -> {
        s[b] = (v3 << bits) | (v2 >>> back);
        s[b + 1] = (v2 << bits) | (v1 >>> back);
        s[b + 2] = (v1 << bits) | (v0 >>> back);
        s[b + 3] = v0 << bits;
      }
      case 1 -> {
        s[b] = (v2 << bits) | (v1 >>> back);
        s[b + 1] = (v1 << bits) | (v0 >>> back);
        s[b + 2] = v0 << bits;
        s[b + 3] = 0;
      }
      case 2 -> {
        s[b] = (v1 << bits) | (v0 >>> back);
        s[b + 1] = v0 << bits;
        s[b + 2] = 0;
        s[b + 3] = 0;
      }
      default -> {
        s[b] = v0 << bits;
        s[b + 1] = 0;
        s[b + 2] = 0;
        s[b + 3] = 0;
      }
    }
  }

  /** SHR: shift at a (top), value at b; result at b. */
  public static void shr(long[] s, int a, int b) {
    long n = s[a + 3];
    if ((s[a] | s[a + 1] | s[a + 2]) != 0 || n < 0 || n >= 256) {
      zero(s, b);
      return;
    }
    shiftRight(s, b, (int) n, 0);
  }

  /** SAR: shift at a (top), value at b; result at b. */
  public static void sar(long[] s, int a, int b) {
    long fill = s[b] >> 63;
    long n = s[a + 3];
    if ((s[a] | s[a + 1] | s[a + 2]) != 0 || n < 0 || n >= 256) {
      s[b] = fill;
      s[b + 1] = fill;
      s[b + 2] = fill;
      s[b + 3] = fill;
      return;
    }
    shiftRight(s, b, (int) n, fill);
  }

  /** Shifts the word at b right by n (0-255) bits, filling with {@code fill} (0 or -1). */
  private static void shiftRight(long[] s, int b, int n, long fill) {
    int bits = n & 63;
    long v3 = s[b];
    long v2 = s[b + 1];
    long v1 = s[b + 2];
    long v0 = s[b + 3];
    if (bits == 0) {
      switch (n >>> 6) {
        case 0 -> {}
        case 1 -> {
          s[b] = fill;
          s[b + 1] = v3;
          s[b + 2] = v2;
          s[b + 3] = v1;
        }
        case 2 -> {
          s[b] = fill;
          s[b + 1] = fill;
          s[b + 2] = v3;
          s[b + 3] = v2;
        }
        default -> {
          s[b] = fill;
          s[b + 1] = fill;
          s[b + 2] = fill;
          s[b + 3] = v3;
        }
      }
      return;
    }
    int back = 64 - bits;
    long top = v3 >> bits; // arithmetic: the fill comes in from the left
    if (fill == 0) {
      top = v3 >>> bits;
    }
    switch (n >>> 6) {
      case 0 -> {
        s[b] = top;
        s[b + 1] = (v2 >>> bits) | (v3 << back);
        s[b + 2] = (v1 >>> bits) | (v2 << back);
        s[b + 3] = (v0 >>> bits) | (v1 << back);
      }
      case 1 -> {
        s[b] = fill;
        s[b + 1] = top;
        s[b + 2] = (v2 >>> bits) | (v3 << back);
        s[b + 3] = (v1 >>> bits) | (v2 << back);
      }
      case 2 -> {
        s[b] = fill;
        s[b + 1] = fill;
        s[b + 2] = top;
        s[b + 3] = (v2 >>> bits) | (v3 << back);
      }
      default -> {
        s[b] = fill;
        s[b + 1] = fill;
        s[b + 2] = fill;
        s[b + 3] = top;
      }
    }
  }

  /** CLZ (EIP-7939): leading zero bits of the word at a, in place; 256 for zero. */
  public static void clz(long[] s, int a) {
    long n;
    if (s[a] != 0) {
      n = Long.numberOfLeadingZeros(s[a]);
    } else if (s[a + 1] != 0) {
      n = 64 + Long.numberOfLeadingZeros(s[a + 1]);
    } else if (s[a + 2] != 0) {
      n = 128 + Long.numberOfLeadingZeros(s[a + 2]);
    } else {
      n = 192 + Long.numberOfLeadingZeros(s[a + 3]);
    }
    s[a] = 0;
    s[a + 1] = 0;
    s[a + 2] = 0;
    s[a + 3] = n;
  }

  /** The number of significant bytes of the word at a (0 for zero), for EXP's gas. */
  public static int byteLength(long[] s, int a) {
    for (int i = 0; i < 4; i++) {
      long v = s[a + i];
      if (v != 0) {
        return (3 - i) * 8 + (64 - Long.numberOfLeadingZeros(v) + 7) / 8;
      }
    }
    return 0;
  }

  // ---- helpers ----------------------------------------------------------------------------------

  public static boolean isZero(long[] s, int a) {
    return (s[a] | s[a + 1] | s[a + 2] | s[a + 3]) == 0;
  }

  static void zero(long[] s, int b) {
    s[b] = 0;
    s[b + 1] = 0;
    s[b + 2] = 0;
    s[b + 3] = 0;
  }

  static void copy(long[] s, int from, int to) {
    s[to] = s[from];
    s[to + 1] = s[from + 1];
    s[to + 2] = s[from + 2];
    s[to + 3] = s[from + 3];
  }

  private static void setBool(long[] s, int b, boolean v) {
    s[b] = 0;
    s[b + 1] = 0;
    s[b + 2] = 0;
    s[b + 3] = v ? 1 : 0;
  }

  /** Unsigned comparison of (r3..r0) with the word at m. */
  private static int compareWords(long r3, long r2, long r1, long r0, long[] s, int m) {
    if (r3 != s[m]) {
      return Long.compareUnsigned(r3, s[m]);
    }
    if (r2 != s[m + 1]) {
      return Long.compareUnsigned(r2, s[m + 1]);
    }
    if (r1 != s[m + 2]) {
      return Long.compareUnsigned(r1, s[m + 2]);
    }
    return Long.compareUnsigned(r0, s[m + 3]);
  }

  /** Unsigned comparison of the words at a and b. */
  public static int compare(long[] s, int a, int b) {
    for (int i = 0; i < 4; i++) {
      if (s[a + i] != s[b + i]) {
        return Long.compareUnsigned(s[a + i], s[b + i]);
      }
    }
    return 0;
  }

  private static int signedCompare(long[] s, int a, int b) {
    if (s[a] != s[b]) {
      return Long.compare(s[a], s[b]);
    }
    for (int i = 1; i < 4; i++) {
      if (s[a + i] != s[b + i]) {
        return Long.compareUnsigned(s[a + i], s[b + i]);
      }
    }
    return 0;
  }

  static void negate(long[] s, int a) {
    long r0 = ~s[a + 3] + 1;
    long c = r0 == 0 ? 1 : 0;
    long r1 = ~s[a + 2] + c;
    c = (c == 1 && r1 == 0) ? 1 : 0;
    long r2 = ~s[a + 1] + c;
    c = (c == 1 && r2 == 0) ? 1 : 0;
    s[a] = ~s[a] + c;
    s[a + 1] = r2;
    s[a + 2] = r1;
    s[a + 3] = r0;
  }
}
