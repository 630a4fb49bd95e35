package io.zgnode.evm.precompile.bls12381;

import io.zgnode.evm.precompile.Precompile;
import io.zgnode.evm.precompile.PrecompileResult;
import java.math.BigInteger;
import supranational.blst.P1_Affine;

/**
 * 0x0b BLS12_G1ADD (EIP-2537): the sum of two G1 points (256 bytes in, 128 out). Points must be on
 * the curve; there is no subgroup check. Gas 375.
 */
public final class Bls12G1Add implements Precompile {
  static final long GAS = 375;
  private static final int INPUT_LENGTH = 2 * BlsCodec.G1_LENGTH;

  @Override
  public long gasCost(byte[] input) {
    return GAS;
  }

  @Override
  public PrecompileResult execute(byte[] input) {
    if (input.length != INPUT_LENGTH) {
      return PrecompileResult.failure();
    }
    try {
      if (hasZeroX(input, 0) || hasZeroX(input, BlsCodec.G1_LENGTH)) {
        return PrecompileResult.success(addOrderThreePoints(input));
      }
      P1_Affine a = BlsCodec.readG1(input, 0);
      P1_Affine b = BlsCodec.readG1(input, BlsCodec.G1_LENGTH);
      return PrecompileResult.success(BlsCodec.encodeG1(a.to_jacobian().add(b)));
    } catch (InvalidInput e) {
      return PrecompileResult.failure();
    }
  }

  /** Whether the point at {@code offset} has x = 0 but is not the all-zero infinity. */
  private static boolean hasZeroX(byte[] in, int offset) {
    return BlsCodec.isZero(in, offset, BlsCodec.FP_LENGTH)
        && !BlsCodec.isZero(in, offset + BlsCodec.FP_LENGTH, BlsCodec.FP_LENGTH);
  }

  /** The slow path for operands blst will not load: the order-3 points (0, +-2). */
  private static byte[] addOrderThreePoints(byte[] in) throws InvalidInput {
    return BlsCodec.encodeG1(AffineG1.add(readAffine(in, 0), readAffine(in, BlsCodec.G1_LENGTH)));
  }

  private static BigInteger[] readAffine(byte[] in, int offset) throws InvalidInput {
    BigInteger x = BlsCodec.readFp(in, offset);
    BigInteger y = BlsCodec.readFp(in, offset + BlsCodec.FP_LENGTH);
    if (x.signum() == 0 && y.signum() == 0) {
      return null;
    }
    if (!AffineG1.isOnCurve(x, y)) {
      throw new InvalidInput("G1 point is not on the curve");
    }
    return new BigInteger[] {x, y};
  }
}
