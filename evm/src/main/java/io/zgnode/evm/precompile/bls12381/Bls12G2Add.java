package io.zgnode.evm.precompile.bls12381;

import io.zgnode.evm.precompile.Precompile;
import io.zgnode.evm.precompile.PrecompileResult;
import supranational.blst.P2_Affine;

/**
 * 0x0d BLS12_G2ADD (EIP-2537): the sum of two G2 points (512 bytes in, 256 out). Points must be on
 * the curve; there is no subgroup check. Gas 600.
 */
public final class Bls12G2Add implements Precompile {
  static final long GAS = 600;
  private static final int INPUT_LENGTH = 2 * BlsCodec.G2_LENGTH;

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
      // No G2 point has x = 0 (4(1 + i) is not a square in Fp2), so blst loads every valid input.
      P2_Affine a = BlsCodec.readG2(input, 0);
      P2_Affine b = BlsCodec.readG2(input, BlsCodec.G2_LENGTH);
      return PrecompileResult.success(BlsCodec.encodeG2(a.to_jacobian().add(b)));
    } catch (InvalidInput e) {
      return PrecompileResult.failure();
    }
  }
}
