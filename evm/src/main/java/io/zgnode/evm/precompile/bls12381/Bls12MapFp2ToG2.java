package io.zgnode.evm.precompile.bls12381;

import io.zgnode.evm.precompile.Precompile;
import io.zgnode.evm.precompile.PrecompileResult;

/**
 * 0x11 BLS12_MAP_FP2_TO_G2 (EIP-2537): maps an Fp2 element (128 bytes, c0 || c1) to a G2 point (256
 * bytes) with RFC 9380's simplified SWU map, the 3-isogeny and cofactor clearing by h_eff (computed
 * with the psi endomorphism). Gas 23800.
 */
public final class Bls12MapFp2ToG2 implements Precompile {
  static final long GAS = 23_800;

  @Override
  public long gasCost(byte[] input) {
    return GAS;
  }

  @Override
  public PrecompileResult execute(byte[] input) {
    if (input.length != 2 * BlsCodec.FP_LENGTH) {
      return PrecompileResult.failure();
    }
    try {
      Fp2 u = new Fp2(BlsCodec.readFp(input, 0), BlsCodec.readFp(input, BlsCodec.FP_LENGTH));
      Fp2[] q = SswuG2.map(u);
      if (q == null) {
        return PrecompileResult.success(new byte[BlsCodec.G2_LENGTH]);
      }
      return PrecompileResult.success(BlsCodec.encodeG2(G2CofactorClearing.clear(q[0], q[1])));
    } catch (InvalidInput e) {
      return PrecompileResult.failure();
    }
  }
}
