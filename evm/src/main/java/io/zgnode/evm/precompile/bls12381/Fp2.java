package io.zgnode.evm.precompile.bls12381;

import java.math.BigInteger;

/**
 * An element {@code c0 + c1 * i} of Fp2 = Fp[i]/(i^2 + 1), the field of BLS12-381's G2 coordinates.
 * Immutable; coefficients in [0, p).
 */
record Fp2(BigInteger c0, BigInteger c1) {
  static final Fp2 ZERO = new Fp2(BigInteger.ZERO, BigInteger.ZERO);
  static final Fp2 ONE = new Fp2(BigInteger.ONE, BigInteger.ZERO);
  private static final BigInteger TWO_INV = Fp.inv(BigInteger.TWO);

  static Fp2 of(String c0Hex, String c1Hex) {
    return new Fp2(new BigInteger(c0Hex, 16), new BigInteger(c1Hex, 16));
  }

  boolean isZero() {
    return c0.signum() == 0 && c1.signum() == 0;
  }

  Fp2 add(Fp2 o) {
    return new Fp2(Fp.add(c0, o.c0), Fp.add(c1, o.c1));
  }

  Fp2 sub(Fp2 o) {
    return new Fp2(Fp.sub(c0, o.c0), Fp.sub(c1, o.c1));
  }

  Fp2 neg() {
    return new Fp2(Fp.neg(c0), Fp.neg(c1));
  }

  Fp2 mul(Fp2 o) {
    // Karatsuba: (a0 + a1 i)(b0 + b1 i) = a0 b0 - a1 b1 + ((a0 + a1)(b0 + b1) - a0 b0 - a1 b1) i
    BigInteger v0 = c0.multiply(o.c0);
    BigInteger v1 = c1.multiply(o.c1);
    BigInteger cross = c0.add(c1).multiply(o.c0.add(o.c1)).subtract(v0).subtract(v1);
    return new Fp2(v0.subtract(v1).mod(Fp.P), cross.mod(Fp.P));
  }

  Fp2 square() {
    return mul(this);
  }

  /** The inverse of a non-zero element: conj / norm. */
  Fp2 inv() {
    BigInteger normInv = Fp.inv(norm());
    return new Fp2(Fp.mul(c0, normInv), Fp.mul(Fp.neg(c1), normInv));
  }

  /** The conjugate c0 - c1 i, which is also this element to the power p (the Frobenius map). */
  Fp2 conjugate() {
    return new Fp2(c0, Fp.neg(c1));
  }

  /** This element to a non-negative power, by square-and-multiply (for constants only: slow). */
  Fp2 pow(BigInteger exponent) {
    Fp2 acc = ONE;
    for (int i = exponent.bitLength() - 1; i >= 0; i--) {
      acc = acc.square();
      if (exponent.testBit(i)) {
        acc = acc.mul(this);
      }
    }
    return acc;
  }

  /** c0^2 + c1^2, the norm down to Fp. */
  private BigInteger norm() {
    return c0.multiply(c0).add(c1.multiply(c1)).mod(Fp.P);
  }

  /**
   * A square root, or null when this is not a square. Uses the norm: for a = a0 + a1 i with a1 !=
   * 0, a root is x0 + x1 i with x0^2 = (a0 +- sqrt(a0^2 + a1^2)) / 2 and x1 = a1 / (2 x0).
   */
  Fp2 sqrt() {
    if (c1.signum() == 0) {
      BigInteger r = Fp.sqrt(c0);
      if (r != null) {
        return new Fp2(r, BigInteger.ZERO);
      }
      // -1 is not a square in Fp, so -c0 is, and (r i)^2 = -r^2 = c0.
      r = Fp.sqrt(Fp.neg(c0));
      return r == null ? null : new Fp2(BigInteger.ZERO, r);
    }
    BigInteger alpha = Fp.sqrt(norm());
    if (alpha == null) {
      return null;
    }
    BigInteger delta = Fp.mul(Fp.add(c0, alpha), TWO_INV);
    BigInteger x0 = Fp.sqrt(delta);
    if (x0 == null) {
      delta = Fp.mul(Fp.sub(c0, alpha), TWO_INV);
      x0 = Fp.sqrt(delta);
      if (x0 == null) {
        return null;
      }
    }
    BigInteger x1 = Fp.mul(c1, Fp.inv(Fp.add(x0, x0)));
    Fp2 root = new Fp2(x0, x1);
    return root.square().equals(this) ? root : null;
  }

  /** RFC 9380's sgn0 for a quadratic extension. */
  boolean sgn0() {
    boolean sign0 = c0.testBit(0);
    boolean zero0 = c0.signum() == 0;
    boolean sign1 = c1.testBit(0);
    return sign0 || (zero0 && sign1);
  }
}
