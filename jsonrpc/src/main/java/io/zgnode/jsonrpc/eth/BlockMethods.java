package io.zgnode.jsonrpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import io.zgnode.chain.block.BlockBody;
import io.zgnode.chain.block.EthHeader;
import io.zgnode.chain.receipt.Receipt;
import io.zgnode.jsonrpc.core.MethodRegistry;
import io.zgnode.jsonrpc.core.RpcException;
import io.zgnode.jsonrpc.core.RpcRequest;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Blocks and their contents: eth_blockNumber, eth_getBlockBy*, transaction counts, transactions by
 * block and index, block receipts and the (always empty) uncles. An unknown block answers null, as
 * geth does; "pending" is the {@link PendingBlock}.
 */
final class BlockMethods {
  private final ChainAccess access;

  BlockMethods(ChainAccess access) {
    this.access = access;
  }

  void register(MethodRegistry r) {
    r.register("eth_blockNumber", this::blockNumber);
    r.register("eth_getBlockByNumber", this::blockByNumber);
    r.register("eth_getBlockByHash", this::blockByHash);
    r.register("eth_getBlockTransactionCountByNumber", this::txCountByNumber);
    r.register("eth_getBlockTransactionCountByHash", this::txCountByHash);
    r.register("eth_getTransactionByBlockNumberAndIndex", this::txByNumberAndIndex);
    r.register("eth_getTransactionByBlockHashAndIndex", this::txByHashAndIndex);
    r.register("eth_getBlockReceipts", this::blockReceipts);
    r.register("eth_getUncleCountByBlockNumber", this::uncleCountByNumber);
    r.register("eth_getUncleCountByBlockHash", this::uncleCountByHash);
    r.register("eth_getUncleByBlockNumberAndIndex", this::uncleByNumber);
    r.register("eth_getUncleByBlockHashAndIndex", this::uncleByHash);
  }

  private JsonNode blockNumber(RpcRequest req) throws RpcException {
    req.maxParams(0);
    return RpcJson.quantity(access.chain().latestHeight());
  }

  private JsonNode blockByNumber(RpcRequest req) throws RpcException {
    req.maxParams(2);
    OptionalLong n = access.blockByNumberParam(req.requiredParam(0, "blockNumber"));
    boolean full = fullTxParam(req);
    if (n.isEmpty()) {
      return NullNode.getInstance();
    }
    if (n.getAsLong() == BlockTags.PENDING) {
      return PendingBlock.assemble(access.chain()).json(full);
    }
    return orNull(access.block(n.getAsLong(), full));
  }

  private JsonNode blockByHash(RpcRequest req) throws RpcException {
    req.maxParams(2);
    OptionalLong n = access.blockByHashParam(req.requiredParam(0, "blockHash"));
    boolean full = fullTxParam(req);
    return n.isEmpty() ? NullNode.getInstance() : orNull(access.block(n.getAsLong(), full));
  }

  private static boolean fullTxParam(RpcRequest req) throws RpcException {
    JsonNode p = req.param(1);
    return p.isMissingNode() || p.isNull() ? false : RpcJson.parseBoolean(p, "1");
  }

  private JsonNode txCountByNumber(RpcRequest req) throws RpcException {
    req.maxParams(1);
    OptionalLong n = access.blockByNumberParam(req.requiredParam(0, "blockNumber"));
    if (n.isPresent() && n.getAsLong() == BlockTags.PENDING) {
      return RpcJson.quantity(PendingBlock.assemble(access.chain()).txs().size());
    }
    return txCount(n);
  }

  private JsonNode txCountByHash(RpcRequest req) throws RpcException {
    req.maxParams(1);
    return txCount(access.blockByHashParam(req.requiredParam(0, "blockHash")));
  }

  private JsonNode txCount(OptionalLong n) {
    if (n.isEmpty()) {
      return NullNode.getInstance();
    }
    Optional<BlockBody> body = access.chain().body(n.getAsLong());
    return body.isEmpty() ? NullNode.getInstance() : RpcJson.quantity(body.get().txHashes().size());
  }

