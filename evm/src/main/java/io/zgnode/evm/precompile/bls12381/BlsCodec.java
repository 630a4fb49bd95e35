package io.zgnode.evm.precompile.bls12381;

import java.math.BigInteger;
import java.util.Arrays;
import supranational.blst.P1;
import supranational.blst.P1_Affine;
import supranational.blst.P2;
import supranational.blst.P2_Affine;

/**
 * EIP-2537's encodings and their translation to blst's. A field element is 64 bytes, big-endian,
 * top 16 bytes zero, value below p; an Fp2 element is c0 || c1; a point is x || y; the point at
 * infinity is all zeros. blst speaks the ZCash serialization instead: 48-byte elements, Fp2 as c1
 * || c0, infinity flagged by bit 0x40 of the first byte.
 */
final class BlsCodec {
  static final int FP_LENGTH = 64;
  static final int G1_LENGTH = 2 * FP_LENGTH;
  static final int G2_LENGTH = 4 * FP_LENGTH;
  static final int SCALAR_LENGTH = 32;

  /** The order of G1 and G2. */
  static final BigInteger R =
      new BigInteger("73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001", 16);

  private static final int PAD = 16;
  private static final int BLST_FP = 48;
  private static final byte[] P_BYTES = toBytes48(Fp.P);
  private static final byte BLST_INFINITY_FLAG = 0x40;

  private BlsCodec() {}

  /** Checks the field element at {@code offset}: zero padding, then a value below p. */
  static void checkFp(byte[] in, int offset) throws InvalidInput {
    for (int i = 0; i < PAD; i++) {
      if (in[offset + i] != 0) {
        throw new InvalidInput("field element has non-zero top bytes");
      }
    }
    if (Arrays.compareUnsigned(in, offset + PAD, offset + FP_LENGTH, P_BYTES, 0, BLST_FP) >= 0) {
      throw new InvalidInput("field element is not below the modulus");
    }
  }

  static BigInteger readFp(byte[] in, int offset) throws InvalidInput {
    checkFp(in, offset);
    return new BigInteger(1, in, offset + PAD, BLST_FP);
  }

  static boolean isZero(byte[] in, int offset, int length) {
    for (int i = offset; i < offset + length; i++) {
      if (in[i] != 0) {
        return false;
      }
    }
    return true;
  }

  /** The G1 point at {@code offset}: checked encoding, on the curve; infinity allowed. */
  static P1_Affine readG1(byte[] in, int offset) throws InvalidInput {
    checkFp(in, offset);
    checkFp(in, offset + FP_LENGTH);
    byte[] ser = new byte[2 * BLST_FP];
    if (isZero(in, offset, G1_LENGTH)) {
      ser[0] = BLST_INFINITY_FLAG;
    } else {
      System.arraycopy(in, offset + PAD, ser, 0, BLST_FP);
      System.arraycopy(in, offset + FP_LENGTH + PAD, ser, BLST_FP, BLST_FP);
    }
    return loadG1(ser);
  }

  /** A G1 point that must also lie in the order-r subgroup. */
  static P1_Affine readG1InSubgroup(byte[] in, int offset) throws InvalidInput {
    P1_Affine p = readG1(in, offset);
    if (!p.is_inf() && !p.in_group()) {
      throw new InvalidInput("G1 point is not in the subgroup");
    }
    return p;
  }

  /** The G2 point at {@code offset}: checked encoding, on the curve; infinity allowed. */
  static P2_Affine readG2(byte[] in, int offset) throws InvalidInput {
    for (int i = 0; i < 4; i++) {
      checkFp(in, offset + i * FP_LENGTH);
    }
    byte[] ser = new byte[4 * BLST_FP];
    if (isZero(in, offset, G2_LENGTH)) {
      ser[0] = BLST_INFINITY_FLAG;
    } else {
      // EIP-2537 orders x.c0, x.c1, y.c0, y.c1; blst wants x.c1, x.c0, y.c1, y.c0.
      System.arraycopy(in, offset + FP_LENGTH + PAD, ser, 0, BLST_FP);
      System.arraycopy(in, offset + PAD, ser, BLST_FP, BLST_FP);
      System.arraycopy(in, offset + 3 * FP_LENGTH + PAD, ser, 2 * BLST_FP, BLST_FP);
      System.arraycopy(in, offset + 2 * FP_LENGTH + PAD, ser, 3 * BLST_FP, BLST_FP);
    }
    return loadG2(ser);
  }

  /** A G2 point that must also lie in the order-r subgroup. */
  static P2_Affine readG2InSubgroup(byte[] in, int offset) throws InvalidInput {
    P2_Affine p = readG2(in, offset);
    if (!p.is_inf() && !p.in_group()) {
      throw new InvalidInput("G2 point is not in the subgroup");
    }
    return p;
  }

