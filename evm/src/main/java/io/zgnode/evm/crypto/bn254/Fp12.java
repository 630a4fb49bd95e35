package io.zgnode.evm.crypto.bn254;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * An element of Fp12 = Fp6[w]/(w^2 - v), Fp6 = Fp2[v]/(v^3 - (9 + i)): the target group GT of the
 * pairing lives here. Immutable; only the operations the pairing's users need.
 */
public final class Fp12 {
  public static final Fp12 ONE = one();

  /** 48 Montgomery limbs; never exposed or modified. */
  final long[] limbs;

  Fp12(long[] limbs) {
    this.limbs = limbs;
  }

  private static Fp12 one() {
    long[] l = new long[48];
    Fp12Arith.setOne(l, 0);
    return new Fp12(l);
  }

  public boolean isOne() {
    return Fp12Arith.isOne(limbs, 0);
  }

  public Fp12 multiply(Fp12 o) {
    long[] r = new long[48];
    Fp12Arith.mul(r, 0, limbs, 0, o.limbs, 0);
    return new Fp12(r);
  }

  public Fp12 square() {
    long[] r = new long[48];
    Fp12Arith.sqr(r, 0, limbs, 0);
    return new Fp12(r);
  }

  /** The multiplicative inverse; throws for zero. */
  public Fp12 inverse() {
    if (Fp12Arith.equal(limbs, 0, new long[48], 0)) {
      throw new ArithmeticException("zero has no inverse in Fp12");
    }
    long[] r = new long[48];
    Fp12Arith.inv(r, 0, limbs, 0);
    return new Fp12(r);
  }

  /** this^(p^6), the inverse on the unit circle where pairing values lie. */
  public Fp12 conjugate() {
    long[] r = new long[48];
    Fp12Arith.conj(r, 0, limbs, 0);
    return new Fp12(r);
  }

  /** this^e for e ≥ 0 (square-and-multiply; not tuned). */
  public Fp12 pow(BigInteger e) {
    if (e.signum() < 0) {
      throw new IllegalArgumentException("negative exponent " + e);
    }
    long[] r = new long[48];
    Fp12Arith.pow(r, 0, limbs, 0, e);
    return new Fp12(r);
  }

  /**
   * The coefficient of w^k (k = 0..5) as an Fp2 element, for printing and cross-checks against
   * other libraries that use the same tower.
   */
  public Fp2 coefficient(int k) {
    if (k < 0 || k > 5) {
      throw new IllegalArgumentException("coefficient index must be 0..5, got " + k);
    }
    int[] slot = {0, 24, 8, 32, 16, 40};
    return new Fp2(Arrays.copyOfRange(limbs, slot[k], slot[k] + 8));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Fp12 f && Arrays.equals(limbs, f.limbs);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(limbs);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("Fp12[");
    for (int k = 0; k < 6; k++) {
      sb.append(k == 0 ? "" : ", ").append("w^").append(k).append(": ").append(coefficient(k));
    }
    return sb.append(']').toString();
  }
}
