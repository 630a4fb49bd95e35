package io.zgnode.evm.crypto.bn254;

import java.math.BigInteger;

/** Scalar multiplication on the twist: width-5 NAF over a table of odd multiples, Jacobian. */
final class G2Mul {
  private static final int WINDOW = 5;
  private static final int TABLE = 1 << (WINDOW - 2);

  private G2Mul() {}

  /** k·Q for an affine Q and 0 ≤ k; returns a Jacobian point (24 longs). */
  static long[] multiply(long[] affine, BigInteger k, long[] s) {
    long[] acc = new long[24];
    G2Arith.setInfinity(acc, 0);
    if (k.signum() == 0) {
      return acc;
    }
    long[] table = new long[2 * TABLE * 24];
    G2Arith.fromAffine(table, 0, affine, 0);
    long[] twice = new long[24];
    G2Arith.dbl(twice, 0, table, 0, s);
    for (int i = 1; i < TABLE; i++) {
      G2Arith.add(table, 24 * i, table, 24 * (i - 1), twice, 0, s);
    }
    for (int i = 0; i < TABLE; i++) {
      G2Arith.neg(table, 24 * (TABLE + i), table, 24 * i);
    }
    int[] naf = Naf.windowed(k, WINDOW);
    boolean started = false;
    for (int i = naf.length - 1; i >= 0; i--) {
      if (started) {
        G2Arith.dbl(acc, 0, acc, 0, s);
      }
      int d = naf[i];
      if (d != 0) {
        int idx = d > 0 ? (d - 1) >> 1 : TABLE + ((-d - 1) >> 1);
        if (started) {
          G2Arith.add(acc, 0, acc, 0, table, 24 * idx, s);
        } else {
          G2Arith.copy(acc, 0, table, 24 * idx);
          started = true;
        }
      }
    }
    return acc;
  }
}
