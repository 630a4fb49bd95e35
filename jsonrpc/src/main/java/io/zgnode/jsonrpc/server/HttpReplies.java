package io.zgnode.jsonrpc.server;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.zgnode.jsonrpc.core.RpcMessages;
import java.nio.charset.StandardCharsets;

/** HTTP answers: JSON bodies, plain-text probes, CORS headers, keep-alive. */
final class HttpReplies {
  private HttpReplies() {}

  static FullHttpResponse json(HttpVersion version, HttpResponseStatus status, byte[] body) {
    FullHttpResponse r = new DefaultFullHttpResponse(version, status, Unpooled.wrappedBuffer(body));
    r.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
    r.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
    return r;
  }

  /** An HTTP error status whose body is a JSON-RPC error (id null), as geth answers. */
  static FullHttpResponse error(
      HttpVersion version, HttpResponseStatus status, int code, String message) {
    return json(version, status, RpcMessages.errorBytes(code, message));
  }

  static FullHttpResponse text(HttpVersion version, HttpResponseStatus status, String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    FullHttpResponse r =
        new DefaultFullHttpResponse(version, status, Unpooled.wrappedBuffer(bytes));
    r.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8");
    r.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, bytes.length);
    return r;
  }

  static FullHttpResponse empty(HttpVersion version, HttpResponseStatus status) {
    FullHttpResponse r = new DefaultFullHttpResponse(version, status, Unpooled.EMPTY_BUFFER);
    r.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, 0);
    return r;
  }

  /** Adds the CORS answer headers when the request's origin is allowed. */
  static void cors(FullHttpResponse r, AccessPolicy access, String origin) {
    String allow = access.corsAllowOrigin(origin);
    if (allow != null) {
      r.headers().set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, allow);
      if (!allow.equals("*")) {
        r.headers().set(HttpHeaderNames.VARY, HttpHeaderNames.ORIGIN);
      }
    }
  }

  /** Writes {@code r}; closes the connection afterwards unless it is kept alive. */
  static void send(ChannelHandlerContext ctx, FullHttpResponse r, boolean keepAlive) {
    HttpUtil.setKeepAlive(r, keepAlive);
    if (keepAlive) {
      ctx.writeAndFlush(r, ctx.voidPromise());
    } else {
      ctx.writeAndFlush(r).addListener(ChannelFutureListener.CLOSE);
    }
  }
}
