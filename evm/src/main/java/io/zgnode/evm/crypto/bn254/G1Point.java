package io.zgnode.evm.crypto.bn254;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Collection;

/**
 * A point of G1, the BN254 curve y^2 = x^3 + 3 over Fp (prime order r, cofactor 1, so every curve
 * point is in G1). Immutable and always valid: every way to obtain one checks the curve equation.
 *
 * <p>Encoding (EIP-196 and 0G alike): 64 bytes, X then Y, each 32 bytes big-endian; the point at
 * infinity is 64 zero bytes.
 */
public final class G1Point {
  public static final G1Point INFINITY = new G1Point(null);

  private static final long[] B = Fp.of(3).limbs;

  /** The generator (1, 2). */
  public static final G1Point GENERATOR = of(Fp.of(1), Fp.of(2));

  /** Affine coordinates (x at 0, y at 4, Montgomery form), or null for the point at infinity. */
  final long[] xy;

  G1Point(long[] xy) {
    this.xy = xy;
  }

  /**
   * The affine point (x, y).
   *
   * @throws Bn254Exception when it is not on the curve
   */
  public static G1Point of(Fp x, Fp y) {
    long[] xy = new long[8];
    FpArith.copy(xy, 0, x.limbs, 0);
    FpArith.copy(xy, 4, y.limbs, 0);
    if (!isOnCurve(xy, 0)) {
      throw new Bn254Exception("point (" + x + ", " + y + ") is not on the BN254 curve");
    }
    return new G1Point(xy);
  }

  static boolean isOnCurve(long[] xy, int o) {
    long[] t = new long[8];
    FpArith.sqr(t, 0, xy, o);
    FpArith.mul(t, 0, t, 0, xy, o);
    FpArith.add(t, 0, t, 0, B, 0);
    FpArith.sqr(t, 4, xy, o + 4);
    return FpArith.equal(t, 0, t, 4);
  }

  /** Decodes 64 bytes (see the class comment). */
  public static G1Point fromBytes(byte[] in) {
    if (in.length != 64) {
      throw new Bn254Exception("G1 point must be 64 bytes, got " + in.length);
    }
    return fromBytes(in, 0);
  }

  /**
   * Decodes the 64 bytes at {@code offset}: both coordinates must be below p, and the point on the
   * curve unless both are zero (the point at infinity).
   */
  public static G1Point fromBytes(byte[] in, int offset) {
    if (offset < 0 || in.length - offset < 64) {
      throw new Bn254Exception(
          "G1 point needs 64 bytes at offset " + offset + ", input has " + in.length);
    }
    long[] xy = new long[8];
    if (!FpArith.fromBytes(xy, 0, in, offset)) {
      throw new Bn254Exception("G1 x coordinate is not below the field modulus");
    }
    if (!FpArith.fromBytes(xy, 4, in, offset + 32)) {
      throw new Bn254Exception("G1 y coordinate is not below the field modulus");
    }
    if (FpArith.isZero(xy, 0) && FpArith.isZero(xy, 4)) {
      return INFINITY;
    }
    if (!isOnCurve(xy, 0)) {
      throw new Bn254Exception("G1 point is not on the curve y^2 = x^3 + 3");
    }
    return new G1Point(xy);
  }

  /** The 64-byte encoding. */
  public byte[] toBytes() {
    byte[] out = new byte[64];
    toBytes(out, 0);
    return out;
  }

  /** Writes the 64-byte encoding at {@code offset}. */
  public void toBytes(byte[] out, int offset) {
    if (xy == null) {
      Arrays.fill(out, offset, offset + 64, (byte) 0);
      return;
    }
    FpArith.toBytes(xy, 0, out, offset);
    FpArith.toBytes(xy, 4, out, offset + 32);
  }

  /**
   * The 0G hash to G1 by try-and-increment: x = digest mod p; while x^3 + 3 is not a square, x = x
   * + 1; y = (x^3 + 3)^((p+1)/4). Not constant-time (the inputs are public messages).
   *
   * @param digest a 32-byte hash, read big-endian
   */
  public static G1Point hashToG1(byte[] digest) {
    if (digest.length != 32) {
      throw new Bn254Exception("hashToG1 takes a 32-byte digest, got " + digest.length);
    }
    long[] xy = new long[8];
    FpArith.fromBigInteger(xy, 0, new BigInteger(1, digest).mod(Fp.MODULUS));
    long[] rhs = new long[4];
    while (true) {
      FpArith.sqr(rhs, 0, xy, 0);
      FpArith.mul(rhs, 0, rhs, 0, xy, 0);
      FpArith.add(rhs, 0, rhs, 0, B, 0);
      if (FpArith.sqrt(xy, 4, rhs, 0)) {
        return new G1Point(xy);
      }
      FpArith.add(xy, 0, xy, 0, FpArith.ONE, 0);
    }
  }

  public boolean isInfinity() {
    return xy == null;
  }

  /** The affine x coordinate; zero for the point at infinity (its encoding). */
  public Fp x() {
    return xy == null ? Fp.ZERO : new Fp(Arrays.copyOfRange(xy, 0, 4));
  }

  /** The affine y coordinate; zero for the point at infinity (its encoding). */
  public Fp y() {
    return xy == null ? Fp.ZERO : new Fp(Arrays.copyOfRange(xy, 4, 8));
  }

  public G1Point negate() {
    if (xy == null) {
      return this;
    }
    long[] r = xy.clone();
    FpArith.neg(r, 4, r, 4);
    return new G1Point(r);
  }

  public G1Point add(G1Point o) {
    if (xy == null) {
      return o;
    }
    if (o.xy == null) {
      return this;
    }
    long[] s = new long[G1Arith.SCRATCH];
    long[] j = new long[12];
    G1Arith.fromAffine(j, 0, xy, 0);
    G1Arith.addAffine(j, 0, j, 0, o.xy, 0, s);
    return fromJacobian(j, 0, s);
  }

  public G1Point subtract(G1Point o) {
    return add(o.negate());
  }

  /** k·this for any integer k (taken mod r). */
  public G1Point multiply(BigInteger k) {
    if (xy == null) {
      return this;
    }
    long[] s = new long[G1Arith.SCRATCH];
    long[] j = G1Mul.multiply(xy, k.mod(Fr.MODULUS), s);
    return fromJacobian(j, 0, s);
  }

  public G1Point multiply(Fr k) {
    return multiply(k.value());
  }

  /** The sum of many points with one final inversion (aggregating keys and signatures). */
  public static G1Point sum(Collection<G1Point> points) {
    long[] s = new long[G1Arith.SCRATCH];
    long[] acc = new long[12];
    G1Arith.setInfinity(acc, 0);
    for (G1Point p : points) {
      if (p.xy != null) {
        G1Arith.addAffine(acc, 0, acc, 0, p.xy, 0, s);
      }
    }
    return fromJacobian(acc, 0, s);
  }

  static G1Point fromJacobian(long[] j, int jo, long[] s) {
    long[] r = new long[8];
    return G1Arith.toAffine(r, 0, j, jo, s) ? new G1Point(r) : INFINITY;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof G1Point p && Arrays.equals(xy, p.xy);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(xy);
  }

  @Override
  public String toString() {
    return xy == null ? "G1(infinity)" : "G1(" + x() + ", " + y() + ")";
  }
}
