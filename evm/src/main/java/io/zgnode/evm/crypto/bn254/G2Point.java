package io.zgnode.evm.crypto.bn254;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Collection;

/**
 * A point of G2, the order-r subgroup of the sextic twist y^2 = x^3 + 3/(9 + i) over Fp2. Immutable
 * and always valid: every way to obtain one from outside checks both the curve equation and
 * subgroup membership (the twist has a large cofactor, so the curve equation alone is not enough).
 *
 * <p>Two 128-byte encodings, each coordinate part 32 bytes big-endian, the point at infinity all
 * zeros:
 *
 * <ul>
 *   <li>EIP-197 (the pairing precompile): X.im, X.re, Y.im, Y.re — {@link #fromEip197Bytes}, {@link
 *       #toEip197Bytes};
 *   <li>0G DA (keys in {@code x/dasigners}): X.re, X.im, Y.re, Y.im, the real part a0 first —
 *       {@link #fromZeroGBytes}, {@link #toZeroGBytes}.
 * </ul>
 */
public final class G2Point {
  public static final G2Point INFINITY = new G2Point(null);

  /** The twist coefficient b' = 3/(9 + i). */
  static final long[] B_TWIST = twistB();

  private static final int[] U_NAF = Naf.of(new BigInteger("4965661367192848881"));

  /** The generator fixed by EIP-197. */
  public static final G2Point GENERATOR =
      of(
          Fp2.of(
              Fp.of(
                  new BigInteger(
                      "10857046999023057135944570762232829481370756359578518086990519993285655852781")),
              Fp.of(
                  new BigInteger(
                      "11559732032986387107991004021392285783925812861821192530917403151452391805634"))),
          Fp2.of(
              Fp.of(
                  new BigInteger(
                      "8495653923123431417604973247489272438418190587263600148770280649306958101930")),
              Fp.of(
                  new BigInteger(
                      "4082367875863433681332203403145435568316851327593401208105741076214120093531"))));

  /** Affine coordinates (x at 0, y at 8, each an Fp2 in Montgomery form), or null for infinity. */
  final long[] xy;

  G2Point(long[] xy) {
    this.xy = xy;
  }

  private static long[] twistB() {
    long[] b = new long[8];
    FpArith.fromBigInteger(b, 0, BigInteger.valueOf(9));
    FpArith.setOne(b, 4);
    Fp2Arith.inv(b, 0, b, 0);
    long[] three = new long[4];
    FpArith.fromBigInteger(three, 0, BigInteger.valueOf(3));
    Fp2Arith.mulByFp(b, 0, b, 0, three, 0);
    return b;
  }

  /**
   * The affine point (x, y).
   *
   * @throws Bn254Exception when it is not on the twist or not in the order-r subgroup
   */
  public static G2Point of(Fp2 x, Fp2 y) {
    long[] xy = new long[16];
    Fp2Arith.copy(xy, 0, x.limbs, 0);
    Fp2Arith.copy(xy, 8, y.limbs, 0);
    return validated(xy);
  }

  private static G2Point validated(long[] xy) {
    if (!isOnCurve(xy)) {
      throw new Bn254Exception("G2 point is not on the twist y^2 = x^3 + 3/(9+i)");
    }
    if (!isInSubgroup(xy)) {
      throw new Bn254Exception("G2 point is on the twist but not in the order-r subgroup");
    }
    return new G2Point(xy);
  }

  static boolean isOnCurve(long[] xy) {
    long[] t = new long[16];
    Fp2Arith.sqr(t, 0, xy, 0);
    Fp2Arith.mul(t, 0, t, 0, xy, 0);
    Fp2Arith.add(t, 0, t, 0, B_TWIST, 0);
    Fp2Arith.sqr(t, 8, xy, 8);
    return Fp2Arith.equal(t, 0, t, 8);
  }

