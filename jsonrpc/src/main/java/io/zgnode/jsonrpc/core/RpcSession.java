package io.zgnode.jsonrpc.core;

import com.fasterxml.jackson.databind.JsonNode;

/** The connection a request came over. */
public interface RpcSession {

  /** Whether this is a WebSocket connection (subscriptions allowed). */
  boolean isWebSocket();

  /**
   * Registers a subscription on this connection and returns its id ("0x" + 32 hex digits, as geth).
   * Notifications sent for it before the call that made it has been answered are held back and
   * follow that answer, so a client always learns the id first. When this throws, nothing is
   * registered and {@code cancel()} is never called. The connection may close at any moment, also
   * right after this returns: {@code cancel()} can come before the caller's own setup is done,
   * which must then not start.
   *
   * @throws RpcException "notifications not supported" (-32601, geth's code and words) over HTTP, a
   *     limit error (-32005) when the connection already has the maximum number, or -32000
   *     "connection closed"
   */
  String subscribe(Subscription subscription) throws RpcException;

  /** Removes a subscription of this connection; false if it has no such id. */
  boolean unsubscribe(String id);

  /**
   * Sends {@code {"jsonrpc":"2.0","method":"eth_subscription","params":{"subscription":id,
   * "result":result}}}. Never blocks: a connection whose outbound queue is over its limit is closed
   * (its subscriptions cancelled). Safe from any thread; messages of one subscription keep their
   * order. An id that is not (or no longer) subscribed on this connection is ignored.
   */
  void notify(String id, JsonNode result);

  /** A subscription's owner: cancelled when unsubscribed or when its connection closes. */
  interface Subscription {
    /** Stop producing notifications; called exactly once. */
    void cancel();
  }
}
