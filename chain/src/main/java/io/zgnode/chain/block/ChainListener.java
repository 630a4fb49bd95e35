package io.zgnode.chain.block;

import io.zgnode.chain.mempool.PendingTx;

/**
 * Told of new blocks and new mempool transactions. Called on the consensus thread (blocks, after
 * the commit is durable) or a CheckTx thread (transactions): implementations must return quickly
 * and never throw; a listener that throws is logged and kept.
 */
public interface ChainListener {
  default void onBlockCommitted(CommittedBlock block) {}

  default void onPendingTransaction(PendingTx tx) {}
}