  /**
   * Membership in the order-r subgroup for a point on the twist, by the test of Dai, Lin, Zhao and
   * Zhou (eprint 2022/348): Q is in G2 iff [u+1]Q + ψ([u]Q) + ψ^2([u]Q) = ψ^3([2u]Q), where ψ is
   * the untwist-Frobenius-twist endomorphism; valid for BN254 since u ≢ 4 (mod 13) and u ≢ 92 (mod
   * 97). One 63-bit multiplication instead of a 254-bit one.
   */
  static boolean isInSubgroup(long[] xy) {
    long[] s = new long[G2Arith.SCRATCH];
    long[] negQ = xy.clone();
    Fp2Arith.neg(negQ, 8, negQ, 8);
    long[] uq = new long[24];
    G2Arith.fromAffine(uq, 0, xy, 0);
    for (int i = U_NAF.length - 2; i >= 0; i--) {
      G2Arith.dbl(uq, 0, uq, 0, s);
      if (U_NAF[i] == 1) {
        G2Arith.addAffine(uq, 0, uq, 0, xy, 0, s);
      } else if (U_NAF[i] == -1) {
        G2Arith.addAffine(uq, 0, uq, 0, negQ, 0, s);
      }
    }
    long[] lhs = new long[24];
    long[] t = new long[24];
    G2Arith.addAffine(lhs, 0, uq, 0, xy, 0, s); // [u+1]Q
    psi(t, uq);
    G2Arith.add(lhs, 0, lhs, 0, t, 0, s);
    psi(t, t);
    G2Arith.add(lhs, 0, lhs, 0, t, 0, s);
    long[] rhs = new long[24];
    G2Arith.dbl(rhs, 0, uq, 0, s);
    psi(rhs, rhs);
    psi(rhs, rhs);
    psi(rhs, rhs);
    return G2Arith.equal(lhs, 0, rhs, 0, s);
  }

  /** ψ on Jacobian coordinates: (conj(X)·ξ^((p-1)/3), conj(Y)·ξ^((p-1)/2), conj(Z)). */
  static void psi(long[] r, long[] a) {
    Fp2Arith.conj(r, 0, a, 0);
    Fp2Arith.mul(r, 0, r, 0, Fp12Arith.PSI_X, 0);
    Fp2Arith.conj(r, 8, a, 8);
    Fp2Arith.mul(r, 8, r, 8, Fp12Arith.PSI_Y, 0);
    Fp2Arith.conj(r, 16, a, 16);
  }

  /** Decodes 128 bytes in the EIP-197 order X.im, X.re, Y.im, Y.re. */
  public static G2Point fromEip197Bytes(byte[] in) {
    requireLength(in, 128);
    return fromEip197Bytes(in, 0);
  }

  /**
   * Decodes the 128 bytes at {@code offset} in the EIP-197 order X.im, X.re, Y.im, Y.re. All four
   * parts must be below p; all zero is the point at infinity; otherwise the point must be on the
   * twist and in G2.
   */
  public static G2Point fromEip197Bytes(byte[] in, int offset) {
    return decode(in, offset, true);
  }

  /** Decodes 128 bytes in the 0G order X.re, X.im, Y.re, Y.im. */
  public static G2Point fromZeroGBytes(byte[] in) {
    requireLength(in, 128);
    return fromZeroGBytes(in, 0);
  }

  /** Decodes the 128 bytes at {@code offset} in the 0G order X.re, X.im, Y.re, Y.im. */
  public static G2Point fromZeroGBytes(byte[] in, int offset) {
    return decode(in, offset, false);
  }

  private static void requireLength(byte[] in, int n) {
    if (in.length != n) {
      throw new Bn254Exception("G2 point must be " + n + " bytes, got " + in.length);
    }
  }

  private static final String[] PART_NAMES = {"x.re", "x.im", "y.re", "y.im"};

