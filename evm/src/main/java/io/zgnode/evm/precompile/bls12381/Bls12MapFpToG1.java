package io.zgnode.evm.precompile.bls12381;

import io.zgnode.evm.precompile.Precompile;
import io.zgnode.evm.precompile.PrecompileResult;
import java.math.BigInteger;

/**
 * 0x10 BLS12_MAP_FP_TO_G1 (EIP-2537): maps a field element (64 bytes) to a G1 point (128 bytes)
 * with RFC 9380's simplified SWU map, the 11-isogeny and cofactor clearing by h_eff. Gas 5500.
 */
public final class Bls12MapFpToG1 implements Precompile {
  static final long GAS = 5500;
  private static final BigInteger H_EFF = new BigInteger("d201000000010001", 16);

  @Override
  public long gasCost(byte[] input) {
    return GAS;
  }

  @Override
  public PrecompileResult execute(byte[] input) {
    if (input.length != BlsCodec.FP_LENGTH) {
      return PrecompileResult.failure();
    }
    try {
      BigInteger[] q = SswuG1.map(BlsCodec.readFp(input, 0));
      if (q == null) {
        return PrecompileResult.success(new byte[BlsCodec.G1_LENGTH]);
      }
      if (q[0].signum() == 0) {
        // (0, +-2) has order 3 and blst will not load it; h_eff * Q is cheap to do by hand.
        return PrecompileResult.success(BlsCodec.encodeG1(AffineG1.multiply(q, H_EFF)));
      }
      byte[] serialized = BlsCodec.serializeG1(q[0], q[1]);
      return PrecompileResult.success(
          BlsCodec.encodeG1(BlsCodec.loadG1(serialized).to_jacobian().mult(H_EFF)));
    } catch (InvalidInput e) {
      return PrecompileResult.failure();
    }
  }
}
