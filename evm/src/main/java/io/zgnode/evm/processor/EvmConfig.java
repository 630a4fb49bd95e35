package io.zgnode.evm.processor;

import io.zgnode.evm.fork.Fork;
import io.zgnode.evm.frame.CodeCache;
import io.zgnode.evm.gas.GasCalculator;
import io.zgnode.evm.operation.OperationRegistry;
import io.zgnode.evm.precompile.Precompile;
import io.zgnode.evm.precompile.PrecompileRegistry;
import io.zgnode.evm.types.Address;
import java.util.Map;
import java.util.Objects;

/**
 * Everything fork-specific the EVM needs, built once and shared by every transaction of that fork:
 * the gas schedule, the instruction set, the precompiles and a cache of analysed code.
 *
 * @param precompiles the precompiles by address (from {@code PrecompileRegistry.forFork(fork)})
 */
public record EvmConfig(
    Fork fork,
    GasCalculator gasCalculator,
    OperationRegistry operations,
    Map<Address, Precompile> precompiles,
    CodeCache codeCache) {
  public EvmConfig {
    Objects.requireNonNull(fork, "fork");
    Objects.requireNonNull(gasCalculator, "gasCalculator");
    Objects.requireNonNull(operations, "operations");
    Objects.requireNonNull(precompiles, "precompiles");
    Objects.requireNonNull(codeCache, "codeCache");
    precompiles = Map.copyOf(precompiles);
  }

  /** The configuration of {@code fork} with its standard precompiles and a fresh code cache. */
  public static EvmConfig forFork(Fork fork) {
    return of(fork, PrecompileRegistry.forFork(fork));
  }

  /** The configuration of {@code fork} with the given precompiles and a fresh code cache. */
  public static EvmConfig of(Fork fork, Map<Address, Precompile> precompiles) {
    return new EvmConfig(
        fork,
        GasCalculator.forFork(fork),
        OperationRegistry.forFork(fork),
        precompiles,
        new CodeCache());
  }
}
