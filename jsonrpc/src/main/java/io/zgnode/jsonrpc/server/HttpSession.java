package io.zgnode.jsonrpc.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.zgnode.jsonrpc.core.RpcException;
import io.zgnode.jsonrpc.core.RpcSession;

/** The session of every HTTP call: no connection to push to, so no subscriptions. */
final class HttpSession implements RpcSession {
  static final HttpSession INSTANCE = new HttpSession();

  private HttpSession() {}

  @Override
  public boolean isWebSocket() {
    return false;
  }

  /** geth's answer to eth_subscribe over HTTP. */
  @Override
  public String subscribe(Subscription subscription) throws RpcException {
    throw new RpcException(RpcException.METHOD_NOT_FOUND, "notifications not supported");
  }

  @Override
  public boolean unsubscribe(String id) {
    return false;
  }

  @Override
  public void notify(String id, JsonNode result) {
    // Nothing can reach an HTTP client after its answer.
  }
}
