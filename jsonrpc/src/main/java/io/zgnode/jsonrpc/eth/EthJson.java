package io.zgnode.jsonrpc.eth;

import static io.zgnode.jsonrpc.eth.RpcJson.NODES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zgnode.chain.block.EthHeader;
import io.zgnode.chain.block.IndexedLog;
import io.zgnode.chain.receipt.Receipt;
import io.zgnode.evm.tx.AccessListEntry;
import io.zgnode.evm.tx.Authorization;
import io.zgnode.evm.tx.Transaction;
import io.zgnode.evm.tx.TransactionType;
import io.zgnode.evm.types.Address;
import io.zgnode.evm.types.Hash;
import io.zgnode.evm.world.Log;
import java.math.BigInteger;
import java.util.List;

/**
 * The JSON objects of Ethereum's API, field for field as geth writes them: headers, blocks,
 * transactions (per type), receipts and logs. Pure functions of their arguments; the returned nodes
 * are fresh and may be shared afterwards only if nobody mutates them.
 */
public final class EthJson {
  /** keccak256(rlp([])): the ommers hash of every post-merge block. */
  public static final Hash EMPTY_UNCLES_HASH = EthHeader.EMPTY_OMMERS_HASH;

  /** A post-merge header's nonce: eight zero bytes. */
  public static final String ZERO_NONCE = "0x0000000000000000";

  private EthJson() {}

  /**
   * A header as geth's RPCMarshalHeader writes it (what newHeads notifies). {@code hash} null
   * writes JSON null (the pending block).
   */
  public static ObjectNode header(EthHeader h, Hash hash) {
    ObjectNode o = NODES.objectNode();
    o.set("number", RpcJson.quantity(h.number()));
    o.set("hash", hash == null ? NullNode.getInstance() : RpcJson.hash(hash));
    o.set("parentHash", RpcJson.hash(h.parentHash()));
    o.put("nonce", ZERO_NONCE);
    o.set("mixHash", RpcJson.hash(h.mixHash()));
    o.set("sha3Uncles", RpcJson.hash(EMPTY_UNCLES_HASH));
    o.set("logsBloom", RpcJson.data(h.logsBloom()));
    o.set("stateRoot", RpcJson.hash(h.stateRoot()));
    o.set("miner", RpcJson.address(h.coinbase()));
    o.put("difficulty", "0x0");
    o.set("extraData", RpcJson.data(h.extraData()));
    o.set("gasLimit", RpcJson.quantity(h.gasLimit()));
    o.set("gasUsed", RpcJson.quantity(h.gasUsed()));
    o.set("timestamp", RpcJson.quantity(h.timestamp()));
    o.set("transactionsRoot", RpcJson.hash(h.transactionsRoot()));
    o.set("receiptsRoot", RpcJson.hash(h.receiptsRoot()));
    if (h.baseFeePerGas() != null) {
      o.set("baseFeePerGas", RpcJson.quantity(h.baseFeePerGas()));
    }
    if (h.withdrawalsRoot() != null) {
      o.set("withdrawalsRoot", RpcJson.hash(h.withdrawalsRoot()));
    }
    if (h.blobGasUsed() != null) {
      o.set("blobGasUsed", RpcJson.quantity(h.blobGasUsed()));
    }
    if (h.excessBlobGas() != null) {
      o.set("excessBlobGas", RpcJson.quantity(h.excessBlobGas()));
    }
    if (h.parentBeaconBlockRoot() != null) {
      o.set("parentBeaconBlockRoot", RpcJson.hash(h.parentBeaconBlockRoot()));
    }
    if (h.requestsHash() != null) {
      o.set("requestsHash", RpcJson.hash(h.requestsHash()));
    }
    return o;
  }

  /**
   * A block as eth_getBlockBy* returns it: the header fields plus size, totalDifficulty, the
   * transactions (hashes or full objects, as given), no uncles and, from Shanghai on, no
   * withdrawals.
   */
  public static ObjectNode block(
      EthHeader h, Hash hash, long size, List<? extends JsonNode> transactions) {
    ObjectNode o = header(h, hash);
    o.put("totalDifficulty", "0x0");
    o.set("size", RpcJson.quantity(size));
    ArrayNode txs = o.putArray("transactions");
    transactions.forEach(txs::add);
    o.putArray("uncles");
    if (h.withdrawalsRoot() != null) {
      o.putArray("withdrawals");
    }
    return o;
  }