  private static G2Point decode(byte[] in, int offset, boolean imaginaryFirst) {
    if (offset < 0 || in.length - offset < 128) {
      throw new Bn254Exception(
          "G2 point needs 128 bytes at offset " + offset + ", input has " + in.length);
    }
    long[] xy = new long[16];
    for (int part = 0; part < 4; part++) {
      // part: 0 x.re, 1 x.im, 2 y.re, 3 y.im; limb offset 4·part
      int slot = imaginaryFirst ? (part ^ 1) : part;
      if (!FpArith.fromBytes(xy, 4 * part, in, offset + 32 * slot)) {
        throw new Bn254Exception("G2 " + PART_NAMES[part] + " is not below the field modulus");
      }
    }
    boolean zero = true;
    for (long l : xy) {
      zero &= l == 0;
    }
    return zero ? INFINITY : validated(xy);
  }

  /** The 128-byte EIP-197 encoding X.im, X.re, Y.im, Y.re. */
  public byte[] toEip197Bytes() {
    return encode(true);
  }

  /** The 128-byte 0G encoding X.re, X.im, Y.re, Y.im. */
  public byte[] toZeroGBytes() {
    return encode(false);
  }

  private byte[] encode(boolean imaginaryFirst) {
    byte[] out = new byte[128];
    if (xy != null) {
      for (int part = 0; part < 4; part++) {
        int slot = imaginaryFirst ? (part ^ 1) : part;
        FpArith.toBytes(xy, 4 * part, out, 32 * slot);
      }
    }
    return out;
  }

  public boolean isInfinity() {
    return xy == null;
  }

  /** The affine x coordinate; zero for the point at infinity (its encoding). */
  public Fp2 x() {
    return xy == null ? Fp2.ZERO : new Fp2(Arrays.copyOfRange(xy, 0, 8));
  }

  /** The affine y coordinate; zero for the point at infinity (its encoding). */
  public Fp2 y() {
    return xy == null ? Fp2.ZERO : new Fp2(Arrays.copyOfRange(xy, 8, 16));
  }

  public G2Point negate() {
    if (xy == null) {
      return this;
    }
    long[] r = xy.clone();
    Fp2Arith.neg(r, 8, r, 8);
    return new G2Point(r);
  }

  public G2Point add(G2Point o) {
    if (xy == null) {
      return o;
    }
    if (o.xy == null) {
      return this;
    }
    long[] s = new long[G2Arith.SCRATCH];
    long[] j = new long[24];
    G2Arith.fromAffine(j, 0, xy, 0);
    G2Arith.addAffine(j, 0, j, 0, o.xy, 0, s);
    return fromJacobian(j, s);
  }

  public G2Point subtract(G2Point o) {
    return add(o.negate());
  }

  /** k·this for any integer k (taken mod r). */
  public G2Point multiply(BigInteger k) {
    if (xy == null) {
      return this;
    }
    long[] s = new long[G2Arith.SCRATCH];
    return fromJacobian(G2Mul.multiply(xy, k.mod(Fr.MODULUS), s), s);
  }

  public G2Point multiply(Fr k) {
    return multiply(k.value());
  }

  /** The sum of many points with one final inversion (aggregating public keys). */
  public static G2Point sum(Collection<G2Point> points) {
    long[] s = new long[G2Arith.SCRATCH];
    long[] acc = new long[24];
    G2Arith.setInfinity(acc, 0);
    for (G2Point p : points) {
      if (p.xy != null) {
        G2Arith.addAffine(acc, 0, acc, 0, p.xy, 0, s);
      }
    }
    return fromJacobian(acc, s);
  }

  static G2Point fromJacobian(long[] j, long[] s) {
    long[] r = new long[16];
    return G2Arith.toAffine(r, 0, j, 0, s) ? new G2Point(r) : INFINITY;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof G2Point p && Arrays.equals(xy, p.xy);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(xy);
  }

  @Override
  public String toString() {
    return xy == null ? "G2(infinity)" : "G2(" + x() + ", " + y() + ")";
  }
}
