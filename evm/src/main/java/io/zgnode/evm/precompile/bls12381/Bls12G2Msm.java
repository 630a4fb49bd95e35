package io.zgnode.evm.precompile.bls12381;

import io.zgnode.evm.precompile.Precompile;
import io.zgnode.evm.precompile.PrecompileResult;
import java.math.BigInteger;
import supranational.blst.P2;
import supranational.blst.P2_Affine;

/**
 * 0x0e BLS12_G2MSM (EIP-2537): {@code sum s_i * Q_i} over k > 0 pairs of a G2 point (256 bytes, on
 * the curve and in the subgroup) and a 32-byte scalar. Gas: k * 22500 times the G2 discount for k,
 * over 1000. Computed as {@link Bls12G1Msm} does.
 */
public final class Bls12G2Msm implements Precompile {
  static final long MULTIPLICATION_GAS = 22_500;
  private static final int PAIR_LENGTH = BlsCodec.G2_LENGTH + BlsCodec.SCALAR_LENGTH;

  @Override
  public long gasCost(byte[] input) {
    return MsmDiscount.gas(input.length / PAIR_LENGTH, MULTIPLICATION_GAS, MsmDiscount.G2);
  }

  @Override
  public PrecompileResult execute(byte[] input) {
    if (input.length == 0 || input.length % PAIR_LENGTH != 0) {
      return PrecompileResult.failure();
    }
    try {
      P2 acc = null;
      for (int offset = 0; offset < input.length; offset += PAIR_LENGTH) {
        P2_Affine point = BlsCodec.readG2InSubgroup(input, offset);
        BigInteger scalar = BlsCodec.readScalarModR(input, offset + BlsCodec.G2_LENGTH);
        if (point.is_inf() || scalar.signum() == 0) {
          continue;
        }
        P2 term = point.to_jacobian().mult(scalar);
        acc = acc == null ? term : acc.add(term);
      }
      return PrecompileResult.success(
          acc == null ? new byte[BlsCodec.G2_LENGTH] : BlsCodec.encodeG2(acc));
    } catch (InvalidInput e) {
      return PrecompileResult.failure();
    }
  }
}
