package io.zgnode.chain.block;

import io.zgnode.evm.types.Hash;
import io.zgnode.evm.world.Log;

/** A log with its position in the chain, as eth_getLogs reports it. */
public record IndexedLog(
    Log log, long blockNumber, Hash blockHash, Hash txHash, int txIndex, int logIndex) {}
