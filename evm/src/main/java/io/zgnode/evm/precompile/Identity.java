package io.zgnode.evm.precompile;

/** 0x04 IDENTITY: returns its input; 15 gas plus 3 per 32-byte word. */
public final class Identity implements Precompile {
  @Override
  public long gasCost(byte[] input) {
    return GasWords.linear(15, 3, input.length);
  }

  @Override
  public PrecompileResult execute(byte[] input) {
    // A copy, so that the caller's buffer and the returned data never alias.
    return PrecompileResult.success(input.clone());
  }
}
