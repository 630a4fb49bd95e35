package io.zgnode.jsonrpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zgnode.chain.Chain;
import io.zgnode.chain.PrunedHeightException;
import io.zgnode.chain.block.BlockBody;
import io.zgnode.chain.block.EthHeader;
import io.zgnode.chain.receipt.Receipt;
import io.zgnode.chain.tx.DecodedTx;
import io.zgnode.evm.tx.Transaction;
import io.zgnode.evm.tx.TransactionDecoder;
import io.zgnode.evm.types.Address;
import io.zgnode.evm.types.Hash;
import io.zgnode.jsonrpc.core.RpcException;
import io.zgnode.state.world.WorldView;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The reads the methods share: committed blocks and transactions as JSON, world state at a block
 * parameter, with the chain's exceptions turned into geth's errors.
 */
final class ChainAccess {
  private final Chain chain;

  ChainAccess(Chain chain) {
    this.chain = chain;
  }

  Chain chain() {
    return chain;
  }

  /** The committed block a block-number parameter names, PENDING, or empty if it has none. */
  OptionalLong blockByNumberParam(JsonNode param) throws RpcException {
    return BlockTags.tryResolve(chain, param, "latest");
  }

  /** The committed height with this block hash, or empty. */
  OptionalLong blockByHashParam(JsonNode param) throws RpcException {
    return chain.blockNumber(RpcJson.parseHash(param, "hash"));
  }

  /** The state a block parameter names; "pending" reads the latest committed state. */
  WorldView state(JsonNode blockParam) throws RpcException {
    long h = BlockTags.resolve(chain, blockParam, "latest");
    if (isHeadTag(blockParam)) {
      // The hot path (wallets poll "latest"): the committed view needs no state-root lookup. A
      // commit racing in only makes the answer one block fresher, which a tag allows (an
      // explicit number does not, so it takes the exact path).
      return chain.committedView();
    }
    return stateAt(h == BlockTags.PENDING ? chain.latestHeight() : h);
  }

  /**
   * Whether a block parameter means "the newest state": absent, latest, pending, safe, finalized.
   */
  static boolean isHeadTag(JsonNode p) {
    if (p == null || p.isMissingNode() || p.isNull()) {
      return true;
    }
    if (!p.isTextual()) {
      return false;
    }
    return switch (p.asText()) {
      case "latest", "pending", "safe", "finalized" -> true;
      default -> false;
    };
  }

  WorldView stateAt(long height) throws RpcException {
    try {
      return chain.stateAt(height);
    } catch (PrunedHeightException e) {
      throw RpcException.rejected(e.getMessage());
    } catch (IllegalArgumentException e) {
      throw RpcException.rejected("header not found");
    }
  }

  /** A committed block as eth_getBlockBy* returns it, or null if the height is not committed. */
  ObjectNode block(long number, boolean fullTx) throws RpcException {
    Optional<EthHeader> header = chain.header(number);
    Optional<BlockBody> body = chain.body(number);
    if (header.isEmpty() || body.isEmpty()) {
      return null;
    }
    EthHeader h = header.get();
    Hash hash = h.hash();
    BlockBody b = body.get();
    List<JsonNode> txs = new ArrayList<>(b.rawTxs().size());
    if (fullTx) {
      List<Receipt> receipts = chain.blockReceipts(number);
      for (int i = 0; i < b.rawTxs().size(); i++) {
        txs.add(committedTx(h, hash, b, i, senderFromReceipts(receipts, i)));
      }
    } else {
      b.txHashes().forEach(t -> txs.add(RpcJson.hash(t)));
    }
    return EthJson.block(h, hash, EthJson.blockSize(h, b.rawTxs()), txs);
  }

  /** The transaction at {@code index} of a committed block as JSON ({@code from} may be null). */
  ObjectNode committedTx(EthHeader h, Hash blockHash, BlockBody b, int index, Address from)
      throws RpcException {
    byte[] raw = b.rawTxs().get(index);
    Transaction tx;
    Address sender = from;
    if (sender == null) {
      DecodedTx d = chain.decoder().decode(raw);
      if (!(d instanceof DecodedTx.Valid v)) {
        throw RpcException.internal(
            "transaction "
                + b.txHashes().get(index)
                + " of block "
                + h.number()
                + " is unreadable");
      }
      tx = v.tx();
      sender = v.sender();
    } else {
      tx = decodeCommitted(raw, b.txHashes().get(index));
    }
    return EthJson.transaction(tx, sender, blockHash, h.number(), index, h.baseFeePerGas());
  }

  /** Decodes a transaction a block already included (no sender recovery). */
  static Transaction decodeCommitted(byte[] raw, Hash hash) throws RpcException {
    try {
      return TransactionDecoder.decode(raw);
    } catch (RuntimeException e) {
      throw RpcException.internal(
          "stored transaction " + hash + " does not decode: " + e.getMessage());
    }
  }

  /** The sender kept in the receipt, which saves recovering it from the signature. */
  static Address senderFromReceipts(List<Receipt> receipts, int index) {
    return index < receipts.size() && receipts.get(index).index() == index
        ? receipts.get(index).from()
        : null;
  }

  /** The nonce of {@code a} in {@code view} (0 without an account). */
  static long nonce(WorldView view, Address a) {
    var acc = view.account(a);
    return acc == null ? 0 : acc.nonce();
  }
}
