package io.zgnode.evm.precompile;

/**
 * A precompiled contract: a native function at a fixed address. The interpreter charges {@link
 * #gasCost} before calling {@link #execute}; if the gas is not there the call fails with all its
 * gas consumed, as for any out-of-gas. Implementations are stateless and thread-safe, and never
 * throw for bad input: a failure is {@link PrecompileResult#failure()}.
 */
public interface Precompile {

  /** The gas this input costs; {@link Long#MAX_VALUE} when it is more than any call could pay. */
  long gasCost(byte[] input);

  /** Runs on {@code input} (never modified). */
  PrecompileResult execute(byte[] input);
}
