package io.zgnode.jsonrpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.zgnode.chain.Chain;
import io.zgnode.chain.block.EthHeader;
import io.zgnode.chain.block.IndexedLog;
import io.zgnode.chain.block.LogQueryLimitException;
import io.zgnode.jsonrpc.RpcConfig;
import io.zgnode.jsonrpc.core.MethodRegistry;
import io.zgnode.jsonrpc.core.RpcException;
import io.zgnode.jsonrpc.core.RpcRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * eth_getLogs, and the historical query behind eth_getFilterLogs. fromBlock and toBlock default to
 * "latest"; "pending" means latest (logs exist only once a block executed); a toBlock past the head
 * is clipped to it, and a range that ends up empty (fromBlock past the head) answers []. The range
 * and result limits are {@link RpcConfig#maxLogBlockRange()} and {@link RpcConfig#maxLogResults()},
 * enforced by the chain's log index and answered with -32005.
 */
final class LogQueries {
  private final Chain chain;
  private final RpcConfig config;

  LogQueries(Chain chain, RpcConfig config) {
    this.chain = chain;
    this.config = config;
  }

  void register(MethodRegistry r) {
    r.register("eth_getLogs", this::getLogs);
  }

  private JsonNode getLogs(RpcRequest req) throws RpcException {
    req.maxParams(1);
    return query(LogCriteria.parse(req.requiredParam(0, "filter")));
  }

  ArrayNode query(LogCriteria c) throws RpcException {
    List<IndexedLog> logs;
    try {
      if (c.blockHash() != null) {
        OptionalLong n = chain.blockNumber(c.blockHash());
        if (n.isEmpty()) {
          throw RpcException.rejected("unknown block");
        }
        logs =
            chain.logs(
                c.filter(),
                n.getAsLong(),
                n.getAsLong(),
                config.maxLogBlockRange(),
                config.maxLogResults());
      } else {
        long head = chain.latestHeight();
        long from = resolve(c.fromBlock(), head);
        long to = resolve(c.toBlock(), head);
        // As geth: only two explicit numbers in the wrong order are an error; a range that a
        // tag makes empty (fromBlock past the head, toBlock "latest") is just empty.
        if (LogCriteria.isNumber(c.fromBlock()) && LogCriteria.isNumber(c.toBlock()) && from > to) {
          throw RpcException.invalidParams("invalid block range params");
        }
        to = Math.min(to, head);
        if (from > to) {
          return RpcJson.NODES.arrayNode();
        }
        logs = chain.logs(c.filter(), from, to, config.maxLogBlockRange(), config.maxLogResults());
      }
    } catch (LogQueryLimitException e) {
      throw RpcException.limitExceeded(e.getMessage());
    }
    return toJson(logs);
  }

  private static long resolve(JsonNode p, long head) throws RpcException {
    if (p == null) {
      return head;
    }
    if (p.isTextual() && !p.asText().startsWith("0x") && !p.asText().startsWith("0X")) {
      return p.asText().equals("earliest") ? 0 : head;
    }
    return RpcJson.parseLong(p, "block number");
  }

  ArrayNode toJson(List<IndexedLog> logs) {
    ArrayNode out = RpcJson.NODES.arrayNode();
    Map<Long, Long> timestamps = new HashMap<>();
    for (IndexedLog l : logs) {
      long ts =
          timestamps.computeIfAbsent(
              l.blockNumber(),
              n -> {
                Optional<EthHeader> h = chain.header(n);
                return h.isPresent() ? h.get().timestamp() : 0L;
              });
      out.add(EthJson.log(l, ts));
    }
    return out;
  }
}
