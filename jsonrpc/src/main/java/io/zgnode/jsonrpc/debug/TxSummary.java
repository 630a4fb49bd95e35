package io.zgnode.jsonrpc.debug;

import io.zgnode.evm.types.Address;
import java.math.BigInteger;

/**
 * What a tracer's result needs beyond the EVM hooks: the message (for a transaction whose frame
 * never ran) and the gas as the receipt counts it.
 *
 * @param to null for a creation
 * @param gasLimit the transaction's gas limit (the top call frame's "gas")
 * @param gasUsed the gas charged after the refund (the receipt's)
 */
record TxSummary(
    Address from,
    Address to,
    byte[] input,
    BigInteger value,
    long gasLimit,
    long gasUsed,
    boolean success,
    String error) {}
