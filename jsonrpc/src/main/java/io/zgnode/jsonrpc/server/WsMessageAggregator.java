package io.zgnode.jsonrpc.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.zgnode.jsonrpc.core.RpcException;
import io.zgnode.jsonrpc.core.RpcMessages;

/**
 * Joins fragmented WebSocket messages up to the body limit. A message that grows past it is
 * answered with a JSON-RPC error and its remaining fragments are dropped; the connection stays open
 * (a single frame over the limit is stopped earlier, by the frame decoder).
 */
final class WsMessageAggregator extends WebSocketFrameAggregator {
  private final WsSession session;
  private final int limit;

  WsMessageAggregator(int limit, WsSession session) {
    super(limit);
    this.limit = limit;
    this.session = session;
  }

  static byte[] tooLarge(int limit) {
    return RpcMessages.errorBytes(
        RpcException.LIMIT_EXCEEDED, "message too large: limit " + limit + " bytes");
  }

  @Override
  protected void handleOversizedMessage(ChannelHandlerContext ctx, WebSocketFrame oversized) {
    session.send(tooLarge(limit));
  }
}
