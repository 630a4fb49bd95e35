package io.zgnode.evm.precompile;

import io.zgnode.evm.crypto.Secp256k1;
import io.zgnode.evm.types.Address;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * 0x01 ECRECOVER: the address that signed a 32-byte hash. Input {@code hash || v || r || s} (32
 * bytes each, short input zero-padded, extra bytes ignored); {@code v} must be 27 or 28 as a whole
 * 32-byte word. High {@code s} is accepted, unlike in transactions. Any invalid input, or a
 * signature from which no key recovers, gives an empty output (a success: the call does not fail).
 */
public final class EcRecover implements Precompile {
  static final long GAS = 3000;
  private static final int INPUT_LENGTH = 128;
  private static final byte[] EMPTY = new byte[0];

  @Override
  public long gasCost(byte[] input) {
    return GAS;
  }

  @Override
  public PrecompileResult execute(byte[] input) {
    byte[] in = input.length >= INPUT_LENGTH ? input : Arrays.copyOf(input, INPUT_LENGTH);
    for (int i = 32; i < 63; i++) {
      if (in[i] != 0) {
        return PrecompileResult.success(EMPTY);
      }
    }
    int v = in[63] & 0xff;
    if (v != 27 && v != 28) {
      return PrecompileResult.success(EMPTY);
    }
    byte[] hash = Arrays.copyOfRange(in, 0, 32);
    BigInteger r = new BigInteger(1, Arrays.copyOfRange(in, 64, 96));
    BigInteger s = new BigInteger(1, Arrays.copyOfRange(in, 96, 128));
    Address signer = Secp256k1.recoverAddress(hash, r, s, v - 27);
    if (signer == null) {
      return PrecompileResult.success(EMPTY);
    }
    byte[] out = new byte[32];
    System.arraycopy(signer.bytesUnsafe(), 0, out, 12, Address.LENGTH);
    return PrecompileResult.success(out);
  }
}
