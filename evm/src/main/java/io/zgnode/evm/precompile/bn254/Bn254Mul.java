package io.zgnode.evm.precompile.bn254;

import io.zgnode.evm.crypto.bn254.Bn254Exception;
import io.zgnode.evm.crypto.bn254.G1Point;
import io.zgnode.evm.precompile.Precompile;
import io.zgnode.evm.precompile.PrecompileResult;
import java.math.BigInteger;

/**
 * ECMUL at address 0x07 (EIP-196, gas from EIP-1108): the input is read as 96 bytes (right-padded
 * with zeros, extra bytes ignored), a G1 point and a 256-bit big-endian scalar (any value; G1 has
 * prime order r, so it acts mod r); the output is the 64-byte product. Fails when a coordinate is
 * not below p or the point is not on the curve.
 */
public final class Bn254Mul implements Precompile {
  /** EIP-1108 (Istanbul and later). */
  public static final long GAS = 6000;

  @Override
  public long gasCost(byte[] input) {
    return GAS;
  }

  @Override
  public PrecompileResult execute(byte[] input) {
    byte[] in = Padding.rightPad(input, 96);
    try {
      G1Point p = G1Point.fromBytes(in, 0);
      byte[] scalar = new byte[32];
      System.arraycopy(in, 64, scalar, 0, 32);
      return PrecompileResult.success(p.multiply(new BigInteger(1, scalar)).toBytes());
    } catch (Bn254Exception e) {
      return PrecompileResult.failure();
    }
  }
}
