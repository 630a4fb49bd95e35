package io.zgnode.chain;

import io.zgnode.evm.types.Hash;

/** The last height whose Commit finished, and its app hash (what ABCI Info reports). */
public record CommittedInfo(long height, Hash appHash) {}
