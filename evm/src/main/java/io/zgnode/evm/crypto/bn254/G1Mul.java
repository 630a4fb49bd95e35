package io.zgnode.evm.crypto.bn254;

import java.math.BigInteger;

/** Scalar multiplication in G1: width-5 NAF over a table of odd multiples, Jacobian coordinates. */
final class G1Mul {
  private static final int WINDOW = 5;
  private static final int TABLE = 1 << (WINDOW - 2); // P, 3P, …, 15P

  private G1Mul() {}

  /** k·P for an affine P and 0 ≤ k; returns a Jacobian point (12 longs). */
  static long[] multiply(long[] affine, BigInteger k, long[] s) {
    long[] acc = new long[12];
    G1Arith.setInfinity(acc, 0);
    if (k.signum() == 0) {
      return acc;
    }
    // odd multiples and their negatives
    long[] table = new long[2 * TABLE * 12];
    G1Arith.fromAffine(table, 0, affine, 0);
    long[] twice = new long[12];
    G1Arith.dbl(twice, 0, table, 0, s);
    for (int i = 1; i < TABLE; i++) {
      G1Arith.add(table, 12 * i, table, 12 * (i - 1), twice, 0, s);
    }
    for (int i = 0; i < TABLE; i++) {
      G1Arith.neg(table, 12 * (TABLE + i), table, 12 * i);
    }
    int[] naf = Naf.windowed(k, WINDOW);
    boolean started = false;
    for (int i = naf.length - 1; i >= 0; i--) {
      if (started) {
        G1Arith.dbl(acc, 0, acc, 0, s);
      }
      int d = naf[i];
      if (d != 0) {
        int idx = d > 0 ? (d - 1) >> 1 : TABLE + ((-d - 1) >> 1);
        if (started) {
          G1Arith.add(acc, 0, acc, 0, table, 12 * idx, s);
        } else {
          G1Arith.copy(acc, 0, table, 12 * idx);
          started = true;
        }
      }
    }
    return acc;
  }
}
