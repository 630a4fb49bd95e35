package io.zgnode.jsonrpc.eth;

import java.io.IOException;

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
}
