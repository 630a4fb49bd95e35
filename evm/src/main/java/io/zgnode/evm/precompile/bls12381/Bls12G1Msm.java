package io.zgnode.evm.precompile.bls12381;

import io.zgnode.evm.precompile.Precompile;
import io.zgnode.evm.precompile.PrecompileResult;
import java.math.BigInteger;
import supranational.blst.P1;
import supranational.blst.P1_Affine;

/**
 * 0x0c BLS12_G1MSM (EIP-2537): {@code sum s_i * P_i} over k > 0 pairs of a G1 point (128 bytes, on
 * the curve and in the subgroup) and a 32-byte scalar (any value). Gas: k * 12000 times the G1
 * discount for k, over 1000.
 *
 * <p>The sum is computed term by term with blst's constant-time multiplication, skipping zero
 * scalars and infinity. Scalars are reduced mod r first, which is exact for subgroup points.
 */
public final class Bls12G1Msm implements Precompile {
  static final long MULTIPLICATION_GAS = 12_000;
  private static final int PAIR_LENGTH = BlsCodec.G1_LENGTH + BlsCodec.SCALAR_LENGTH;

  @Override
  public long gasCost(byte[] input) {
    return MsmDiscount.gas(input.length / PAIR_LENGTH, MULTIPLICATION_GAS, MsmDiscount.G1);
  }

  @Override
  public PrecompileResult execute(byte[] input) {
    if (input.length == 0 || input.length % PAIR_LENGTH != 0) {
      return PrecompileResult.failure();
    }
    try {
      P1 acc = null;
      for (int offset = 0; offset < input.length; offset += PAIR_LENGTH) {
        P1_Affine point = BlsCodec.readG1InSubgroup(input, offset);
        BigInteger scalar = BlsCodec.readScalarModR(input, offset + BlsCodec.G1_LENGTH);
        if (point.is_inf() || scalar.signum() == 0) {
          continue;
        }
        P1 term = point.to_jacobian().mult(scalar);
        acc = acc == null ? term : acc.add(term);
      }
      return PrecompileResult.success(
          acc == null ? new byte[BlsCodec.G1_LENGTH] : BlsCodec.encodeG1(acc));
    } catch (InvalidInput e) {
      return PrecompileResult.failure();
    }
  }
}
