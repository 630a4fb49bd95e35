package io.zgnode.evm.crypto.bn254;

/**
 * Jacobian arithmetic on the sextic twist E': y^2 = x^3 + 3/(9 + i) over Fp2: a point (X, Y, Z)
 * stands for (X/Z^2, Y/Z^3), Z = 0 is the point at infinity. 24 longs per point (X at 0, Y at 8, Z
 * at 16); affine points are 16 longs (x, y). Every method takes a caller-owned scratch array of
 * {@link #SCRATCH} longs so that loops allocate nothing; outputs may overlap inputs.
 */
final class G2Arith {
  static final int SCRATCH = 104;
  private static final int X = 0;
  private static final int Y = 8;
  private static final int Z = 16;

  private G2Arith() {}

  static boolean isInfinity(long[] a, int ao) {
    return Fp2Arith.isZero(a, ao + Z);
  }

  static void setInfinity(long[] r, int ro) {
    Fp2Arith.setOne(r, ro + X);
    Fp2Arith.setOne(r, ro + Y);
    Fp2Arith.setZero(r, ro + Z);
  }

  /** Lifts an affine point (x, y) to (x, y, 1). */
  static void fromAffine(long[] r, int ro, long[] a, int ao) {
    Fp2Arith.copy(r, ro + X, a, ao);
    Fp2Arith.copy(r, ro + Y, a, ao + 8);
    Fp2Arith.setOne(r, ro + Z);
  }

  static void copy(long[] r, int ro, long[] a, int ao) {
    System.arraycopy(a, ao, r, ro, 24);
  }

  static void neg(long[] r, int ro, long[] a, int ao) {
    Fp2Arith.copy(r, ro + X, a, ao + X);
    Fp2Arith.neg(r, ro + Y, a, ao + Y);
    Fp2Arith.copy(r, ro + Z, a, ao + Z);
  }

  /**
   * Writes the affine form (x, y) of a finite point and returns true, or returns false for the
   * point at infinity (writing nothing).
   */
  static boolean toAffine(long[] r, int ro, long[] a, int ao, long[] s) {
    if (isInfinity(a, ao)) {
      return false;
    }
    Fp2Arith.inv(s, 0, a, ao + Z);
    Fp2Arith.sqr(s, 8, s, 0);
    Fp2Arith.mul(s, 0, s, 0, s, 8);
    Fp2Arith.mul(r, ro, a, ao + X, s, 8);
    Fp2Arith.mul(r, ro + 8, a, ao + Y, s, 0);
    return true;
  }

  /** Doubling on y^2 = x^3 + b (dbl-2009-l); a point with y = 0 or Z = 0 gives Z3 = 0. */
  static void dbl(long[] r, int ro, long[] a, int ao, long[] s) {
    final int sa = 0;
    final int sb = 8;
    final int sc = 16;
    final int sd = 24;
    final int se = 32;
    final int sf = 40;
    final int st = 48;
    Fp2Arith.sqr(s, sa, a, ao + X);
    Fp2Arith.sqr(s, sb, a, ao + Y);
    Fp2Arith.sqr(s, sc, s, sb);
    Fp2Arith.add(s, st, a, ao + X, s, sb);
    Fp2Arith.sqr(s, st, s, st);
    Fp2Arith.sub(s, st, s, st, s, sa);
    Fp2Arith.sub(s, st, s, st, s, sc);
    Fp2Arith.dbl(s, sd, s, st); // D = 2((X + B)^2 - A - C)
    Fp2Arith.dbl(s, se, s, sa);
    Fp2Arith.add(s, se, s, se, s, sa); // E = 3A
    Fp2Arith.sqr(s, sf, s, se); // F = E^2
    Fp2Arith.mul(s, st, a, ao + Y, a, ao + Z);
    Fp2Arith.dbl(r, ro + Z, s, st); // Z3 = 2 Y Z
    Fp2Arith.dbl(s, st, s, sd);
    Fp2Arith.sub(r, ro + X, s, sf, s, st); // X3 = F - 2D
    Fp2Arith.sub(s, st, s, sd, r, ro + X);
    Fp2Arith.mul(s, st, s, se, s, st);
    Fp2Arith.dbl(s, sc, s, sc);
    Fp2Arith.dbl(s, sc, s, sc);
    Fp2Arith.dbl(s, sc, s, sc);
    Fp2Arith.sub(r, ro + Y, s, st, s, sc); // Y3 = E(D - X3) - 8C
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
    final int z2z2 = 8;
    final int u1 = 16;
    final int u2 = 24;
    final int s1 = 32;
    final int s2 = 40;
    final int h = 48;
    final int i = 56;
    final int j = 64;
    final int rr = 72;
    final int v = 80;
    final int z3 = 88;
    Fp2Arith.sqr(s, z1z1, a, ao + Z);
    Fp2Arith.sqr(s, z2z2, b, bo + Z);
    Fp2Arith.mul(s, u1, a, ao + X, s, z2z2);
    Fp2Arith.mul(s, u2, b, bo + X, s, z1z1);
    Fp2Arith.mul(s, s1, a, ao + Y, b, bo + Z);
    Fp2Arith.mul(s, s1, s, s1, s, z2z2);
    Fp2Arith.mul(s, s2, b, bo + Y, a, ao + Z);
    Fp2Arith.mul(s, s2, s, s2, s, z1z1);
    Fp2Arith.sub(s, h, s, u2, s, u1);
    Fp2Arith.sub(s, rr, s, s2, s, s1);
    if (Fp2Arith.isZero(s, h)) {
      if (Fp2Arith.isZero(s, rr)) {
        dbl(r, ro, a, ao, s);
      } else {
        setInfinity(r, ro);
      }
      return;
    }
    Fp2Arith.dbl(s, rr, s, rr);
    Fp2Arith.dbl(s, i, s, h);
    Fp2Arith.sqr(s, i, s, i); // I = (2H)^2
    Fp2Arith.mul(s, j, s, h, s, i); // J = H I
    Fp2Arith.mul(s, v, s, u1, s, i); // V = U1 I
    Fp2Arith.add(s, z3, a, ao + Z, b, bo + Z);
    Fp2Arith.sqr(s, z3, s, z3);
    Fp2Arith.sub(s, z3, s, z3, s, z1z1);
    Fp2Arith.sub(s, z3, s, z3, s, z2z2);
    Fp2Arith.mul(r, ro + Z, s, z3, s, h); // Z3 = ((Z1 + Z2)^2 - Z1Z1 - Z2Z2) H
    Fp2Arith.sqr(s, z3, s, rr);
    Fp2Arith.sub(s, z3, s, z3, s, j);
    Fp2Arith.sub(s, z3, s, z3, s, v);
    Fp2Arith.sub(r, ro + X, s, z3, s, v); // X3 = r^2 - J - 2V
    Fp2Arith.sub(s, v, s, v, r, ro + X);
    Fp2Arith.mul(s, v, s, rr, s, v);
    Fp2Arith.mul(s, j, s, s1, s, j);
    Fp2Arith.dbl(s, j, s, j);
    Fp2Arith.sub(r, ro + Y, s, v, s, j); // Y3 = r(V - X3) - 2 S1 J
  }

