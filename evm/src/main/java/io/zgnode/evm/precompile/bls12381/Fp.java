package io.zgnode.evm.precompile.bls12381;

import java.math.BigInteger;

/**
 * Arithmetic in the BLS12-381 base field on {@link BigInteger}s in [0, p). Used only where blst
 * exposes nothing: the map-to-curve precompiles and the few points blst refuses to load.
 */
final class Fp {
  /** The base field modulus. */
  static final BigInteger P =
      new BigInteger(
          "1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaaab",
          16);

  // p = 3 mod 4, so a square root is a^((p+1)/4).
  private static final BigInteger SQRT_EXPONENT = P.add(BigInteger.ONE).shiftRight(2);

  private Fp() {}

  static BigInteger add(BigInteger a, BigInteger b) {
    BigInteger s = a.add(b);
    return s.compareTo(P) >= 0 ? s.subtract(P) : s;
  }

  static BigInteger sub(BigInteger a, BigInteger b) {
    BigInteger d = a.subtract(b);
    return d.signum() < 0 ? d.add(P) : d;
  }

  static BigInteger mul(BigInteger a, BigInteger b) {
    return a.multiply(b).mod(P);
  }

  static BigInteger neg(BigInteger a) {
    return a.signum() == 0 ? a : P.subtract(a);
  }

  /** The inverse of a non-zero element. */
  static BigInteger inv(BigInteger a) {
    return a.modInverse(P);
  }

  /** A square root of {@code a}, or null when {@code a} is not a square. */
  static BigInteger sqrt(BigInteger a) {
    BigInteger r = sqrtCandidate(a);
    return mul(r, r).equals(a) ? r : null;
  }

  /**
   * a^((p+1)/4): a square root of {@code a} when it is a square, and otherwise (as -1 is not a
   * square) a square root of {@code -a}.
   */
  static BigInteger sqrtCandidate(BigInteger a) {
    return a.modPow(SQRT_EXPONENT, P);
  }

  /** RFC 9380's sgn0 for a prime field: the parity of the canonical value. */
  static boolean sgn0(BigInteger a) {
    return a.testBit(0);
  }
}
