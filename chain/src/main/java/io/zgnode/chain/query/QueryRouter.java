package io.zgnode.chain.query;

import io.zgnode.chain.Chain;
import io.zgnode.chain.QueryResult;
import io.zgnode.chain.block.BlockBody;
import io.zgnode.chain.block.EthHeader;
import io.zgnode.chain.receipt.Receipt;
import io.zgnode.evm.bytes.Hex;
import io.zgnode.evm.types.Address;
import io.zgnode.evm.types.Hash;
import io.zgnode.evm.world.Log;
import io.zgnode.state.world.Account;
import io.zgnode.state.world.WorldView;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * ABCI Query paths. Answers are JSON so that {@code zgnode query} and scripts can print them.
 *
 * <ul>
 *   <li>{@code /evm/account} with data = the 20-byte address (or {@code /evm/account/0x..}): {@code
 *       {"address","balance","nonce"}} at the requested height (0 = latest).
 *   <li>{@code /evm/pending_nonce} with the same data: the next nonce counting the mempool.
 *   <li>{@code /evm/receipt} with data = the 32-byte transaction hash (or {@code
 *       /evm/receipt/0x..}): the receipt of an included transaction, code 4 while it is not.
 *   <li>{@code /evm/block} at the requested height (0 = latest; or {@code /evm/block/<number>}):
 *       the Ethereum header fields of that block and its transaction hashes, code 4 when the height
 *       has no block.
 * </ul>
 */
public final class QueryRouter {
  public static final int CODE_UNKNOWN_PATH = 1;
  public static final int CODE_BAD_REQUEST = 2;
  public static final int CODE_UNAVAILABLE = 3;
  public static final int CODE_NOT_FOUND = 4;

  private final Chain chain;

  public QueryRouter(Chain chain) {
    this.chain = chain;
  }

  public QueryResult route(String path, byte[] data, long height) {
    long latest = chain.info().height();
    String p = path == null ? "" : path;
    if (p.equals("/evm/account") || p.startsWith("/evm/account/")) {
      Address address;
      try {
        address = addressArg(p, "/evm/account", data);
      } catch (IllegalArgumentException e) {
        return QueryResult.error(CODE_BAD_REQUEST, e.getMessage(), latest);
      }
      long at = height <= 0 ? latest : height;
      if (at > latest) {
        return QueryResult.error(
            CODE_UNAVAILABLE, "height " + at + " is above the latest height " + latest, latest);
      }
      WorldView view = height <= 0 ? chain.committedView() : chain.viewAt(at);
      if (view == null) {
        return QueryResult.error(CODE_UNAVAILABLE, "no state retained for height " + at, latest);
      }
      Account a = view.account(address);
      String json =
          "{\"address\":\""
              + address.toChecksumHex()
              + "\",\"balance\":\""
              + (a == null ? "0" : a.balance().toString())
              + "\",\"nonce\":"
              + (a == null ? "0" : Long.toUnsignedString(a.nonce()))
              + "}";
      return new QueryResult(0, "", json.getBytes(StandardCharsets.UTF_8), at);
    }
    if (p.equals("/evm/pending_nonce") || p.startsWith("/evm/pending_nonce/")) {
      try {
        Address address = addressArg(p, "/evm/pending_nonce", data);
        String json = "{\"nonce\":" + Long.toUnsignedString(chain.pendingNonce(address)) + "}";
        return new QueryResult(0, "", json.getBytes(StandardCharsets.UTF_8), latest);
      } catch (IllegalArgumentException e) {
        return QueryResult.error(CODE_BAD_REQUEST, e.getMessage(), latest);
      }
    }
    if (p.equals("/evm/receipt") || p.startsWith("/evm/receipt/")) {
      Hash txHash;
      try {
        txHash =
            p.length() > "/evm/receipt/".length()
                ? Hash.fromHex(p.substring("/evm/receipt/".length()))
                : Hash.wrap(data);
      } catch (IllegalArgumentException e) {
        return QueryResult.error(
            CODE_BAD_REQUEST, "query data must be a 32-byte transaction hash", latest);
      }
      Receipt r = chain.receipt(txHash);
      if (r == null) {
        return QueryResult.error(CODE_NOT_FOUND, "no receipt for " + txHash, latest);
      }
      return new QueryResult(0, "", receiptJson(r).getBytes(StandardCharsets.UTF_8), latest);
    }
    if (p.equals("/evm/block") || p.startsWith("/evm/block/")) {
      long at;
      try {
        at =
            p.length() > "/evm/block/".length()
                ? Long.parseLong(p.substring("/evm/block/".length()))
                : height;
      } catch (NumberFormatException e) {
        return QueryResult.error(
            CODE_BAD_REQUEST, "the block number must be a decimal integer: " + p, latest);
      }
      long number = at <= 0 ? latest : at;
      Optional<EthHeader> header = chain.header(number);
      if (header.isEmpty()) {
        return QueryResult.error(
            CODE_NOT_FOUND, "no block at height " + number + " (latest " + latest + ")", latest);
      }
      List<Hash> txs = chain.body(number).map(BlockBody::txHashes).orElse(List.of());
      return new QueryResult(
          0, "", blockJson(header.get(), txs).getBytes(StandardCharsets.UTF_8), latest);
    }
    return QueryResult.error(
        CODE_UNKNOWN_PATH,
        "unknown query path \""
            + p
            + "\"; known: /evm/account, /evm/pending_nonce, /evm/receipt, /evm/block",
        latest);
  }

