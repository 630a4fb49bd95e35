package io.zgnode.evm.crypto.bn254;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Optional;

/**
 * An element of the BN254 base field Fp, p =
 * 21888242871839275222246405745257275088696311157297823662689037894645226208583. Immutable; held in
 * Montgomery form on four 64-bit limbs. Encodings are 32 bytes big-endian.
 */
public final class Fp {
  /** The field modulus p. */
  public static final BigInteger MODULUS = FpArith.P;

  public static final Fp ZERO = new Fp(new long[4]);
  public static final Fp ONE = new Fp(FpArith.ONE.clone());

  /** Montgomery limbs, little-endian; never exposed or modified. */
  final long[] limbs;

  Fp(long[] limbs) {
    this.limbs = limbs;
  }

  /** The element v; v must be in [0, p). */
  public static Fp of(BigInteger v) {
    if (v.signum() < 0 || v.compareTo(MODULUS) >= 0) {
      throw new Bn254Exception("field element out of range [0, p): " + v);
    }
    long[] l = new long[4];
    FpArith.fromBigInteger(l, 0, v);
    return new Fp(l);
  }

  public static Fp of(long v) {
    return of(BigInteger.valueOf(v));
  }

  /** Any big-endian byte string read as an integer and reduced mod p (for hashing to the field). */
  public static Fp reduce(byte[] bigEndian) {
    long[] l = new long[4];
    FpArith.fromBigInteger(l, 0, new BigInteger(1, bigEndian).mod(MODULUS));
    return new Fp(l);
  }

  /** Reads 32 big-endian bytes, which must encode an integer below p. */
  public static Fp fromBytes(byte[] in) {
    if (in.length != 32) {
      throw new Bn254Exception("field element must be 32 bytes, got " + in.length);
    }
    return fromBytes(in, 0);
  }

  /** Reads 32 big-endian bytes at {@code offset}, which must encode an integer below p. */
  public static Fp fromBytes(byte[] in, int offset) {
    if (offset < 0 || in.length - offset < 32) {
      throw new Bn254Exception(
          "field element needs 32 bytes at offset " + offset + ", input has " + in.length);
    }
    long[] l = new long[4];
    if (!FpArith.fromBytes(l, 0, in, offset)) {
      throw new Bn254Exception("field element not below the modulus p at offset " + offset);
    }
    return new Fp(l);
  }

  /** The 32-byte big-endian canonical encoding. */
  public byte[] toBytes() {
    byte[] out = new byte[32];
    FpArith.toBytes(limbs, 0, out, 0);
    return out;
  }

  public void toBytes(byte[] out, int offset) {
    FpArith.toBytes(limbs, 0, out, offset);
  }

  public BigInteger toBigInteger() {
    return FpArith.toBigInteger(limbs, 0);
  }

  public boolean isZero() {
    return FpArith.isZero(limbs, 0);
  }

  public Fp add(Fp o) {
    long[] r = new long[4];
    FpArith.add(r, 0, limbs, 0, o.limbs, 0);
    return new Fp(r);
  }

  public Fp subtract(Fp o) {
    long[] r = new long[4];
    FpArith.sub(r, 0, limbs, 0, o.limbs, 0);
    return new Fp(r);
  }

  public Fp multiply(Fp o) {
    long[] r = new long[4];
    FpArith.mul(r, 0, limbs, 0, o.limbs, 0);
    return new Fp(r);
  }

  public Fp square() {
    long[] r = new long[4];
    FpArith.sqr(r, 0, limbs, 0);
    return new Fp(r);
  }

  public Fp negate() {
    long[] r = new long[4];
    FpArith.neg(r, 0, limbs, 0);
    return new Fp(r);
  }

  /** The multiplicative inverse; throws for zero. */
  public Fp inverse() {
    if (isZero()) {
      throw new ArithmeticException("zero has no inverse in Fp");
    }
    long[] r = new long[4];
    FpArith.inv(r, 0, limbs, 0);
    return new Fp(r);
  }

  /** this^e for e ≥ 0. */
  public Fp pow(BigInteger e) {
    if (e.signum() < 0) {
      throw new IllegalArgumentException("negative exponent " + e);
    }
    long[] words = new long[(e.bitLength() + 63) / 64];
    for (int i = 0; i < words.length; i++) {
      words[i] = e.shiftRight(64 * i).longValue();
    }
    long[] r = new long[4];
    FpArith.pow(r, 0, limbs, 0, words);
    return new Fp(r);
  }

  /** Whether this is a square (zero counts as one). */
  public boolean isSquare() {
    return FpArith.isSquare(limbs, 0);
  }

  /**
   * The square root this^((p+1)/4) (itself a square), or empty when this is not a square. This is
   * the root the 0G hash-to-G1 takes.
   */
  public Optional<Fp> sqrt() {
    long[] r = new long[4];
    return FpArith.sqrt(r, 0, limbs, 0) ? Optional.of(new Fp(r)) : Optional.empty();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Fp f && Arrays.equals(limbs, f.limbs);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(limbs);
  }

  @Override
  public String toString() {
    return toBigInteger().toString();
  }
}
