package io.zgnode.evm.precompile.bn254;

import io.zgnode.evm.crypto.bn254.Bn254Exception;
import io.zgnode.evm.crypto.bn254.G1Point;
import io.zgnode.evm.precompile.Precompile;
import io.zgnode.evm.precompile.PrecompileResult;

/**
 * ECADD at address 0x06 (EIP-196, gas from EIP-1108): the input is read as 128 bytes (right-padded
 * with zeros, extra bytes ignored) holding two G1 points; the output is their 64-byte sum. Fails
 * when a coordinate is not below p or a point is not on the curve; (0, 0) is the point at infinity.
 */
public final class Bn254Add implements Precompile {
  /** EIP-1108 (Istanbul and later). */
  public static final long GAS = 150;

  @Override
  public long gasCost(byte[] input) {
    return GAS;
  }

  @Override
  public PrecompileResult execute(byte[] input) {
    byte[] in = Padding.rightPad(input, 128);
    try {
      G1Point a = G1Point.fromBytes(in, 0);
      G1Point b = G1Point.fromBytes(in, 64);
      return PrecompileResult.success(a.add(b).toBytes());
    } catch (Bn254Exception e) {
      return PrecompileResult.failure();
    }
  }
}
