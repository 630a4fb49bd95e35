package io.zgnode.evm.crypto.bn254;

import java.util.Arrays;
import java.util.Optional;

/** An element a0 + a1·i of Fp2 = Fp[i]/(i^2 + 1), the field of G2 coordinates. Immutable. */
public final class Fp2 {
  public static final Fp2 ZERO = new Fp2(new long[8]);
  public static final Fp2 ONE = of(Fp.ONE, Fp.ZERO);

  /** Montgomery limbs: real part at 0, imaginary at 4; never exposed or modified. */
  final long[] limbs;

  Fp2(long[] limbs) {
    this.limbs = limbs;
  }

  /** The element re + im·i. */
  public static Fp2 of(Fp re, Fp im) {
    long[] l = new long[8];
    FpArith.copy(l, 0, re.limbs, 0);
    FpArith.copy(l, 4, im.limbs, 0);
    return new Fp2(l);
  }

  /** The real part a0. */
  public Fp re() {
    return new Fp(Arrays.copyOfRange(limbs, 0, 4));
  }

  /** The imaginary part a1. */
  public Fp im() {
    return new Fp(Arrays.copyOfRange(limbs, 4, 8));
  }

  public boolean isZero() {
    return Fp2Arith.isZero(limbs, 0);
  }

  public Fp2 add(Fp2 o) {
    long[] r = new long[8];
    Fp2Arith.add(r, 0, limbs, 0, o.limbs, 0);
    return new Fp2(r);
  }

  public Fp2 subtract(Fp2 o) {
    long[] r = new long[8];
    Fp2Arith.sub(r, 0, limbs, 0, o.limbs, 0);
    return new Fp2(r);
  }

  public Fp2 multiply(Fp2 o) {
    long[] r = new long[8];
    Fp2Arith.mul(r, 0, limbs, 0, o.limbs, 0);
    return new Fp2(r);
  }

  public Fp2 multiply(Fp o) {
    long[] r = new long[8];
    Fp2Arith.mulByFp(r, 0, limbs, 0, o.limbs, 0);
    return new Fp2(r);
  }

  public Fp2 square() {
    long[] r = new long[8];
    Fp2Arith.sqr(r, 0, limbs, 0);
    return new Fp2(r);
  }

  public Fp2 negate() {
    long[] r = new long[8];
    Fp2Arith.neg(r, 0, limbs, 0);
    return new Fp2(r);
  }

  /** a0 - a1·i, which is also this^p. */
  public Fp2 conjugate() {
    long[] r = new long[8];
    Fp2Arith.conj(r, 0, limbs, 0);
    return new Fp2(r);
  }

  /** The multiplicative inverse; throws for zero. */
  public Fp2 inverse() {
    if (isZero()) {
      throw new ArithmeticException("zero has no inverse in Fp2");
    }
    long[] r = new long[8];
    Fp2Arith.inv(r, 0, limbs, 0);
    return new Fp2(r);
  }

  /** A square root, or empty when this is not a square. Which of the two roots is unspecified. */
  public Optional<Fp2> sqrt() {
    long[] r = new long[8];
    return Fp2Arith.sqrt(r, 0, limbs, 0) ? Optional.of(new Fp2(r)) : Optional.empty();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Fp2 f && Arrays.equals(limbs, f.limbs);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(limbs);
  }

  @Override
  public String toString() {
    return re() + " + " + im() + "*i";
  }
}
