package io.zgnode.jsonrpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.zgnode.chain.mempool.PendingTx;
import io.zgnode.evm.tx.Transaction;
import io.zgnode.evm.types.Address;
import io.zgnode.jsonrpc.core.MethodRegistry;
import io.zgnode.jsonrpc.core.RpcException;
import io.zgnode.jsonrpc.core.RpcRequest;
import java.util.function.Function;

/**
 * geth's txpool namespace over the app's view of CometBFT's mempool. CheckTx refuses nonce gaps, so
 * every transaction is "pending" and "queued" is always empty. Senders appear in address order and
 * their transactions by nonce (keys are decimal nonces, as geth writes them).
 */
final class TxPoolMethods {
  private final ChainAccess access;

  TxPoolMethods(ChainAccess access) {
    this.access = access;
  }

  void register(MethodRegistry r) {
    r.register("txpool_status", this::status);
    r.register("txpool_content", this::content);
    r.register("txpool_contentFrom", this::contentFrom);
    r.register("txpool_inspect", this::inspect);
  }

  private JsonNode status(RpcRequest req) throws RpcException {
    req.maxParams(0);
    ObjectNode o = RpcJson.NODES.objectNode();
    o.set("pending", RpcJson.quantity(access.chain().pendingPool().size()));
    o.put("queued", "0x0");
    return o;
  }

  private JsonNode content(RpcRequest req) throws RpcException {
    req.maxParams(0);
    return bySender(TxPoolMethods::transaction);
  }

  private JsonNode contentFrom(RpcRequest req) throws RpcException {
    req.maxParams(1);
    Address a = RpcJson.parseAddress(req.requiredParam(0, "address"), "address");
    ObjectNode o = RpcJson.NODES.objectNode();
    ObjectNode pending = o.putObject("pending");
    o.putObject("queued");
    for (PendingTx p : access.chain().pendingPool().all()) {
      if (p.sender().equals(a)) {
        pending.set(nonceKey(p), transaction(p));
      }
    }
    return o;
  }

  /** geth's one-line summaries: "0xTo: VALUE wei + GAS gas × PRICE wei". */
  private JsonNode inspect(RpcRequest req) throws RpcException {
    req.maxParams(0);
    return bySender(p -> TextNode.valueOf(summary(p.tx())));
  }

  /** {"pending": {sender: {nonce: entry}}, "queued": {}} over the whole pool. */
  private ObjectNode bySender(Function<PendingTx, JsonNode> entry) {
    ObjectNode o = RpcJson.NODES.objectNode();
    ObjectNode pending = o.putObject("pending");
    o.putObject("queued");
    for (PendingTx p : access.chain().pendingPool().all()) {
      String from = RpcJson.address(p.sender()).asText();
      ObjectNode bySender =
          pending.has(from) ? (ObjectNode) pending.get(from) : pending.putObject(from);
      bySender.set(nonceKey(p), entry.apply(p));
    }
    return o;
  }

  private static String nonceKey(PendingTx p) {
    return Long.toUnsignedString(p.tx().nonce());
  }

  private static JsonNode transaction(PendingTx p) {
    return EthJson.pendingTransaction(p.tx(), p.sender());
  }

  static String summary(Transaction tx) {
    String to = tx.to() == null ? "contract creation" : tx.to().toChecksumHex();
    return to
        + ": "
        + tx.value()
        + " wei + "
        + Long.toUnsignedString(tx.gasLimit())
        + " gas \u00d7 "
        + tx.gasPrice()
        + " wei";
  }
}
