package io.zgnode.evm.precompile.bn254;

import io.zgnode.evm.crypto.bn254.Bn254Exception;
import io.zgnode.evm.crypto.bn254.G1Point;
import io.zgnode.evm.crypto.bn254.G2Point;
import io.zgnode.evm.crypto.bn254.Pairing;
import io.zgnode.evm.precompile.Precompile;
import io.zgnode.evm.precompile.PrecompileResult;

/**
 * ECPAIRING at address 0x08 (EIP-197, gas from EIP-1108): the input is k ≥ 0 pairs of a G1 point
 * (64 bytes) and a G2 point (128 bytes, X.im, X.re, Y.im, Y.re); the output is 32 bytes, 1 when the
 * product of the pairings is 1 (so also for empty input) and 0 otherwise. Fails when the length is
 * not a multiple of 192, a coordinate is not below p, a point is off its curve, or a G2 point is
 * outside the order-r subgroup.
 */
public final class Bn254Pairing implements Precompile {
  /** EIP-1108 (Istanbul and later). */
  public static final long BASE_GAS = 45_000;

  public static final long PER_PAIR_GAS = 34_000;

  private static final int PAIR_BYTES = 192;

  @Override
  public long gasCost(byte[] input) {
    return BASE_GAS + PER_PAIR_GAS * (input.length / PAIR_BYTES);
  }

  @Override
  public PrecompileResult execute(byte[] input) {
    if (input.length % PAIR_BYTES != 0) {
      return PrecompileResult.failure();
    }
    int k = input.length / PAIR_BYTES;
    G1Point[] a = new G1Point[k];
    G2Point[] b = new G2Point[k];
    try {
      for (int i = 0; i < k; i++) {
        a[i] = G1Point.fromBytes(input, PAIR_BYTES * i);
        b[i] = G2Point.fromEip197Bytes(input, PAIR_BYTES * i + 64);
      }
    } catch (Bn254Exception e) {
      return PrecompileResult.failure();
    }
    byte[] out = new byte[32];
    if (Pairing.pairingCheck(a, b)) {
      out[31] = 1;
    }
    return PrecompileResult.success(out);
  }
}