  /** The scalar at {@code offset} reduced modulo r (only valid for subgroup points). */
  static BigInteger readScalarModR(byte[] in, int offset) {
    return new BigInteger(1, in, offset, SCALAR_LENGTH).mod(R);
  }

  /** blst's uncompressed G1 bytes to a point, rejecting points off the curve. */
  static P1_Affine loadG1(byte[] serialized) throws InvalidInput {
    try {
      return new P1_Affine(serialized);
    } catch (RuntimeException e) {
      // blst also refuses (0, +-2), which is on the curve but of order 3: callers that must accept
      // such points test for x = 0 before coming here.
      throw new InvalidInput("invalid G1 point: " + e.getMessage());
    }
  }

  static P2_Affine loadG2(byte[] serialized) throws InvalidInput {
    try {
      return new P2_Affine(serialized);
    } catch (RuntimeException e) {
      throw new InvalidInput("invalid G2 point: " + e.getMessage());
    }
  }

  static byte[] encodeG1(P1 p) {
    return encodeG1(p.serialize());
  }

  static byte[] encodeG1(byte[] serialized) {
    byte[] out = new byte[G1_LENGTH];
    if ((serialized[0] & BLST_INFINITY_FLAG) != 0) {
      return out;
    }
    System.arraycopy(serialized, 0, out, PAD, BLST_FP);
    System.arraycopy(serialized, BLST_FP, out, FP_LENGTH + PAD, BLST_FP);
    return out;
  }

  static byte[] encodeG2(P2 p) {
    byte[] ser = p.serialize();
    byte[] out = new byte[G2_LENGTH];
    if ((ser[0] & BLST_INFINITY_FLAG) != 0) {
      return out;
    }
    System.arraycopy(ser, 0, out, FP_LENGTH + PAD, BLST_FP);
    System.arraycopy(ser, BLST_FP, out, PAD, BLST_FP);
    System.arraycopy(ser, 2 * BLST_FP, out, 3 * FP_LENGTH + PAD, BLST_FP);
    System.arraycopy(ser, 3 * BLST_FP, out, 2 * FP_LENGTH + PAD, BLST_FP);
    return out;
  }

  /** A G1 point from affine coordinates in blst's uncompressed form. */
  static byte[] serializeG1(BigInteger x, BigInteger y) {
    byte[] ser = new byte[2 * BLST_FP];
    System.arraycopy(toBytes48(x), 0, ser, 0, BLST_FP);
    System.arraycopy(toBytes48(y), 0, ser, BLST_FP, BLST_FP);
    return ser;
  }

  /** A G2 point from affine coordinates in blst's uncompressed form. */
  static byte[] serializeG2(Fp2 x, Fp2 y) {
    byte[] ser = new byte[4 * BLST_FP];
    System.arraycopy(toBytes48(x.c1()), 0, ser, 0, BLST_FP);
    System.arraycopy(toBytes48(x.c0()), 0, ser, BLST_FP, BLST_FP);
    System.arraycopy(toBytes48(y.c1()), 0, ser, 2 * BLST_FP, BLST_FP);
    System.arraycopy(toBytes48(y.c0()), 0, ser, 3 * BLST_FP, BLST_FP);
    return ser;
  }

  /** The affine coordinates {x, y} of a G2 point, or null for infinity. */
  static Fp2[] affineG2(P2 p) {
    byte[] ser = p.serialize();
    if ((ser[0] & BLST_INFINITY_FLAG) != 0) {
      return null;
    }
    return new Fp2[] {
      new Fp2(new BigInteger(1, ser, BLST_FP, BLST_FP), new BigInteger(1, ser, 0, BLST_FP)),
      new Fp2(
          new BigInteger(1, ser, 3 * BLST_FP, BLST_FP),
          new BigInteger(1, ser, 2 * BLST_FP, BLST_FP))
    };
  }

  /** EIP-2537's encoding of a G1 point given by coordinates; null means infinity. */
  static byte[] encodeG1(BigInteger[] point) {
    byte[] out = new byte[G1_LENGTH];
    if (point != null) {
      System.arraycopy(toBytes48(point[0]), 0, out, PAD, BLST_FP);
      System.arraycopy(toBytes48(point[1]), 0, out, FP_LENGTH + PAD, BLST_FP);
    }
    return out;
  }

  static byte[] toBytes48(BigInteger v) {
    byte[] raw = v.toByteArray();
    byte[] out = new byte[BLST_FP];
    int copy = Math.min(raw.length, BLST_FP);
    System.arraycopy(raw, raw.length - copy, out, BLST_FP - copy, copy);
    return out;
  }
}
