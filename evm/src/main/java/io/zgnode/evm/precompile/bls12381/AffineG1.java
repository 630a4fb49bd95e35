package io.zgnode.evm.precompile.bls12381;

import java.math.BigInteger;

/**
 * Affine arithmetic on E: y^2 = x^3 + 4 with {@link BigInteger}s, for the points blst refuses to
 * load: (0, 2) and (0, -2), which are on the curve but of order 3. EIP-2537's G1ADD accepts them
 * (it does no subgroup check), and map-to-curve can in principle land on them before cofactor
 * clearing. Slow, and used only for those inputs. A point is {x, y}; null is infinity.
 */
final class AffineG1 {
  private static final BigInteger FOUR = BigInteger.valueOf(4);
  private static final BigInteger THREE = BigInteger.valueOf(3);

  private AffineG1() {}

  static boolean isOnCurve(BigInteger x, BigInteger y) {
    return Fp.mul(y, y).equals(Fp.add(Fp.mul(Fp.mul(x, x), x), FOUR));
  }

  static BigInteger[] add(BigInteger[] a, BigInteger[] b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    BigInteger lambda;
    if (a[0].equals(b[0])) {
      if (!a[1].equals(b[1]) || a[1].signum() == 0) {
        return null; // P + (-P)
      }
      // Doubling: (3 x^2) / (2 y).
      lambda = Fp.mul(Fp.mul(THREE, Fp.mul(a[0], a[0])), Fp.inv(Fp.add(a[1], a[1])));
    } else {
      lambda = Fp.mul(Fp.sub(b[1], a[1]), Fp.inv(Fp.sub(b[0], a[0])));
    }
    BigInteger x = Fp.sub(Fp.sub(Fp.mul(lambda, lambda), a[0]), b[0]);
    BigInteger y = Fp.sub(Fp.mul(lambda, Fp.sub(a[0], x)), a[1]);
    return new BigInteger[] {x, y};
  }

  /** k * a by double-and-add; k non-negative. */
  static BigInteger[] multiply(BigInteger[] a, BigInteger k) {
    BigInteger[] acc = null;
    for (int i = k.bitLength() - 1; i >= 0; i--) {
      acc = add(acc, acc);
      if (k.testBit(i)) {
        acc = add(acc, a);
      }
    }
    return acc;
  }
}
