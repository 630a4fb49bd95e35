package io.zgnode.evm.crypto.bn254;

import java.math.BigInteger;

/** Signed-digit recodings of scalars for the double-and-add loops. */
final class Naf {
  private Naf() {}

  /** The non-adjacent form of k ≥ 0, digits in {-1, 0, 1}, least significant first. */
  static int[] of(BigInteger k) {
    return windowed(k, 2);
  }

  /**
   * The width-w NAF of k ≥ 0: odd digits in (-2^(w-1), 2^(w-1)), each followed by at least w - 1
   * zeros, least significant first.
   */
  static int[] windowed(BigInteger k, int w) {
    int[] digits = new int[k.bitLength() + 1];
    int modulus = 1 << w;
    int half = modulus >> 1;
    BigInteger n = k;
    int i = 0;
    while (n.signum() > 0) {
      int d = 0;
      if (n.testBit(0)) {
        d = n.intValue() & (modulus - 1);
        if (d >= half) {
          d -= modulus;
        }
        n = n.subtract(BigInteger.valueOf(d));
      }
      digits[i++] = d;
      n = n.shiftRight(1);
    }
    int[] out = new int[i];
    System.arraycopy(digits, 0, out, 0, i);
    return out;
  }
}