  /**
   * The length of the block's RLP, what geth reports as size: rlp([header, transactions, uncles
   * (empty), withdrawals (empty, from Shanghai on)]). A legacy transaction is its RLP list in the
   * block; a typed one is a byte string holding its envelope.
   */
  public static long blockSize(EthHeader h, List<byte[]> rawTxs) {
    long txPayload = 0;
    for (byte[] raw : rawTxs) {
      boolean legacy = raw.length > 0 && (raw[0] & 0xff) >= 0xc0;
      txPayload += legacy ? raw.length : stringLength(raw.length, raw.length == 1 ? raw[0] : 0);
    }
    long payload =
        h.rlp().length + listLength(txPayload) + 1 + (h.withdrawalsRoot() != null ? 1 : 0);
    return listLength(payload);
  }

  /** The encoded length of an RLP list whose items take {@code payload} bytes. */
  static long listLength(long payload) {
    return payload + (payload < 56 ? 1 : 1 + bytesOf(payload));
  }

  private static long stringLength(long length, byte first) {
    if (length == 1 && (first & 0xff) < 0x80) {
      return 1;
    }
    return length + (length < 56 ? 1 : 1 + bytesOf(length));
  }

  private static int bytesOf(long v) {
    return (64 - Long.numberOfLeadingZeros(v) + 7) / 8;
  }

  /**
   * A transaction included in a block. Its gasPrice is what it paid (for fee-cap types
   * min(maxFeePerGas, baseFee + maxPriorityFeePerGas)).
   */
  public static ObjectNode transaction(
      Transaction tx,
      Address from,
      Hash blockHash,
      long blockNumber,
      int index,
      BigInteger blockBaseFee) {
    BigInteger price =
        tx.type().hasDynamicFee() && blockBaseFee != null
            ? tx.effectiveGasPrice(blockBaseFee)
            : tx.gasPrice();
    return transaction(
        tx,
        from,
        RpcJson.hash(blockHash),
        RpcJson.quantity(blockNumber),
        RpcJson.quantity(index),
        price);
  }

  /**
   * A transaction no block includes yet: blockHash, blockNumber and transactionIndex are null, and
   * gasPrice is the fee cap (geth's pending transaction).
   */
  public static ObjectNode pendingTransaction(Transaction tx, Address from) {
    NullNode n = NullNode.getInstance();
    return transaction(tx, from, n, n, n, tx.gasPrice());
  }

  private static ObjectNode transaction(
      Transaction tx,
      Address from,
      JsonNode blockHash,
      JsonNode blockNumber,
      JsonNode index,
      BigInteger gasPrice) {
    ObjectNode o = NODES.objectNode();
    TransactionType type = tx.type();
    o.set("blockHash", blockHash);
    o.set("blockNumber", blockNumber);
    o.set("from", RpcJson.address(from));
    o.set("gas", RpcJson.quantity(tx.gasLimit()));
    o.set("gasPrice", RpcJson.quantity(gasPrice));
    if (type.hasDynamicFee()) {
      o.set("maxFeePerGas", RpcJson.quantity(tx.maxFeePerGas()));
      o.set("maxPriorityFeePerGas", RpcJson.quantity(tx.maxPriorityFeePerGas()));
    }
    if (type == TransactionType.BLOB) {
      o.set("maxFeePerBlobGas", RpcJson.quantity(tx.maxFeePerBlobGas()));
    }
    o.set("hash", RpcJson.hash(tx.hash()));
    o.set("input", RpcJson.data(tx.data()));
    o.set("nonce", RpcJson.quantity(tx.nonce()));
    o.set("to", tx.to() == null ? NullNode.getInstance() : RpcJson.address(tx.to()));
    o.set("transactionIndex", index);
    o.set("value", RpcJson.quantity(tx.value()));
    o.set("type", RpcJson.quantity(type.code()));
    if (type != TransactionType.LEGACY) {
      o.set("accessList", accessList(tx.accessList()));
    }
    if (tx.chainId() != null) {
      o.set("chainId", RpcJson.quantity(tx.chainId()));
    }
    if (type == TransactionType.BLOB) {
      ArrayNode hashes = o.putArray("blobVersionedHashes");
      tx.blobVersionedHashes().forEach(h -> hashes.add(RpcJson.hash(h)));
    }
    if (type == TransactionType.SET_CODE) {
      ArrayNode auths = o.putArray("authorizationList");
      for (Authorization a : tx.authorizationList()) {
        ObjectNode j = auths.addObject();
        j.set("chainId", RpcJson.quantity(a.chainId()));
        j.set("address", RpcJson.address(a.address()));
        j.set("nonce", RpcJson.quantity(a.nonce()));
        j.set("yParity", RpcJson.quantity(a.yParity()));
        j.set("r", RpcJson.quantity(a.r()));
        j.set("s", RpcJson.quantity(a.s()));
      }
    }
    o.set("v", RpcJson.quantity(tx.v()));
    o.set("r", RpcJson.quantity(tx.r()));
    o.set("s", RpcJson.quantity(tx.s()));
    if (type != TransactionType.LEGACY) {
      o.set("yParity", RpcJson.quantity(tx.yParity()));
    }
    return o;
  }

