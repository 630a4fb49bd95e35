package io.zgnode.evm.crypto.bn254;

import java.math.BigInteger;

/**
 * An element of the scalar field Fr, r =
 * 21888242871839275222246405745257275088548364400416034343698204186575808495617 (the order of G1,
 * G2 and GT). Immutable; BigInteger arithmetic, since scalars are not on the pairing's hot path.
 */
public record Fr(BigInteger value) {
  /** The group order r. */
  public static final BigInteger MODULUS =
      new BigInteger(
          "21888242871839275222246405745257275088548364400416034343698204186575808495617");

  public static final Fr ZERO = new Fr(BigInteger.ZERO);
  public static final Fr ONE = new Fr(BigInteger.ONE);

  /** Requires 0 ≤ value < r. */
  public Fr {
    if (value.signum() < 0 || value.compareTo(MODULUS) >= 0) {
      throw new Bn254Exception("scalar out of range [0, r): " + value);
    }
  }

  /** Any integer reduced mod r. */
  public static Fr reduce(BigInteger v) {
    return new Fr(v.mod(MODULUS));
  }

  /** A big-endian byte string (e.g. a 32-byte hash) read as an unsigned integer, reduced mod r. */
  public static Fr reduce(byte[] bigEndian) {
    return reduce(new BigInteger(1, bigEndian));
  }

  /** Reads 32 big-endian bytes, which must encode an integer below r. */
  public static Fr fromBytes(byte[] in) {
    if (in.length != 32) {
      throw new Bn254Exception("scalar must be 32 bytes, got " + in.length);
    }
    return new Fr(new BigInteger(1, in));
  }

  /** The 32-byte big-endian encoding. */
  public byte[] toBytes() {
    byte[] raw = value.toByteArray();
    byte[] out = new byte[32];
    int n = Math.min(raw.length, 32);
    System.arraycopy(raw, raw.length - n, out, 32 - n, n);
    return out;
  }

  public Fr add(Fr o) {
    return reduce(value.add(o.value));
  }

  public Fr subtract(Fr o) {
    return reduce(value.subtract(o.value));
  }

  public Fr multiply(Fr o) {
    return reduce(value.multiply(o.value));
  }

  public Fr negate() {
    return reduce(value.negate());
  }

  /** The multiplicative inverse; throws for zero. */
  public Fr inverse() {
    if (value.signum() == 0) {
      throw new ArithmeticException("zero has no inverse in Fr");
    }
    return new Fr(value.modInverse(MODULUS));
  }

  public boolean isZero() {
    return value.signum() == 0;
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
