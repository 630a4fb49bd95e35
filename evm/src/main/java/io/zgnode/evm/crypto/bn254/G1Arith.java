package io.zgnode.evm.crypto.bn254;

/**
 * Jacobian arithmetic on the BN254 curve E: y^2 = x^3 + 3 over Fp: a point (X, Y, Z) stands for
 * (X/Z^2, Y/Z^3), Z = 0 is the point at infinity. 12 longs per point (X at 0, Y at 4, Z at 8);
 * affine points are 8 longs (x, y). Every method takes a caller-owned scratch array of {@link
 * #SCRATCH} longs so that loops allocate nothing; outputs may overlap inputs.
 */
final class G1Arith {
  static final int SCRATCH = 52;
  private static final int X = 0;
  private static final int Y = 4;
  private static final int Z = 8;

  private G1Arith() {}

  static boolean isInfinity(long[] a, int ao) {
    return FpArith.isZero(a, ao + Z);
  }

  static void setInfinity(long[] r, int ro) {
    FpArith.setOne(r, ro + X);
    FpArith.setOne(r, ro + Y);
    FpArith.setZero(r, ro + Z);
  }

  /** Lifts an affine point (x, y) to (x, y, 1). */
  static void fromAffine(long[] r, int ro, long[] a, int ao) {
    FpArith.copy(r, ro + X, a, ao);
    FpArith.copy(r, ro + Y, a, ao + 4);
    FpArith.setOne(r, ro + Z);
  }

  static void copy(long[] r, int ro, long[] a, int ao) {
    System.arraycopy(a, ao, r, ro, 12);
  }

  static void neg(long[] r, int ro, long[] a, int ao) {
    FpArith.copy(r, ro + X, a, ao + X);
    FpArith.neg(r, ro + Y, a, ao + Y);
    FpArith.copy(r, ro + Z, a, ao + Z);
  }

  /**
   * Writes the affine form (x, y) of a finite point and returns true, or returns false for the
   * point at infinity (writing nothing).
   */
  static boolean toAffine(long[] r, int ro, long[] a, int ao, long[] s) {
    if (isInfinity(a, ao)) {
      return false;
    }
    FpArith.inv(s, 0, a, ao + Z);
    FpArith.sqr(s, 4, s, 0);
    FpArith.mul(s, 0, s, 0, s, 4);
    FpArith.mul(r, ro, a, ao + X, s, 4);
    FpArith.mul(r, ro + 4, a, ao + Y, s, 0);
    return true;
  }

  /** Doubling on y^2 = x^3 + b (dbl-2009-l); a point with y = 0 or Z = 0 gives Z3 = 0. */
  static void dbl(long[] r, int ro, long[] a, int ao, long[] s) {
    final int sa = 0;
    final int sb = 4;
    final int sc = 8;
    final int sd = 12;
    final int se = 16;
    final int sf = 20;
    final int st = 24;
    FpArith.sqr(s, sa, a, ao + X);
    FpArith.sqr(s, sb, a, ao + Y);
    FpArith.sqr(s, sc, s, sb);
    FpArith.add(s, st, a, ao + X, s, sb);
    FpArith.sqr(s, st, s, st);
    FpArith.sub(s, st, s, st, s, sa);
    FpArith.sub(s, st, s, st, s, sc);
    FpArith.dbl(s, sd, s, st); // D = 2((X + B)^2 - A - C)
    FpArith.dbl(s, se, s, sa);
    FpArith.add(s, se, s, se, s, sa); // E = 3A
    FpArith.sqr(s, sf, s, se); // F = E^2
    FpArith.mul(s, st, a, ao + Y, a, ao + Z);
    FpArith.dbl(r, ro + Z, s, st); // Z3 = 2 Y Z
    FpArith.dbl(s, st, s, sd);
    FpArith.sub(r, ro + X, s, sf, s, st); // X3 = F - 2D
    FpArith.sub(s, st, s, sd, r, ro + X);
    FpArith.mul(s, st, s, se, s, st);
    FpArith.dbl(s, sc, s, sc);
    FpArith.dbl(s, sc, s, sc);
    FpArith.dbl(s, sc, s, sc);
    FpArith.sub(r, ro + Y, s, st, s, sc); // Y3 = E(D - X3) - 8C
  }

