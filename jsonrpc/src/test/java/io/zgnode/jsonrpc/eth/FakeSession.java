package io.zgnode.jsonrpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import io.zgnode.jsonrpc.core.RpcException;
import io.zgnode.jsonrpc.core.RpcSession;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A connection that records its notifications; WebSocket or HTTP. */
final class FakeSession implements RpcSession {
  record Notification(String id, JsonNode result) {}

  private final boolean webSocket;
  private final Map<String, Subscription> subs = new LinkedHashMap<>();
  private final List<Notification> notifications = new ArrayList<>();
  private int next;

  FakeSession(boolean webSocket) {
    this.webSocket = webSocket;
  }

  @Override
  public boolean isWebSocket() {
    return webSocket;
  }

  @Override
  public synchronized String subscribe(Subscription subscription) throws RpcException {
    if (!webSocket) {
      throw new RpcException(RpcException.METHOD_NOT_FOUND, "notifications not supported");
    }
    String id = String.format("0x%032x", ++next);
    subs.put(id, subscription);
    return id;
  }

  @Override
  public boolean unsubscribe(String id) {
    Subscription s;
    synchronized (this) {
      s = subs.remove(id);
    }
    if (s == null) {
      return false;
    }
    s.cancel();
    return true;
  }

  @Override
  public synchronized void notify(String id, JsonNode result) {
    notifications.add(new Notification(id, result));
  }

  synchronized List<JsonNode> results(String id) {
    List<JsonNode> out = new ArrayList<>();
    for (Notification n : notifications) {
      if (n.id().equals(id)) {
        out.add(n.result());
      }
    }
    return out;
  }

  synchronized int count() {
    return notifications.size();
  }
}
