package io.zgnode.jsonrpc.eth;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.zgnode.chain.mempool.PendingTx;

/** A transaction CheckTx admitted, with its JSON built once for every subscriber (event thread). */
final class PendingEvent {
  private final PendingTx tx;
  private TextNode hash;
  private ObjectNode full;

  PendingEvent(PendingTx tx) {
    this.tx = tx;
  }

  TextNode hashJson() {
    if (hash == null) {
      hash = RpcJson.hash(tx.hash());
    }
    return hash;
  }

  ObjectNode fullJson() {
    if (full == null) {
      full = EthJson.pendingTransaction(tx.tx(), tx.sender());
    }
    return full;
  }
}
