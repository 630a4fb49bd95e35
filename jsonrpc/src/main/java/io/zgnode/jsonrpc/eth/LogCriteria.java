package io.zgnode.jsonrpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import io.zgnode.chain.block.LogFilter;
import io.zgnode.evm.types.Address;
import io.zgnode.evm.types.Hash;
import io.zgnode.jsonrpc.core.RpcException;
import java.util.ArrayList;
import java.util.List;

/**
 * A log filter object as eth_getLogs, eth_newFilter and the logs subscription take it: {@code
 * {fromBlock, toBlock, address, topics, blockHash}}. address is one address or an array (any of
 * them); topics is an array by position where each entry is null (any), a hash, or an array of
 * hashes (any of them; a null inside also means any).
 *
 * @param fromBlock the raw parameter (null when absent), resolved per query
 * @param toBlock the raw parameter (null when absent)
 * @param blockHash the single block to search, or null
 */
record LogCriteria(LogFilter filter, JsonNode fromBlock, JsonNode toBlock, Hash blockHash) {
  static final int MAX_ADDRESSES = 1000;
  static final int MAX_TOPICS = 4;
  static final int MAX_TOPIC_ALTERNATIVES = 1000;

  static final LogCriteria ANY = new LogCriteria(LogFilter.ANY, null, null, null);

  static LogCriteria parse(JsonNode node) throws RpcException {
    if (node == null || node.isMissingNode() || node.isNull()) {
      return ANY;
    }
    if (!node.isObject()) {
      throw RpcJson.cannotUnmarshal(node, "0", "filters.FilterCriteria");
    }
    JsonNode from = present(node.get("fromBlock"));
    JsonNode to = present(node.get("toBlock"));
    JsonNode bh = present(node.get("blockHash"));
    Hash blockHash = null;
    if (bh != null) {
      if (from != null || to != null) {
        throw RpcException.invalidParams(
            "cannot specify both BlockHash and FromBlock/ToBlock, choose one or the other");
      }
      blockHash = RpcJson.parseHash(bh, "blockHash");
    }
    if (from != null) {
      checkBlockParam(from, "fromBlock");
    }
    if (to != null) {
      checkBlockParam(to, "toBlock");
    }
    return new LogCriteria(
        new LogFilter(addresses(node.get("address")), topics(node.get("topics"))),
        from,
        to,
        blockHash);
  }

  private static JsonNode present(JsonNode n) {
    return n == null || n.isNull() || n.isMissingNode() ? null : n;
  }

  private static void checkBlockParam(JsonNode n, String what) throws RpcException {
    if (n.isTextual() && !n.asText().startsWith("0x") && !n.asText().startsWith("0X")) {
      switch (n.asText()) {
        case "latest", "pending", "earliest", "safe", "finalized" -> {}
        default ->
            throw RpcException.invalidParams(
                "invalid argument 0: " + what + ": unknown block tag \"" + n.asText() + "\"");
      }
      return;
    }
    RpcJson.parseLong(n, what);
  }

  private static List<Address> addresses(JsonNode n) throws RpcException {
    if (n == null || n.isNull()) {
      return List.of();
    }
    if (n.isTextual()) {
      return List.of(RpcJson.parseAddress(n, "address"));
    }
    if (!n.isArray()) {
      throw RpcException.invalidParams("invalid argument 0: invalid addresses in query");
    }
    if (n.size() > MAX_ADDRESSES) {
      throw RpcException.invalidParams(
          "invalid argument 0: exceed max addresses (" + MAX_ADDRESSES + ")");
    }
    List<Address> out = new ArrayList<>(n.size());
    for (int i = 0; i < n.size(); i++) {
      out.add(RpcJson.parseAddress(n.get(i), "address at index " + i));
    }
    return out;
  }

  private static List<List<Hash>> topics(JsonNode n) throws RpcException {
    if (n == null || n.isNull()) {
      return List.of();
    }
    if (!n.isArray()) {
      throw RpcException.invalidParams("invalid argument 0: invalid topics in query");
    }
    if (n.size() > MAX_TOPICS) {
      throw RpcException.invalidParams("invalid argument 0: exceed max topics");
    }
    List<List<Hash>> out = new ArrayList<>(n.size());
    for (int i = 0; i < n.size(); i++) {
      JsonNode t = n.get(i);
      if (t.isNull()) {
        out.add(List.of());
      } else if (t.isTextual()) {
        out.add(List.of(RpcJson.parseHash(t, "topic " + i)));
      } else if (t.isArray()) {
        if (t.size() > MAX_TOPIC_ALTERNATIVES) {
          throw RpcException.invalidParams(
              "invalid argument 0: exceed max topics per position ("
                  + MAX_TOPIC_ALTERNATIVES
                  + ")");
        }
        List<Hash> any = new ArrayList<>(t.size());
        boolean wildcard = false;
        for (int j = 0; j < t.size(); j++) {
          if (t.get(j).isNull()) {
            wildcard = true;
          } else {
            any.add(RpcJson.parseHash(t.get(j), "topic " + i + "." + j));
          }
        }
        out.add(wildcard ? List.of() : any);
      } else {
        throw RpcException.invalidParams("invalid argument 0: invalid topic " + i + " in query");
      }
    }
    return out;
  }

  /** The lowest block a live filter reports: a number given as fromBlock, else none (0). */
  long liveFrom() {
    return isNumber(fromBlock) ? parseQuietly(fromBlock) : 0;
  }

  /** The highest block a live filter reports: a number given as toBlock, else none. */
  long liveTo() {
    return isNumber(toBlock) ? parseQuietly(toBlock) : Long.MAX_VALUE;
  }

  static boolean isNumber(JsonNode n) {
    return n != null
        && (n.isIntegralNumber()
            || n.isTextual() && (n.asText().startsWith("0x") || n.asText().startsWith("0X")));
  }

  private static long parseQuietly(JsonNode n) {
    try {
      return RpcJson.parseLong(n, "block");
    } catch (RpcException e) {
      throw new IllegalStateException("block parameter validated at parse time", e);
    }
  }
}