  /** General addition (add-2007-bl) with the exceptional cases handled. */
  static void add(long[] r, int ro, long[] a, int ao, long[] b, int bo, long[] s) {
    if (isInfinity(a, ao)) {
      copy(r, ro, b, bo);
      return;
    }
    if (isInfinity(b, bo)) {
      copy(r, ro, a, ao);
      return;
    }
    final int z1z1 = 0;
    final int z2z2 = 4;
    final int u1 = 8;
    final int u2 = 12;
    final int s1 = 16;
    final int s2 = 20;
    final int h = 24;
    final int i = 28;
    final int j = 32;
    final int rr = 36;
    final int v = 40;
    final int z3 = 44;
    FpArith.sqr(s, z1z1, a, ao + Z);
    FpArith.sqr(s, z2z2, b, bo + Z);
    FpArith.mul(s, u1, a, ao + X, s, z2z2);
    FpArith.mul(s, u2, b, bo + X, s, z1z1);
    FpArith.mul(s, s1, a, ao + Y, b, bo + Z);
    FpArith.mul(s, s1, s, s1, s, z2z2);
    FpArith.mul(s, s2, b, bo + Y, a, ao + Z);
    FpArith.mul(s, s2, s, s2, s, z1z1);
    FpArith.sub(s, h, s, u2, s, u1);
    FpArith.sub(s, rr, s, s2, s, s1);
    if (FpArith.isZero(s, h)) {
      if (FpArith.isZero(s, rr)) {
        dbl(r, ro, a, ao, s);
      } else {
        setInfinity(r, ro);
      }
      return;
    }
    FpArith.dbl(s, rr, s, rr);
    FpArith.dbl(s, i, s, h);
    FpArith.sqr(s, i, s, i); // I = (2H)^2
    FpArith.mul(s, j, s, h, s, i); // J = H I
    FpArith.mul(s, v, s, u1, s, i); // V = U1 I
    FpArith.add(s, z3, a, ao + Z, b, bo + Z);
    FpArith.sqr(s, z3, s, z3);
    FpArith.sub(s, z3, s, z3, s, z1z1);
    FpArith.sub(s, z3, s, z3, s, z2z2);
    FpArith.mul(r, ro + Z, s, z3, s, h); // Z3 = ((Z1 + Z2)^2 - Z1Z1 - Z2Z2) H
    FpArith.sqr(s, z3, s, rr);
    FpArith.sub(s, z3, s, z3, s, j);
    FpArith.sub(s, z3, s, z3, s, v);
    FpArith.sub(r, ro + X, s, z3, s, v); // X3 = r^2 - J - 2V
    FpArith.sub(s, v, s, v, r, ro + X);
    FpArith.mul(s, v, s, rr, s, v);
    FpArith.mul(s, j, s, s1, s, j);
    FpArith.dbl(s, j, s, j);
    FpArith.sub(r, ro + Y, s, v, s, j); // Y3 = r(V - X3) - 2 S1 J
  }

  /** Mixed addition of an affine point b (madd-2007-bl), exceptional cases handled. */
  static void addAffine(long[] r, int ro, long[] a, int ao, long[] b, int bo, long[] s) {
    if (isInfinity(a, ao)) {
      fromAffine(r, ro, b, bo);
      return;
    }
    final int z1z1 = 0;
    final int u2 = 4;
    final int s2 = 8;
    final int h = 12;
    final int hh = 16;
    final int i = 20;
    final int j = 24;
    final int rr = 28;
    final int v = 32;
    final int t = 36;
    FpArith.sqr(s, z1z1, a, ao + Z);
    FpArith.mul(s, u2, b, bo, s, z1z1);
    FpArith.mul(s, s2, b, bo + 4, a, ao + Z);
    FpArith.mul(s, s2, s, s2, s, z1z1);
    FpArith.sub(s, h, s, u2, a, ao + X);
    FpArith.sub(s, rr, s, s2, a, ao + Y);
    if (FpArith.isZero(s, h)) {
      if (FpArith.isZero(s, rr)) {
        dbl(r, ro, a, ao, s);
      } else {
        setInfinity(r, ro);
      }
      return;
    }
    FpArith.dbl(s, rr, s, rr);
    FpArith.sqr(s, hh, s, h);
    FpArith.dbl(s, i, s, hh);
    FpArith.dbl(s, i, s, i); // I = 4 HH
    FpArith.mul(s, j, s, h, s, i); // J = H I
    FpArith.mul(s, v, a, ao + X, s, i); // V = X1 I
    FpArith.mul(s, t, a, ao + Y, s, j);
    FpArith.dbl(s, t, s, t); // 2 Y1 J
    FpArith.add(s, u2, a, ao + Z, s, h);
    FpArith.sqr(s, u2, s, u2);
    FpArith.sub(s, u2, s, u2, s, z1z1);
    FpArith.sub(r, ro + Z, s, u2, s, hh); // Z3 = (Z1 + H)^2 - Z1Z1 - HH
    FpArith.sqr(s, u2, s, rr);
    FpArith.sub(s, u2, s, u2, s, j);
    FpArith.sub(s, u2, s, u2, s, v);
    FpArith.sub(r, ro + X, s, u2, s, v); // X3 = r^2 - J - 2V
    FpArith.sub(s, v, s, v, r, ro + X);
    FpArith.mul(s, v, s, rr, s, v);
    FpArith.sub(r, ro + Y, s, v, s, t); // Y3 = r(V - X3) - 2 Y1 J
  }

  /** Whether two Jacobian points are the same point (cross-multiplied, no inversion). */
  static boolean equal(long[] a, int ao, long[] b, int bo, long[] s) {
    boolean ai = isInfinity(a, ao);
    boolean bi = isInfinity(b, bo);
    if (ai || bi) {
      return ai == bi;
    }
    FpArith.sqr(s, 0, a, ao + Z);
    FpArith.sqr(s, 4, b, bo + Z);
    FpArith.mul(s, 8, a, ao + X, s, 4);
    FpArith.mul(s, 12, b, bo + X, s, 0);
    if (!FpArith.equal(s, 8, s, 12)) {
      return false;
    }
    FpArith.mul(s, 0, s, 0, a, ao + Z);
    FpArith.mul(s, 4, s, 4, b, bo + Z);
    FpArith.mul(s, 8, a, ao + Y, s, 4);
    FpArith.mul(s, 12, b, bo + Y, s, 0);
    return FpArith.equal(s, 8, s, 12);
  }
}
