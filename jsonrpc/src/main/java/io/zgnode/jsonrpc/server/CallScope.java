package io.zgnode.jsonrpc.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.zgnode.jsonrpc.core.RpcException;
import io.zgnode.jsonrpc.core.RpcSession;
import java.util.ArrayList;
import java.util.List;

/**
 * The session one WebSocket message's calls see: the connection's, except that the subscriptions
 * they make stay held until {@link #activate()}, which runs once their answer is queued.
 */
final class CallScope implements RpcSession {
  private final WsSession session;
  private final List<String> made = new ArrayList<>(1);

  CallScope(WsSession session) {
    this.session = session;
  }

  @Override
  public boolean isWebSocket() {
    return true;
  }

  @Override
  public String subscribe(Subscription subscription) throws RpcException {
    String id = session.subscribeHeld(subscription);
    synchronized (made) {
      made.add(id);
    }
    return id;
  }

  @Override
  public boolean unsubscribe(String id) {
    return session.unsubscribe(id);
  }

  @Override
  public void notify(String id, JsonNode result) {
    session.notify(id, result);
  }

  WsSession session() {
    return session;
  }

  void activate() {
    List<String> ids;
    synchronized (made) {
      ids = List.copyOf(made);
      made.clear();
    }
    for (String id : ids) {
      session.activate(id);
    }
  }
}