  static String blockJson(EthHeader h, List<Hash> txs) {
    StringBuilder sb = new StringBuilder();
    sb.append("{\"number\":").append(Long.toUnsignedString(h.number()));
    sb.append(",\"hash\":\"").append(h.hash().toHex()).append('"');
    sb.append(",\"parentHash\":\"").append(h.parentHash().toHex()).append('"');
    sb.append(",\"stateRoot\":\"").append(h.stateRoot().toHex()).append('"');
    sb.append(",\"transactionsRoot\":\"").append(h.transactionsRoot().toHex()).append('"');
    sb.append(",\"receiptsRoot\":\"").append(h.receiptsRoot().toHex()).append('"');
    sb.append(",\"timestamp\":").append(Long.toUnsignedString(h.timestamp()));
    sb.append(",\"gasLimit\":").append(Long.toUnsignedString(h.gasLimit()));
    sb.append(",\"gasUsed\":").append(Long.toUnsignedString(h.gasUsed()));
    sb.append(",\"baseFeePerGas\":\"").append(h.baseFeePerGas()).append('"');
    sb.append(",\"transactions\":[");
    for (int i = 0; i < txs.size(); i++) {
      sb.append(i > 0 ? "," : "").append('"').append(txs.get(i).toHex()).append('"');
    }
    sb.append("]}");
    return sb.toString();
  }

  static String receiptJson(Receipt r) {
    StringBuilder sb = new StringBuilder();
    sb.append("{\"transactionHash\":\"").append(r.txHash().toHex()).append('"');
    sb.append(",\"blockNumber\":").append(r.height());
    sb.append(",\"transactionIndex\":").append(r.index());
    sb.append(",\"type\":").append(r.txType());
    sb.append(",\"status\":").append(r.success() ? 1 : 0);
    sb.append(",\"gasUsed\":").append(r.gasUsed());
    sb.append(",\"cumulativeGasUsed\":").append(r.cumulativeGasUsed());
    sb.append(",\"effectiveGasPrice\":\"").append(r.effectiveGasPrice()).append('"');
    sb.append(",\"from\":\"").append(r.from().toChecksumHex()).append('"');
    sb.append(",\"to\":").append(r.to() == null ? "null" : "\"" + r.to().toChecksumHex() + "\"");
    sb.append(",\"contractAddress\":")
        .append(
            r.contractAddress() == null
                ? "null"
                : "\"" + r.contractAddress().toChecksumHex() + "\"");
    sb.append(",\"logs\":[");
    for (int i = 0; i < r.logs().size(); i++) {
      Log log = r.logs().get(i);
      if (i > 0) {
        sb.append(',');
      }
      sb.append("{\"address\":\"").append(log.address().toChecksumHex()).append("\",\"topics\":[");
      for (int t = 0; t < log.topics().size(); t++) {
        sb.append(t > 0 ? "," : "").append('"').append(log.topics().get(t).toHex()).append('"');
      }
      sb.append("],\"data\":\"").append(Hex.encode(log.data())).append("\"}");
    }
    sb.append("]}");
    return sb.toString();
  }

  private static Address addressArg(String path, String prefix, byte[] data) {
    if (path.length() > prefix.length() + 1) {
      return Address.fromHex(path.substring(prefix.length() + 1));
    }
    if (data == null || data.length == 0) {
      throw new IllegalArgumentException("query data must hold the 20-byte address");
    }
    if (data.length == 20) {
      return Address.wrap(data);
    }
    String text = new String(data, StandardCharsets.US_ASCII).trim();
    if (text.length() == 42 && text.startsWith("0x")) {
      return Address.fromHex(text);
    }
    throw new IllegalArgumentException(
        "query data must be a 20-byte address, got " + data.length + " bytes: " + Hex.encode(data));
  }
}
