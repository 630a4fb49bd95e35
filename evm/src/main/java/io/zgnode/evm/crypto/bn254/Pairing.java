package io.zgnode.evm.crypto.bn254;

import java.math.BigInteger;

/**
 * The optimal ate pairing e: G1 × G2 → GT ⊂ Fp12 on BN254, and the multi-pairing check of the
 * EIP-197 precompile and of aggregate-signature verification.
 *
 * <p>Miller loop over the NAF of 6u + 2 with the G2 point in homogeneous projective coordinates and
 * sparse line multiplication; for several pairs the loop runs once with one shared accumulator (one
 * squaring per step for all pairs), followed by a single final exponentiation.
 */
public final class Pairing {
  private Pairing() {}

  /** 6u + 2 in non-adjacent form, least significant digit first. */
  private static final int[] LOOP_NAF =
      Naf.of(
          new BigInteger("4965661367192848881")
              .multiply(BigInteger.valueOf(6))
              .add(BigInteger.TWO));

  /** 3b' for the doubling step's line. */
  private static final long[] B3_TWIST = threeB();

  private static long[] threeB() {
    long[] r = new long[8];
    Fp2Arith.add(r, 0, G2Point.B_TWIST, 0, G2Point.B_TWIST, 0);
    Fp2Arith.add(r, 0, r, 0, G2Point.B_TWIST, 0);
    return r;
  }

  /** e(p, q), the reduced pairing value. */
  public static Fp12 pairing(G1Point p, G2Point q) {
    return pairingProduct(new G1Point[] {p}, new G2Point[] {q});
  }

  /** The product of e(a[i], b[i]) over all i, with one final exponentiation. */
  public static Fp12 pairingProduct(G1Point[] a, G2Point[] b) {
    long[] f = millerLoop(a, b);
    Fp12Arith.finalExponentiation(f, 0, f, 0);
    return new Fp12(f);
  }

  /**
   * Whether the product of e(a[i], b[i]) is 1 (true for empty arrays), as the EIP-197 precompile
   * and BLS-style signature checks need. Pairs with a point at infinity contribute 1.
   */
  public static boolean pairingCheck(G1Point[] a, G2Point[] b) {
    long[] f = millerLoop(a, b);
    Fp12Arith.finalExponentiation(f, 0, f, 0);
    return Fp12Arith.isOne(f, 0);
  }

  /** The product of the Miller loops f_{6u+2,Q}(P)·(the two Frobenius lines), not exponentiated. */
  static long[] millerLoop(G1Point[] a, G2Point[] b) {
    if (a.length != b.length) {
      throw new Bn254Exception(
          "pairing needs as many G1 as G2 points, got " + a.length + " and " + b.length);
    }
    int n = 0;
    for (int i = 0; i < a.length; i++) {
      if (a[i].xy != null && b[i].xy != null) {
        n++;
      }
    }
    long[] f = new long[48];
    Fp12Arith.setOne(f, 0);
    if (n == 0) {
      return f;
    }
    long[] pd = new long[8 * n]; // -x_P, y_P
    long[] qd = new long[24 * n]; // x_Q, y_Q, -y_Q
    long[] t = new long[24 * n]; // T = (X, Y, Z), homogeneous
    int k = 0;
    for (int i = 0; i < a.length; i++) {
      long[] p = a[i].xy;
      long[] q = b[i].xy;
      if (p == null || q == null) {
        continue;
      }
      FpArith.neg(pd, 8 * k, p, 0);
      FpArith.copy(pd, 8 * k + 4, p, 4);
      System.arraycopy(q, 0, qd, 24 * k, 16);
      Fp2Arith.neg(qd, 24 * k + 16, q, 8);
      System.arraycopy(q, 0, t, 24 * k, 16);
      Fp2Arith.setOne(t, 24 * k + 16);
      k++;
    }
    long[] line = new long[24];
    long[] s = new long[96];
    boolean first = true;
    for (int i = LOOP_NAF.length - 2; i >= 0; i--) {
      if (!first) {
        Fp12Arith.sqr(f, 0, f, 0);
      }
      first = false;
      for (int j = 0; j < n; j++) {
        doublingStep(t, 24 * j, pd, 8 * j, line, s);
        Fp12Arith.mulByLine(f, 0, line, 0);
      }
      int d = LOOP_NAF[i];
      if (d != 0) {
        for (int j = 0; j < n; j++) {
          int yo = 24 * j + (d > 0 ? 8 : 16);
          additionStep(t, 24 * j, qd, 24 * j, qd, yo, pd, 8 * j, line, s);
          Fp12Arith.mulByLine(f, 0, line, 0);
        }
      }
    }
    // the two extra lines of the optimal ate pairing: T + ψ(Q), then - ψ^2(Q)
    long[] q1 = new long[16];
    long[] q2 = new long[16];
    for (int j = 0; j < n; j++) {
      Fp2Arith.conj(q1, 0, qd, 24 * j);
      Fp2Arith.mul(q1, 0, q1, 0, Fp12Arith.PSI_X, 0);
      Fp2Arith.conj(q1, 8, qd, 24 * j + 8);
      Fp2Arith.mul(q1, 8, q1, 8, Fp12Arith.PSI_Y, 0);
      Fp2Arith.mul(q2, 0, qd, 24 * j, Fp12Arith.PSI2_X, 0);
      Fp2Arith.mul(q2, 8, qd, 24 * j + 16, Fp12Arith.PSI2_Y, 0);
      additionStep(t, 24 * j, q1, 0, q1, 8, pd, 8 * j, line, s);
      Fp12Arith.mulByLine(f, 0, line, 0);
      additionStep(t, 24 * j, q2, 0, q2, 8, pd, 8 * j, line, s);
      Fp12Arith.mulByLine(f, 0, line, 0);
    }
    return f;
  }

