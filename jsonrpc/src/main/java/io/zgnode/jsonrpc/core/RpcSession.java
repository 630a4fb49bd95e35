package io.zgnode.jsonrpc.core;

import com.fasterxml.jackson.databind.JsonNode;

/** The connection a request came over. */
public interface RpcSession {

  /** Whether this is a WebSocket connection (subscriptions allowed). */
  boolean isWebSocket();

  /**
   * Registers a subscription on this connection and returns its id ("0x" + 32 hex digits, as geth).
   *
   * @throws RpcException "notifications not supported" (-32601... geth uses -32000) over HTTP, or a
   *     limit error (-32005) when the connection already has the maximum number
   */
  String subscribe(Subscription subscription) throws RpcException;

  /** Removes a subscription of this connection; false if it has no such id. */
  boolean unsubscribe(String id);

  /**
   * Sends {@code {"jsonrpc":"2.0","method":"eth_subscription","params":{"subscription":id,
   * "result":result}}}. Never blocks: a connection whose outbound queue is over its limit is closed
   * (its subscriptions cancelled). Safe from any thread; messages of one subscription keep their
   * order.
   */
  void notify(String id, JsonNode result);

  /** A subscription's owner: cancelled when unsubscribed or when its connection closes. */
  interface Subscription {
    /** Stop producing notifications; called exactly once. */
    void cancel();
  }
}
