package io.zgnode.chain.block;

import io.zgnode.evm.types.Hash;

/** Where a committed transaction sits: its block and its index in that block. */
public record TxLocation(long blockNumber, Hash blockHash, int index) {}
