package io.zgnode.chain.exec;

import io.zgnode.chain.ChainParams;
import io.zgnode.evm.fork.Fork;
import io.zgnode.evm.types.Hash;
import java.math.BigInteger;
import java.util.function.LongFunction;

/** What a transaction may know about the block it executes in. All of it comes from consensus. */
public record BlockContext(
    long height,
    long timestampSeconds,
    Fork fork,
    BigInteger baseFee,
    BigInteger chainId,
    long gasLimit,
    int maxTxBytes,
    Hash randomness,
    LongFunction<Hash> blockHashes) {

  /** The block as the EVM's block opcodes see it; the coinbase is the fee collector. */
  public io.zgnode.evm.processor.BlockContext evmBlock() {
    return new io.zgnode.evm.processor.BlockContext(
        height,
        timestampSeconds,
        ChainParams.FEE_COLLECTOR,
        gasLimit,
        baseFee,
        BigInteger.ZERO,
        randomness,
        BigInteger.ONE,
        chainId,
        blockHashes);
  }
}
