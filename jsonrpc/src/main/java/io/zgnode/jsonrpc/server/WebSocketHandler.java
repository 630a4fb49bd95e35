package io.zgnode.jsonrpc.server;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.util.ReferenceCountUtil;
import io.zgnode.jsonrpc.core.RpcDispatcher;
import java.lang.System.Logger.Level;

/**
 * A WebSocket connection after the upgrade: each text (or binary) message is a JSON-RPC request or
 * batch, run on the worker pool; answers go back as they are ready, in any order (ids tell them
 * apart). Pings are answered; a close frame is echoed.
 */
final class WebSocketHandler extends ChannelInboundHandlerAdapter {
  private static final System.Logger LOG = System.getLogger(WebSocketHandler.class.getName());

  private final RpcDispatcher dispatcher;
  private final WsSession session;
  private final WebSocketServerHandshaker handshaker;
  private final int limit;

  WebSocketHandler(
      RpcDispatcher dispatcher,
      WsSession session,
      WebSocketServerHandshaker handshaker,
      int limit) {
    this.dispatcher = dispatcher;
    this.session = session;
    this.handshaker = handshaker;
    this.limit = limit;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof WebSocketFrame frame)) {
      ReferenceCountUtil.release(msg);
      return;
    }
    try {
      switch (frame) {
        case TextWebSocketFrame t -> call(ByteBufUtil.getBytes(t.content()));
        case BinaryWebSocketFrame b -> call(ByteBufUtil.getBytes(b.content()));
        case PingWebSocketFrame p ->
            ctx.writeAndFlush(new PongWebSocketFrame(p.content().retain()));
        case CloseWebSocketFrame c -> {
          session.close();
          handshaker.close(ctx.channel(), c.retain());
        }
        default -> {
          // Pongs and stray continuation frames need no answer.
        }
      }
    } finally {
      frame.release();
    }
  }

  private void call(byte[] text) {
    CallScope scope = new CallScope(session);
    dispatcher
        .dispatch(text, scope)
        .whenComplete((answer, error) -> {
          if (answer != null) {
            session.send(answer);
          }
          scope.activate();
        });
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (cause instanceof CorruptedWebSocketFrameException c) {
      if (c.closeStatus().code() == WebSocketCloseStatus.MESSAGE_TOO_BIG.code()) {
        // One frame over the limit: the decoder cannot skip it, so answer and close with 1009.
        session.send(WsMessageAggregator.tooLarge(limit));
        session.closeWith(
            WebSocketCloseStatus.MESSAGE_TOO_BIG, "message too large: limit " + limit + " bytes");
      } else {
        session.closeWith(c.closeStatus(), String.valueOf(c.getMessage()));
      }
      return;
    }
    LOG.log(Level.DEBUG, "WebSocket " + ctx.channel().remoteAddress() + " failed", cause);
    ctx.close();
  }
}
