package io.zgnode.jsonrpc.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.util.ReferenceCountUtil;
import io.zgnode.jsonrpc.core.RpcException;
import io.zgnode.jsonrpc.core.RpcMessages;

/**
 * Netty's aggregator with a JSON-RPC answer to an oversized body. Netty's own answer is an empty
 * 413 that often closes the connection; this one answers 413 with a JSON-RPC error and keeps the
 * connection, discarding the rest of the body (the aggregator drops content until the next
 * request), so a client that sent one huge request can go on using its connection.
 */
final class BodyLimitAggregator extends HttpObjectAggregator {
  BodyLimitAggregator(int maxBodyBytes) {
    super(maxBodyBytes);
  }

  static byte[] tooLargeBody(int limit) {
    return RpcMessages.errorBytes(
        RpcException.LIMIT_EXCEEDED, "request body too large: limit " + limit + " bytes");
  }

  @Override
  protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized)
      throws Exception {
    if (oversized instanceof HttpRequest req) {
      ctx.fireChannelRead(
          new OversizedRequest(
              req.protocolVersion(),
              HttpUtil.isKeepAlive(req),
              req.headers().get(HttpHeaderNames.ORIGIN)));
    } else {
      super.handleOversizedMessage(ctx, oversized);
    }
  }

  /** "Expect: 100-continue" with a Content-Length over the limit: the same JSON 413. */
  @Override
  protected Object newContinueResponse(
      HttpMessage start, int maxContentLength, ChannelPipeline pipeline) {
    Object answer = super.newContinueResponse(start, maxContentLength, pipeline);
    if (answer instanceof FullHttpResponse r
        && r.status().equals(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE)) {
      ReferenceCountUtil.release(r);
      FullHttpResponse json =
          HttpReplies.json(
              start.protocolVersion(),
              HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE,
              tooLargeBody(maxContentLength));
      HttpUtil.setKeepAlive(json, HttpUtil.isKeepAlive(start));
      return json;
    }
    return answer;
  }
}
