package io.zgnode.evm.processor;

import io.zgnode.evm.types.Address;
import io.zgnode.evm.types.Hash;
import java.math.BigInteger;
import java.util.Objects;
import java.util.function.LongFunction;

/**
 * The block a transaction runs in, as the block opcodes see it.
 *
 * @param number the block number (unsigned 64-bit)
 * @param timestamp seconds since the epoch (unsigned 64-bit)
 * @param coinbase who receives the priority fees
 * @param gasLimit the block gas limit; a transaction may not ask for more
 * @param baseFee the EIP-1559 base fee per gas
 * @param difficulty DIFFICULTY before Paris (ignored from Paris on)
 * @param prevRandao PREVRANDAO from Paris on (EIP-4399)
 * @param blobBaseFee the EIP-4844 blob base fee (zero before Cancun)
 * @param chainId CHAINID
 * @param blockHashes the hash of an earlier block by number, for BLOCKHASH (asked only for the 256
 *     blocks before this one)
 */
public record BlockContext(
    long number,
    long timestamp,
    Address coinbase,
    long gasLimit,
    BigInteger baseFee,
    BigInteger difficulty,
    Hash prevRandao,
    BigInteger blobBaseFee,
    BigInteger chainId,
    LongFunction<Hash> blockHashes) {
  public BlockContext {
    Objects.requireNonNull(coinbase, "coinbase");
    Objects.requireNonNull(baseFee, "baseFee");
    Objects.requireNonNull(difficulty, "difficulty");
    Objects.requireNonNull(prevRandao, "prevRandao");
    Objects.requireNonNull(blobBaseFee, "blobBaseFee");
    Objects.requireNonNull(chainId, "chainId");
    Objects.requireNonNull(blockHashes, "blockHashes");
  }
}
