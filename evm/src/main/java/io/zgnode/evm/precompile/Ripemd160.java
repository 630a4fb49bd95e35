package io.zgnode.evm.precompile;

import org.bouncycastle.crypto.digests.RIPEMD160Digest;

/**
 * 0x03 RIPEMD160: the 20-byte RIPEMD-160 digest, left-padded with zeros to a 32-byte word; 600 gas
 * plus 120 per 32-byte word.
 */
public final class Ripemd160 implements Precompile {
  @Override
  public long gasCost(byte[] input) {
    return GasWords.linear(600, 120, input.length);
  }

  @Override
  public PrecompileResult execute(byte[] input) {
    RIPEMD160Digest digest = new RIPEMD160Digest();
    digest.update(input, 0, input.length);
    byte[] out = new byte[32];
    digest.doFinal(out, 12);
    return PrecompileResult.success(out);
  }
}
