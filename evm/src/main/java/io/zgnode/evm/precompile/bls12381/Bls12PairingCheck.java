package io.zgnode.evm.precompile.bls12381;

import io.zgnode.evm.precompile.Precompile;
import io.zgnode.evm.precompile.PrecompileResult;
import supranational.blst.P1_Affine;
import supranational.blst.P2_Affine;
import supranational.blst.PT;

/**
 * 0x0f BLS12_PAIRING_CHECK (EIP-2537): whether {@code e(P_1, Q_1) * ... * e(P_k, Q_k) = 1} for k >
 * 0 pairs of a G1 point (128 bytes) and a G2 point (256 bytes), each on its curve and in its
 * subgroup. Output a 32-byte word 1 or 0. A pair with an infinity contributes 1. Gas 32600 k +
 * 37700.
 */
public final class Bls12PairingCheck implements Precompile {
  static final long PER_PAIR_GAS = 32_600;
  static final long BASE_GAS = 37_700;
  private static final int PAIR_LENGTH = BlsCodec.G1_LENGTH + BlsCodec.G2_LENGTH;

  @Override
  public long gasCost(byte[] input) {
    return PER_PAIR_GAS * (input.length / PAIR_LENGTH) + BASE_GAS;
  }

  @Override
  public PrecompileResult execute(byte[] input) {
    if (input.length == 0 || input.length % PAIR_LENGTH != 0) {
      return PrecompileResult.failure();
    }
    try {
      PT product = null;
      for (int offset = 0; offset < input.length; offset += PAIR_LENGTH) {
        P1_Affine p = BlsCodec.readG1InSubgroup(input, offset);
        P2_Affine q = BlsCodec.readG2InSubgroup(input, offset + BlsCodec.G1_LENGTH);
        if (p.is_inf() || q.is_inf()) {
          continue;
        }
        // Miller loops multiply together; one final exponentiation at the end.
        PT loop = new PT(p, q);
        product = product == null ? loop : product.mul(loop);
      }
      boolean one = product == null || product.final_exp().is_one();
      byte[] out = new byte[32];
      out[31] = (byte) (one ? 1 : 0);
      return PrecompileResult.success(out);
    } catch (InvalidInput e) {
      return PrecompileResult.failure();
    }
  }
}
