package io.zgnode.jsonrpc.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * A call as a method sees it: its name, its positional params (an empty array when the request had
 * none) and the session it came from.
 */
public record RpcRequest(String method, ArrayNode params, RpcSession session) {

  public RpcRequest {
    if (params == null) {
      params = JsonNodeFactory.instance.arrayNode();
    }
  }

  public int paramCount() {
    return params.size();
  }

  /** Param {@code i}, or a MissingNode when absent (JSON null stays a NullNode). */
  public JsonNode param(int i) {
    return i < params.size() ? params.get(i) : MissingNode.getInstance();
  }

  /** Param {@code i}; absent or null is an invalid-params error naming {@code what}. */
  public JsonNode requiredParam(int i, String what) throws RpcException {
    JsonNode n = param(i);
    if (n.isMissingNode() || n.isNull()) {
      throw RpcException.invalidParams(
          "missing value for required argument " + i + " (" + what + ")");
    }
    return n;
  }

  /** Refuses more than {@code max} params, as geth does ("too many arguments, want at most N"). */
  public void maxParams(int max) throws RpcException {
    if (params.size() > max) {
      throw RpcException.invalidParams("too many arguments, want at most " + max);
    }
  }
}