  /**
   * T = 2T and the tangent line at T evaluated at P, scaled by 2YZ (a factor in Fp2 that the final
   * exponentiation removes): l = 2YZ·y_P - 3X^2·x_P·w + (Y^2 - 3b'Z^2)·v·w.
   */
  private static void doublingStep(long[] t, int to, long[] pd, int po, long[] line, long[] s) {
    final int b = 0;
    final int c = 8;
    final int e = 16;
    final int f = 24;
    final int h = 32;
    final int x2 = 40;
    final int a = 48;
    final int u = 56;
    final int w = 64;
    final int tx = to;
    final int ty = to + 8;
    final int tz = to + 16;
    Fp2Arith.sqr(s, b, t, ty); // B = Y^2
    Fp2Arith.sqr(s, c, t, tz); // C = Z^2
    Fp2Arith.mul(s, e, s, c, B3_TWIST, 0); // E = 3b'C
    Fp2Arith.dbl(s, f, s, e);
    Fp2Arith.add(s, f, s, f, s, e); // F = 3E
    Fp2Arith.add(s, h, t, ty, t, tz);
    Fp2Arith.sqr(s, h, s, h);
    Fp2Arith.sub(s, h, s, h, s, b);
    Fp2Arith.sub(s, h, s, h, s, c); // H = 2YZ
    Fp2Arith.sqr(s, x2, t, tx); // X^2
    Fp2Arith.mul(s, a, t, tx, t, ty); // A = XY
    // line
    Fp2Arith.mulByFp(line, 0, s, h, pd, po + 4);
    Fp2Arith.dbl(s, u, s, x2);
    Fp2Arith.add(s, u, s, u, s, x2);
    Fp2Arith.mulByFp(line, 8, s, u, pd, po);
    Fp2Arith.sub(line, 16, s, b, s, e);
    // X3 = 2A(B - F)
    Fp2Arith.sub(s, u, s, b, s, f);
    Fp2Arith.mul(s, u, s, a, s, u);
    Fp2Arith.dbl(t, tx, s, u);
    // Y3 = (B + F)^2 - 12E^2
    Fp2Arith.add(s, u, s, b, s, f);
    Fp2Arith.sqr(s, u, s, u);
    Fp2Arith.sqr(s, w, s, e);
    Fp2Arith.dbl(s, a, s, w);
    Fp2Arith.add(s, a, s, a, s, w);
    Fp2Arith.dbl(s, a, s, a);
    Fp2Arith.dbl(s, a, s, a);
    Fp2Arith.sub(t, ty, s, u, s, a);
    // Z3 = 4BH
    Fp2Arith.mul(s, u, s, b, s, h);
    Fp2Arith.dbl(s, u, s, u);
    Fp2Arith.dbl(t, tz, s, u);
  }

  /**
   * T = T + Q for an affine Q and the line through them evaluated at P, scaled by λ = X - x_Q·Z: l
   * = λ·y_P - θ·x_P·w + (θ·x_Q - λ·y_Q)·v·w with θ = Y - y_Q·Z.
   */
  private static void additionStep(
      long[] t,
      int to,
      long[] qx,
      int qxo,
      long[] qy,
      int qyo,
      long[] pd,
      int po,
      long[] line,
      long[] s) {
    final int th = 0;
    final int la = 8;
    final int c = 16;
    final int d = 24;
    final int e = 32;
    final int f = 40;
    final int g = 48;
    final int h = 56;
    final int u = 64;
    final int w = 72;
    final int tx = to;
    final int ty = to + 8;
    final int tz = to + 16;
    Fp2Arith.mul(s, th, qy, qyo, t, tz);
    Fp2Arith.sub(s, th, t, ty, s, th); // θ = Y - y_Q Z
    Fp2Arith.mul(s, la, qx, qxo, t, tz);
    Fp2Arith.sub(s, la, t, tx, s, la); // λ = X - x_Q Z
    Fp2Arith.sqr(s, c, s, th); // C = θ^2
    Fp2Arith.sqr(s, d, s, la); // D = λ^2
    Fp2Arith.mul(s, e, s, la, s, d); // E = λ^3
    Fp2Arith.mul(s, f, t, tz, s, c); // F = Z C
    Fp2Arith.mul(s, g, t, tx, s, d); // G = X D
    Fp2Arith.add(s, h, s, e, s, f);
    Fp2Arith.sub(s, h, s, h, s, g);
    Fp2Arith.sub(s, h, s, h, s, g); // H = E + F - 2G
    // line
    Fp2Arith.mulByFp(line, 0, s, la, pd, po + 4);
    Fp2Arith.mulByFp(line, 8, s, th, pd, po);
    Fp2Arith.mul(s, u, s, th, qx, qxo);
    Fp2Arith.mul(s, w, s, la, qy, qyo);
    Fp2Arith.sub(line, 16, s, u, s, w);
    // X3 = λH, Y3 = θ(G - H) - Y E, Z3 = Z E
    Fp2Arith.mul(t, tx, s, la, s, h);
    Fp2Arith.mul(s, u, t, ty, s, e);
    Fp2Arith.sub(s, w, s, g, s, h);
    Fp2Arith.mul(s, w, s, th, s, w);
    Fp2Arith.sub(t, ty, s, w, s, u);
    Fp2Arith.mul(t, tz, t, tz, s, e);
  }
}
