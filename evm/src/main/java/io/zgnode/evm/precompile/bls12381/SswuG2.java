package io.zgnode.evm.precompile.bls12381;

/**
 * The map from an Fp2 element to a point of BLS12-381's G2 curve E2: y^2 = x^3 + 4(1 + i), before
 * cofactor clearing: the simplified SWU map onto the 3-isogenous curve E2' followed by the
 * 3-isogeny to E2 (RFC 9380 sections 6.6.2 and 6.6.3, parameters of its appendix E.3 as restated in
 * EIP-2537's field-to-curve document).
 */
final class SswuG2 {
  private static final Fp2 A = Fp2.of("0", "f0"); // 240 i
  private static final Fp2 B = Fp2.of("3f4", "3f4"); // 1012 (1 + i)
  private static final Fp2 Z =
      new Fp2(Fp.neg(java.math.BigInteger.TWO), Fp.neg(java.math.BigInteger.ONE));
  private static final Fp2 MINUS_B_OVER_A = B.neg().mul(A.inv());
  private static final Fp2 B_OVER_ZA = B.mul(Z.mul(A).inv());

  // The high digits shared by the coefficients just below p.
  private static final String P_HIGH =
      "1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffff";

  // Isogeny coefficients, lowest degree first; XDEN and YDEN are monic with the leading 1 implied.
  private static final Fp2[] XNUM = {
    Fp2.of(
        "5c759507e8e333ebb5b7a9a47d7ed8532c52d39fd3a042a88b58423c50ae15d5c2638e343d9c71c6238aaaaaaaa97d6",
        "5c759507e8e333ebb5b7a9a47d7ed8532c52d39fd3a042a88b58423c50ae15d5c2638e343d9c71c6238aaaaaaaa97d6"),
    Fp2.of(
        "0",
        "11560bf17baa99bc32126fced787c88f984f87adf7ae0c7f9a208c6b4f20a4181472aaa9cb8d555526a9ffffffffc71a"),
    Fp2.of(
        "11560bf17baa99bc32126fced787c88f984f87adf7ae0c7f9a208c6b4f20a4181472aaa9cb8d555526a9ffffffffc71e",
        "8ab05f8bdd54cde190937e76bc3e447cc27c3d6fbd7063fcd104635a790520c0a395554e5c6aaaa9354ffffffffe38d"),
    Fp2.of(
        "171d6541fa38ccfaed6dea691f5fb614cb14b4e7f4e810aa22d6108f142b85757098e38d0f671c7188e2aaaaaaaa5ed1",
        "0")
  };
  private static final Fp2[] XDEN = {Fp2.of("0", P_HIGH + "aa63"), Fp2.of("c", P_HIGH + "aa9f")};
  private static final Fp2[] YNUM = {
    Fp2.of(
        "1530477c7ab4113b59a4c18b076d11930f7da5d4a07f649bf54439d87d27e500fc8c25ebf8c92f6812cfc71c71c6d706",
        "1530477c7ab4113b59a4c18b076d11930f7da5d4a07f649bf54439d87d27e500fc8c25ebf8c92f6812cfc71c71c6d706"),
    Fp2.of(
        "0",
        "5c759507e8e333ebb5b7a9a47d7ed8532c52d39fd3a042a88b58423c50ae15d5c2638e343d9c71c6238aaaaaaaa97be"),
    Fp2.of(
        "11560bf17baa99bc32126fced787c88f984f87adf7ae0c7f9a208c6b4f20a4181472aaa9cb8d555526a9ffffffffc71c",
        "8ab05f8bdd54cde190937e76bc3e447cc27c3d6fbd7063fcd104635a790520c0a395554e5c6aaaa9354ffffffffe38f"),
    Fp2.of(
        "124c9ad43b6cf79bfbf7043de3811ad0761b0f37a1e26286b0e977c69aa274524e79097a56dc4bd9e1b371c71c718b10",
        "0")
  };
  private static final Fp2[] YDEN = {
    Fp2.of(P_HIGH + "a8fb", P_HIGH + "a8fb"),
    Fp2.of("0", P_HIGH + "a9d3"),
    Fp2.of("12", P_HIGH + "aa99")
  };

  private SswuG2() {}

  /** The point of E2 that {@code u} maps to, as {x, y}; null for the point at infinity. */
  static Fp2[] map(Fp2 u) {
    // Simplified SWU onto E2'.
    Fp2 zu2 = Z.mul(u.square());
    Fp2 tv1 = zu2.square().add(zu2);
    Fp2 x1 = tv1.isZero() ? B_OVER_ZA : MINUS_B_OVER_A.mul(Fp2.ONE.add(tv1.inv()));
    Fp2 x = x1;
    Fp2 y = curveRhs(x1).sqrt();
    if (y == null) {
      x = zu2.mul(x1);
      y = curveRhs(x).sqrt();
      if (y == null) {
        throw new IllegalStateException("simplified SWU: neither g(x1) nor g(x2) is square");
      }
    }
    if (u.sgn0() != y.sgn0()) {
      y = y.neg();
    }
    // The 3-isogeny E2' -> E2.
    Fp2 xDen = horner(XDEN, x, true);
    Fp2 yDen = horner(YDEN, x, true);
    if (xDen.isZero() || yDen.isZero()) {
      return null;
    }
    // One inversion for both denominators.
    Fp2 inv = xDen.mul(yDen).inv();
    Fp2 xOut = horner(XNUM, x, false).mul(yDen).mul(inv);
    Fp2 yOut = y.mul(horner(YNUM, x, false)).mul(xDen).mul(inv);
    return new Fp2[] {xOut, yOut};
  }

  /** x^3 + A x + B on E2'. */
  private static Fp2 curveRhs(Fp2 x) {
    return x.square().add(A).mul(x).add(B);
  }

  private static Fp2 horner(Fp2[] coefficients, Fp2 x, boolean monic) {
    int i = coefficients.length - 1;
    Fp2 acc = monic ? Fp2.ONE : coefficients[i--];
    for (; i >= 0; i--) {
      acc = acc.mul(x).add(coefficients[i]);
    }
    return acc;
  }
}
