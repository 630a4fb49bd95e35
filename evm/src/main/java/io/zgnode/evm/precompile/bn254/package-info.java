/**
 * The BN254 precompiles: {@link io.zgnode.evm.precompile.bn254.Bn254Add} (0x06, ECADD), {@link
 * io.zgnode.evm.precompile.bn254.Bn254Mul} (0x07, ECMUL) and {@link
 * io.zgnode.evm.precompile.bn254.Bn254Pairing} (0x08, ECPAIRING), with EIP-196/197 semantics and
 * EIP-1108 gas (Istanbul onward, which covers every fork zgnode runs).
 */
package io.zgnode.evm.precompile.bn254;
