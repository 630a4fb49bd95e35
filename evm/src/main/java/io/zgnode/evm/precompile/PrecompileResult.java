package io.zgnode.evm.precompile;

/**
 * The outcome of a precompile: success with output bytes, or failure (which consumes all the call's
 * gas and returns nothing, like an exceptional halt).
 */
public record PrecompileResult(boolean success, byte[] output) {
  private static final PrecompileResult FAILURE = new PrecompileResult(false, new byte[0]);

  public static PrecompileResult success(byte[] output) {
    return new PrecompileResult(true, output);
  }

  public static PrecompileResult failure() {
    return FAILURE;
  }
}
