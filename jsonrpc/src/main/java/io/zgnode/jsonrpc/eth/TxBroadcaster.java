package io.zgnode.jsonrpc.eth;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;

/**
 * Hands a signed transaction to the consensus engine's mempool and reports its admission check.
 * Implementations must be thread-safe: RPC worker threads call them concurrently.
 */
@FunctionalInterface
public interface TxBroadcaster {

  /**
   * Submits {@code raw} (the EIP-2718 envelope) and waits for the mempool's check.
   *
   * @return accepted, or refused with a message worded as geth words it
   * @throws IOException when the mempool cannot be reached or does not answer in time
   */
  BroadcastResult broadcast(byte[] raw) throws IOException;

  /**
   * Submits {@code raw} without waiting. Submissions with the same {@code orderKey} (the sender)
   * reach the mempool in the order of these calls; the future fails with an {@link IOException}
   * when the mempool cannot be reached. By default a synchronous {@link #broadcast}.
   */
  default CompletableFuture<BroadcastResult> submit(byte[] raw, int orderKey) {
    try {
      return CompletableFuture.completedFuture(broadcast(raw));
    } catch (IOException e) {
      return CompletableFuture.failedFuture(e);
    }
  }
}
