package io.zgnode.chain.mempool;

import io.zgnode.evm.types.Address;
import io.zgnode.evm.types.Hash;
import java.util.List;
import java.util.Optional;

/**
 * The app's view of CometBFT's mempool, for the JSON-RPC: transactions by hash, per sender in nonce
 * order. Transactions enter when CheckTx accepts them, leave when a committed block includes them
 * or a recheck refuses them; one that CometBFT dropped silently (full mempool, TTL) leaves at the
 * second commit after its last successful check. Thread-safe.
 */
public final class PendingPool {

  /** CheckTx (new or recheck) accepted {@code tx}: add it, or mark it seen in this generation. */
  public void accepted(PendingTx tx) {
    throw new UnsupportedOperationException("TODO");
  }

  /** A recheck refused the transaction: CometBFT drops it from its mempool, so do we. */
  public void refused(Hash hash) {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * A block committed: drop {@code included}, start a new generation, and drop what was not
   * accepted or rechecked since the commit before this one (CometBFT dropped it silently).
   */
  public void committed(java.util.Collection<Hash> included) {
    throw new UnsupportedOperationException("TODO");
  }

  /** The transaction with this hash, if it is pending. */
  public Optional<PendingTx> byHash(Hash hash) {
    throw new UnsupportedOperationException("TODO");
  }

  /** All pending transactions, by sender (address order) then nonce. */
  public List<PendingTx> all() {
    throw new UnsupportedOperationException("TODO");
  }

  /** How many transactions are pending. */
  public int size() {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * The committed nonce plus the sender's pending transactions with contiguous nonces from it: what
   * eth_getTransactionCount(addr, "pending") answers.
   */
  public long pendingNonce(Address sender, long committedNonce) {
    throw new UnsupportedOperationException("TODO");
  }
}
