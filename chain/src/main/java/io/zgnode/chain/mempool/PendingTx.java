package io.zgnode.chain.mempool;

import io.zgnode.evm.tx.Transaction;
import io.zgnode.evm.types.Address;
import io.zgnode.evm.types.Hash;

/** A transaction CheckTx let into the mempool that no committed block includes yet. */
public record PendingTx(Hash hash, byte[] raw, Transaction tx, Address sender) {}
