package io.zgnode.chain.exec;

import io.zgnode.evm.fork.Fork;
import java.math.BigInteger;

/** What a transaction may know about the block it executes in. All of it comes from consensus. */
public record BlockContext(
    long height,
    long timestampSeconds,
    Fork fork,
    BigInteger baseFee,
    BigInteger chainId,
    long gasLimit,
    int maxTxBytes) {}