  /** Mixed addition of an affine point b (madd-2007-bl), exceptional cases handled. */
  static void addAffine(long[] r, int ro, long[] a, int ao, long[] b, int bo, long[] s) {
    if (isInfinity(a, ao)) {
      fromAffine(r, ro, b, bo);
      return;
    }
    final int z1z1 = 0;
    final int u2 = 8;
    final int s2 = 16;
    final int h = 24;
    final int hh = 32;
    final int i = 40;
    final int j = 48;
    final int rr = 56;
    final int v = 64;
    final int t = 72;
    Fp2Arith.sqr(s, z1z1, a, ao + Z);
    Fp2Arith.mul(s, u2, b, bo, s, z1z1);
    Fp2Arith.mul(s, s2, b, bo + 8, a, ao + Z);
    Fp2Arith.mul(s, s2, s, s2, s, z1z1);
    Fp2Arith.sub(s, h, s, u2, a, ao + X);
    Fp2Arith.sub(s, rr, s, s2, a, ao + Y);
    if (Fp2Arith.isZero(s, h)) {
      if (Fp2Arith.isZero(s, rr)) {
        dbl(r, ro, a, ao, s);
      } else {
        setInfinity(r, ro);
      }
      return;
    }
    Fp2Arith.dbl(s, rr, s, rr);
    Fp2Arith.sqr(s, hh, s, h);
    Fp2Arith.dbl(s, i, s, hh);
    Fp2Arith.dbl(s, i, s, i); // I = 4 HH
    Fp2Arith.mul(s, j, s, h, s, i); // J = H I
    Fp2Arith.mul(s, v, a, ao + X, s, i); // V = X1 I
    Fp2Arith.mul(s, t, a, ao + Y, s, j);
    Fp2Arith.dbl(s, t, s, t); // 2 Y1 J
    Fp2Arith.add(s, u2, a, ao + Z, s, h);
    Fp2Arith.sqr(s, u2, s, u2);
    Fp2Arith.sub(s, u2, s, u2, s, z1z1);
    Fp2Arith.sub(r, ro + Z, s, u2, s, hh); // Z3 = (Z1 + H)^2 - Z1Z1 - HH
    Fp2Arith.sqr(s, u2, s, rr);
    Fp2Arith.sub(s, u2, s, u2, s, j);
    Fp2Arith.sub(s, u2, s, u2, s, v);
    Fp2Arith.sub(r, ro + X, s, u2, s, v); // X3 = r^2 - J - 2V
    Fp2Arith.sub(s, v, s, v, r, ro + X);
    Fp2Arith.mul(s, v, s, rr, s, v);
    Fp2Arith.sub(r, ro + Y, s, v, s, t); // Y3 = r(V - X3) - 2 Y1 J
  }

  /** Whether two Jacobian points are the same point (cross-multiplied, no inversion). */
  static boolean equal(long[] a, int ao, long[] b, int bo, long[] s) {
    boolean ai = isInfinity(a, ao);
    boolean bi = isInfinity(b, bo);
    if (ai || bi) {
      return ai == bi;
    }
    Fp2Arith.sqr(s, 0, a, ao + Z);
    Fp2Arith.sqr(s, 8, b, bo + Z);
    Fp2Arith.mul(s, 16, a, ao + X, s, 8);
    Fp2Arith.mul(s, 24, b, bo + X, s, 0);
    if (!Fp2Arith.equal(s, 16, s, 24)) {
      return false;
    }
    Fp2Arith.mul(s, 0, s, 0, a, ao + Z);
    Fp2Arith.mul(s, 8, s, 8, b, bo + Z);
    Fp2Arith.mul(s, 16, a, ao + Y, s, 8);
    Fp2Arith.mul(s, 24, b, bo + Y, s, 0);
    return Fp2Arith.equal(s, 16, s, 24);
  }
}
