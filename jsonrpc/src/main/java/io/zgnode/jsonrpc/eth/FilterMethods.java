package io.zgnode.jsonrpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.zgnode.jsonrpc.core.MethodRegistry;
import io.zgnode.jsonrpc.core.RpcException;
import io.zgnode.jsonrpc.core.RpcRequest;

/** The polling filter family; the state lives in {@link FilterManager}. */
final class FilterMethods {
  private final FilterManager filters;
  private final LogQueries logs;

  FilterMethods(FilterManager filters, LogQueries logs) {
    this.filters = filters;
    this.logs = logs;
  }

  void register(MethodRegistry r) {
    r.register("eth_newFilter", this::newFilter);
    r.register("eth_newBlockFilter", this::newBlockFilter);
    r.register("eth_newPendingTransactionFilter", this::newPendingFilter);
    r.register("eth_getFilterChanges", this::changes);
    r.register("eth_getFilterLogs", this::filterLogs);
    r.register("eth_uninstallFilter", this::uninstall);
  }

  private JsonNode newFilter(RpcRequest req) throws RpcException {
    req.maxParams(1);
    LogCriteria c = LogCriteria.parse(req.requiredParam(0, "criteria"));
    return TextNode.valueOf(filters.install(FilterManager.Kind.LOGS, c, false));
  }

  private JsonNode newBlockFilter(RpcRequest req) throws RpcException {
    req.maxParams(0);
    return TextNode.valueOf(filters.install(FilterManager.Kind.BLOCKS, null, false));
  }

  /** geth's optional fullTx flag makes the changes full transaction objects instead of hashes. */
  private JsonNode newPendingFilter(RpcRequest req) throws RpcException {
    req.maxParams(1);
    JsonNode p = req.param(0);
    boolean full = !p.isMissingNode() && !p.isNull() && RpcJson.parseBoolean(p, "0");
    return TextNode.valueOf(filters.install(FilterManager.Kind.PENDING, null, full));
  }

  private JsonNode changes(RpcRequest req) throws RpcException {
    req.maxParams(1);
    return filters.poll(id(req)).drain();
  }

  private JsonNode filterLogs(RpcRequest req) throws RpcException {
    req.maxParams(1);
    FilterManager.Filter f = filters.poll(id(req));
    if (f.kind != FilterManager.Kind.LOGS) {
      throw RpcException.rejected("filter not found");
    }
    return logs.query(f.criteria);
  }

  private JsonNode uninstall(RpcRequest req) throws RpcException {
    req.maxParams(1);
    return BooleanNode.valueOf(filters.uninstall(id(req)));
  }

  private static String id(RpcRequest req) throws RpcException {
    JsonNode p = req.requiredParam(0, "id");
    if (!p.isTextual()) {
      throw RpcJson.cannotUnmarshal(p, "0", "rpc.ID");
    }
    return p.asText();
  }
}
