package io.zgnode.evm.precompile;

import org.bouncycastle.crypto.digests.SHA256Digest;

/** 0x02 SHA256: the SHA-256 digest of the input; 60 gas plus 12 per 32-byte word. */
public final class Sha256 implements Precompile {
  @Override
  public long gasCost(byte[] input) {
    return GasWords.linear(60, 12, input.length);
  }

  @Override
  public PrecompileResult execute(byte[] input) {
    SHA256Digest digest = new SHA256Digest();
    digest.update(input, 0, input.length);
    byte[] out = new byte[32];
    digest.doFinal(out, 0);
    return PrecompileResult.success(out);
  }
}