  /** An EIP-2930 access list: [{address, storageKeys: [...]}]. */
  public static ArrayNode accessList(List<AccessListEntry> list) {
    ArrayNode a = NODES.arrayNode();
    for (AccessListEntry e : list) {
      ObjectNode j = a.addObject();
      j.set("address", RpcJson.address(e.address()));
      ArrayNode keys = j.putArray("storageKeys");
      e.storageKeys().forEach(k -> keys.add(RpcJson.hash(k)));
    }
    return a;
  }

  /** A receipt as eth_getTransactionReceipt returns it. */
  public static ObjectNode receipt(Receipt r, Hash blockHash, long blockTimestamp) {
    ObjectNode o = NODES.objectNode();
    o.set("blockHash", RpcJson.hash(blockHash));
    o.set("blockNumber", RpcJson.quantity(r.height()));
    o.set(
        "contractAddress",
        r.contractAddress() == null
            ? NullNode.getInstance()
            : RpcJson.address(r.contractAddress()));
    o.set("cumulativeGasUsed", RpcJson.quantity(r.cumulativeGasUsed()));
    o.set("effectiveGasPrice", RpcJson.quantity(r.effectiveGasPrice()));
    o.set("from", RpcJson.address(r.from()));
    o.set("gasUsed", RpcJson.quantity(r.gasUsed()));
    ArrayNode logs = o.putArray("logs");
    for (int i = 0; i < r.logs().size(); i++) {
      logs.add(
          log(
              r.logs().get(i),
              r.height(),
              blockHash,
              blockTimestamp,
              r.txHash(),
              r.index(),
              r.firstLogIndex() + i));
    }
    o.set("logsBloom", RpcJson.data(r.bloom()));
    o.put("status", r.success() ? "0x1" : "0x0");
    o.set("to", r.to() == null ? NullNode.getInstance() : RpcJson.address(r.to()));
    o.set("transactionHash", RpcJson.hash(r.txHash()));
    o.set("transactionIndex", RpcJson.quantity(r.index()));
    o.set("type", RpcJson.quantity(r.txType()));
    return o;
  }

  /** A log as eth_getLogs, receipts and the logs subscription return it (never removed). */
  public static ObjectNode log(
      Log log,
      long blockNumber,
      Hash blockHash,
      long blockTimestamp,
      Hash txHash,
      int txIndex,
      int logIndex) {
    ObjectNode o = NODES.objectNode();
    o.set("address", RpcJson.address(log.address()));
    ArrayNode topics = o.putArray("topics");
    log.topics().forEach(t -> topics.add(RpcJson.hash(t)));
    o.set("data", RpcJson.data(log.data()));
    o.set("blockNumber", RpcJson.quantity(blockNumber));
    o.set("blockHash", RpcJson.hash(blockHash));
    o.set("blockTimestamp", RpcJson.quantity(blockTimestamp));
    o.set("transactionHash", RpcJson.hash(txHash));
    o.set("transactionIndex", RpcJson.quantity(txIndex));
    o.set("logIndex", RpcJson.quantity(logIndex));
    o.put("removed", false);
    return o;
  }

  public static ObjectNode log(IndexedLog l, long blockTimestamp) {
    return log(
        l.log(),
        l.blockNumber(),
        l.blockHash(),
        blockTimestamp,
        l.txHash(),
        l.txIndex(),
        l.logIndex());
  }
}