  private JsonNode txByNumberAndIndex(RpcRequest req) throws RpcException {
    req.maxParams(2);
    OptionalLong n = access.blockByNumberParam(req.requiredParam(0, "blockNumber"));
    int index = RpcJson.parseIndex(req.requiredParam(1, "index"), "index");
    if (n.isPresent() && n.getAsLong() == BlockTags.PENDING) {
      PendingBlock p = PendingBlock.assemble(access.chain());
      if (index >= p.txs().size()) {
        return NullNode.getInstance();
      }
      var tx = p.txs().get(index);
      return EthJson.pendingTransaction(tx.tx(), tx.sender());
    }
    return txAt(n, index);
  }

  private JsonNode txByHashAndIndex(RpcRequest req) throws RpcException {
    req.maxParams(2);
    OptionalLong n = access.blockByHashParam(req.requiredParam(0, "blockHash"));
    int index = RpcJson.parseIndex(req.requiredParam(1, "index"), "index");
    return txAt(n, index);
  }

  private JsonNode txAt(OptionalLong n, int index) throws RpcException {
    if (n.isEmpty()) {
      return NullNode.getInstance();
    }
    Optional<EthHeader> h = access.chain().header(n.getAsLong());
    Optional<BlockBody> b = access.chain().body(n.getAsLong());
    if (h.isEmpty() || b.isEmpty() || index >= b.get().rawTxs().size()) {
      return NullNode.getInstance();
    }
    List<Receipt> receipts = access.chain().blockReceipts(n.getAsLong());
    return access.committedTx(
        h.get(), h.get().hash(), b.get(), index, ChainAccess.senderFromReceipts(receipts, index));
  }

  private JsonNode blockReceipts(RpcRequest req) throws RpcException {
    req.maxParams(1);
    OptionalLong n = BlockTags.tryResolve(access.chain(), req.requiredParam(0, "block"), "latest");
    if (n.isEmpty() || n.getAsLong() == BlockTags.PENDING) {
      return NullNode.getInstance();
    }
    Optional<EthHeader> h = access.chain().header(n.getAsLong());
    if (h.isEmpty()) {
      return NullNode.getInstance();
    }
    ArrayNode out = RpcJson.NODES.arrayNode();
    for (Receipt r : access.chain().blockReceipts(n.getAsLong())) {
      out.add(EthJson.receipt(r, h.get().hash(), h.get().timestamp()));
    }
    return out;
  }

  private JsonNode uncleCountByNumber(RpcRequest req) throws RpcException {
    req.maxParams(1);
    OptionalLong n = access.blockByNumberParam(req.requiredParam(0, "blockNumber"));
    if (n.isPresent() && n.getAsLong() == BlockTags.PENDING) {
      return RpcJson.quantity(0);
    }
    return n.isPresent() && access.chain().header(n.getAsLong()).isPresent()
        ? RpcJson.quantity(0)
        : NullNode.getInstance();
  }

  private JsonNode uncleCountByHash(RpcRequest req) throws RpcException {
    req.maxParams(1);
    OptionalLong n = access.blockByHashParam(req.requiredParam(0, "blockHash"));
    return n.isPresent() ? RpcJson.quantity(0) : NullNode.getInstance();
  }

  private JsonNode uncleByNumber(RpcRequest req) throws RpcException {
    req.maxParams(2);
    access.blockByNumberParam(req.requiredParam(0, "blockNumber"));
    RpcJson.parseIndex(req.requiredParam(1, "index"), "index");
    return NullNode.getInstance();
  }

  private JsonNode uncleByHash(RpcRequest req) throws RpcException {
    req.maxParams(2);
    RpcJson.parseHash(req.requiredParam(0, "blockHash"), "blockHash");
    RpcJson.parseIndex(req.requiredParam(1, "index"), "index");
    return NullNode.getInstance();
  }

  private static JsonNode orNull(JsonNode n) {
    return n == null ? NullNode.getInstance() : n;
  }
}
