package io.zgnode.jsonrpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zgnode.chain.Chain;
import io.zgnode.chain.ChainParams;
import io.zgnode.chain.block.BlockAssembler;
import io.zgnode.chain.block.EthHeader;
import io.zgnode.chain.exec.BlockContext;
import io.zgnode.chain.mempool.PendingTx;
import io.zgnode.evm.types.Address;
import io.zgnode.evm.types.Hash;
import io.zgnode.jsonrpc.core.RpcException;
import io.zgnode.state.world.WorldView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The "pending" block: what the next block would hold if it were proposed now. It is assembled, not
 * executed: the mempool's executable transactions (each sender's contiguous nonces from its
 * committed nonce, in the pool's sender-then-nonce order, while their gas limits fit the block gas
 * limit), over the latest state. Like geth's pending block it has no hash, nonce or miner; since
 * nothing ran, gasUsed is 0, the receipts root is the empty trie, the bloom is empty and the state
 * root is the latest block's.
 */
record PendingBlock(EthHeader header, List<PendingTx> txs) {
  static PendingBlock assemble(Chain chain) throws RpcException {
    long latest = chain.latestHeight();
    EthHeader parent =
        chain.header(latest).orElseThrow(() -> RpcException.rejected("header not found"));
    BlockContext ctx = chain.pendingContext();
    WorldView view = chain.committedView();
    Map<Address, Long> nextNonce = new HashMap<>();
    List<PendingTx> selected = new ArrayList<>();
    long gas = 0;
    for (PendingTx p : chain.pendingPool().all()) {
      long expected = nextNonce.computeIfAbsent(p.sender(), a -> ChainAccess.nonce(view, a));
      long limit = p.tx().gasLimit();
      if (p.tx().nonce() != expected || limit < 0 || limit > ctx.gasLimit() - gas) {
        continue;
      }
      nextNonce.put(p.sender(), expected + 1);
      gas += limit;
      selected.add(p);
    }
    List<byte[]> raws = new ArrayList<>(selected.size());
    selected.forEach(p -> raws.add(p.raw()));
    // Nothing executed: an empty receipts root and bloom, gasUsed 0; the fork fields come from
    // the assembler, the transactions root from the selected envelopes.
    EthHeader empty =
        BlockAssembler.header(
            ctx.fork(),
            parent.hash(),
            ChainParams.FEE_COLLECTOR,
            parent.stateRoot(),
            List.of(),
            List.of(),
            latest + 1,
            ctx.gasLimit(),
            0,
            Math.max(ctx.timestampSeconds(), parent.timestamp()),
            Hash.ZERO,
            ctx.baseFee());
    EthHeader header =
        new EthHeader(
            empty.parentHash(),
            empty.coinbase(),
            empty.stateRoot(),
            BlockAssembler.indexedRoot(raws),
            empty.receiptsRoot(),
            empty.logsBloom(),
            empty.number(),
            empty.gasLimit(),
            empty.gasUsed(),
            empty.timestamp(),
            empty.extraData(),
            empty.mixHash(),
            empty.baseFeePerGas(),
            empty.withdrawalsRoot(),
            empty.blobGasUsed(),
            empty.excessBlobGas(),
            empty.parentBeaconBlockRoot(),
            empty.requestsHash());
    return new PendingBlock(header, List.copyOf(selected));
  }

  /** As eth_getBlockByNumber("pending") answers: hash, nonce and miner null, as geth does. */
  ObjectNode json(boolean fullTx) {
    List<JsonNode> list = new ArrayList<>(txs.size());
    List<byte[]> raws = new ArrayList<>(txs.size());
    for (PendingTx p : txs) {
      list.add(fullTx ? EthJson.pendingTransaction(p.tx(), p.sender()) : RpcJson.hash(p.hash()));
      raws.add(p.raw());
    }
    ObjectNode o = EthJson.block(header, null, EthJson.blockSize(header, raws), list);
    o.set("nonce", NullNode.getInstance());
    o.set("miner", NullNode.getInstance());
    return o;
  }
}
