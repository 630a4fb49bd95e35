package io.zgnode.jsonrpc.server;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.ReferenceCountUtil;
import io.zgnode.jsonrpc.core.RpcException;
import io.zgnode.jsonrpc.core.RpcMessages;
import java.lang.System.Logger.Level;
import java.util.ArrayDeque;
import java.util.Locale;
import java.util.Set;

/**
 * One HTTP connection: JSON-RPC calls by POST, CORS preflights, a GET probe, and the upgrade to a
 * WebSocket on any path.
 *
 * <p>Requests of one connection are answered strictly in order (HTTP/1.1 pipelining): while one is
 * running, reading stops and requests already decoded wait in a queue. Reading resumes only when
 * the socket can take more output, so a client that sends without reading cannot make the server
 * buffer its answers without bound.
 *
 * <p>GET and HEAD answer 200 with a short text so that load balancers and uptime checks can probe
 * the port (geth answers GET with an empty 200 too).
 */
final class HttpRequestHandler extends ChannelInboundHandlerAdapter {
  private static final System.Logger LOG = System.getLogger(HttpRequestHandler.class.getName());

  static final String PROBE_TEXT =
      "zgnode Ethereum JSON-RPC: POST JSON-RPC 2.0 requests (Content-Type: application/json)"
          + " or open a WebSocket here\n";

  private static final Set<String> ACCEPTED_TYPES =
      Set.of("application/json", "application/json-rpc", "application/jsonrequest");

  private final ServerContext server;
  private final ArrayDeque<Object> waiting = new ArrayDeque<>();
  private boolean busy;
  private boolean upgraded;

  HttpRequestHandler(ServerContext server) {
    this.server = server;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (upgraded) {
      ReferenceCountUtil.release(msg);
      return;
    }
    if (busy) {
      waiting.add(msg);
      ctx.channel().config().setAutoRead(false);
      return;
    }
    process(ctx, msg);
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    if (!busy && !upgraded && ctx.channel().isWritable()) {
      ctx.channel().config().setAutoRead(true);
    }
    ctx.fireChannelWritabilityChanged();
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
    if (evt instanceof IdleStateEvent && !busy) {
      ctx.close();
      return;
    }
    super.userEventTriggered(ctx, evt);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    Object m;
    while ((m = waiting.poll()) != null) {
      ReferenceCountUtil.release(m);
    }
    super.channelInactive(ctx);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    LOG.log(Level.DEBUG, "HTTP connection " + ctx.channel().remoteAddress() + " failed", cause);
    ctx.close();
  }

  private void process(ChannelHandlerContext ctx, Object msg) {
    busy = true;
    ctx.channel().config().setAutoRead(false);
    if (msg instanceof OversizedRequest o) {
      reply(ctx, o.version(), o.keepAlive(), o.origin(), tooLarge(o.version()));
      return;
    }
    if (!(msg instanceof FullHttpRequest req)) {
      ReferenceCountUtil.release(msg);
      next(ctx);
      return;
    }
    try {
      handle(ctx, req);
    } finally {
      req.release();
    }
  }

  /** The current request is answered: take the next one, or read again. */
  private void next(ChannelHandlerContext ctx) {
    busy = false;
    if (!ctx.channel().isActive()) {
      return;
    }
    Object m = waiting.poll();
    if (m != null) {
      process(ctx, m);
    } else if (ctx.channel().isWritable()) {
      ctx.channel().config().setAutoRead(true);
    }
  }

  private void handle(ChannelHandlerContext ctx, FullHttpRequest req) {
    HttpVersion version = req.protocolVersion();
    boolean keepAlive = HttpUtil.isKeepAlive(req);
    HttpHeaders h = req.headers();
    String origin = h.get(HttpHeaderNames.ORIGIN);
    if (!req.decoderResult().isSuccess()) {
      refuse(
          ctx,
          version,
          false,
          origin,
          HttpResponseStatus.BAD_REQUEST,
          RpcException.INVALID_REQUEST,
          "bad HTTP request");
      return;
    }
    if (isWebSocketUpgrade(req)) {
      upgrade(ctx, req);
      return;
    }
    HttpMethod method = req.method();
    if (method.equals(HttpMethod.OPTIONS)) {
      reply(ctx, version, keepAlive, null, preflight(version, origin, h));
    } else if (method.equals(HttpMethod.GET) || method.equals(HttpMethod.HEAD)) {
      FullHttpResponse r = HttpReplies.text(version, HttpResponseStatus.OK, PROBE_TEXT);
      if (method.equals(HttpMethod.HEAD)) {
        r.content().clear();
      }
      reply(ctx, version, keepAlive, origin, r);
    } else if (method.equals(HttpMethod.POST)) {
      post(ctx, req, version, keepAlive, origin);
    } else {
      FullHttpResponse r =
          HttpReplies.error(
              version,
              HttpResponseStatus.METHOD_NOT_ALLOWED,
              RpcException.INVALID_REQUEST,
              "method not allowed: " + method + " (send JSON-RPC requests with POST)");
      r.headers().set(HttpHeaderNames.ALLOW, "POST, GET, HEAD, OPTIONS");
      reply(ctx, version, keepAlive, origin, r);
    }
  }

  private void post(
      ChannelHandlerContext ctx,
      FullHttpRequest req,
      HttpVersion version,
      boolean keepAlive,
      String origin) {
    if (!server.access.hostAllowed(req.headers().get(HttpHeaderNames.HOST))) {
      refuse(
          ctx,
          version,
          keepAlive,
          origin,
          HttpResponseStatus.FORBIDDEN,
          RpcException.INVALID_REQUEST,
          "invalid host specified");
      return;
    }
    if (!contentTypeAccepted(req.headers().get(HttpHeaderNames.CONTENT_TYPE))) {
      refuse(
          ctx,
          version,
          keepAlive,
          origin,
          HttpResponseStatus.UNSUPPORTED_MEDIA_TYPE,
          RpcException.INVALID_REQUEST,
          "invalid content type, only application/json is supported");
      return;
    }
    byte[] body = ByteBufUtil.getBytes(req.content());
    server
        .dispatcher
        .dispatch(body, HttpSession.INSTANCE)
        .whenComplete((answer, error) ->
            ctx.executor()
                .execute(() -> {
                  byte[] out =
                      error != null
                          ? RpcMessages.errorBytes(
                              RpcException.INTERNAL_ERROR, String.valueOf(error))
                          : answer;
                  FullHttpResponse r =
                      out == null
                          ? HttpReplies.empty(version, HttpResponseStatus.OK)
                          : HttpReplies.json(version, HttpResponseStatus.OK, out);
                  reply(ctx, version, keepAlive, origin, r);
                }));
  }

  /** Answers with an HTTP error status whose body is a JSON-RPC error. */
  private void refuse(
      ChannelHandlerContext ctx,
      HttpVersion version,
      boolean keepAlive,
      String origin,
      HttpResponseStatus status,
      int code,
      String message) {
    reply(ctx, version, keepAlive, origin, HttpReplies.error(version, status, code, message));
  }

  /** Writes the answer to the current request and moves on to the next. */
  private void reply(
      ChannelHandlerContext ctx,
      HttpVersion version,
      boolean keepAlive,
      String origin,
      FullHttpResponse r) {
    if (origin != null) {
      HttpReplies.cors(r, server.access, origin);
    }
    HttpReplies.send(ctx, r, keepAlive);
    if (keepAlive) {
      next(ctx);
    }
  }

  private FullHttpResponse tooLarge(HttpVersion version) {
    return HttpReplies.json(
        version,
        HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE,
        BodyLimitAggregator.tooLargeBody(server.config.maxBodyBytes()));
  }

  private FullHttpResponse preflight(HttpVersion version, String origin, HttpHeaders h) {
    FullHttpResponse r = HttpReplies.empty(version, HttpResponseStatus.NO_CONTENT);
    String allow = server.access.corsAllowOrigin(origin);
    if (allow != null) {
      r.headers().set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, allow);
      r.headers().set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_METHODS, "POST, GET, OPTIONS");
      // Echo what the browser asks for (geth allows any header); Content-Type at least.
      String asked = h.get(HttpHeaderNames.ACCESS_CONTROL_REQUEST_HEADERS);
      r.headers()
          .set(
              HttpHeaderNames.ACCESS_CONTROL_ALLOW_HEADERS,
              asked == null || asked.isBlank() ? "Content-Type" : asked);
      r.headers().set(HttpHeaderNames.ACCESS_CONTROL_MAX_AGE, "600");
      if (!allow.equals("*")) {
        r.headers().set(HttpHeaderNames.VARY, HttpHeaderNames.ORIGIN);
      }
    }
    return r;
  }

  /** application/json and geth's two aliases, with any parameters; a missing type is accepted. */
  static boolean contentTypeAccepted(String contentType) {
    if (contentType == null || contentType.isBlank()) {
      return true;
    }
    int semi = contentType.indexOf(';');
    String type = (semi < 0 ? contentType : contentType.substring(0, semi)).strip();
    return ACCEPTED_TYPES.contains(type.toLowerCase(Locale.ROOT));
  }

  private static boolean isWebSocketUpgrade(FullHttpRequest req) {
    return req.method().equals(HttpMethod.GET)
        && req.headers().containsValue(HttpHeaderNames.CONNECTION, HttpHeaderValues.UPGRADE, true)
        && req.headers().contains(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true);
  }

  private void upgrade(ChannelHandlerContext ctx, FullHttpRequest req) {
    HttpVersion version = req.protocolVersion();
    String origin = req.headers().get(HttpHeaderNames.ORIGIN);
    if (!server.access.webSocketOriginAllowed(origin)) {
      refuse(
          ctx,
          version,
          false,
          null,
          HttpResponseStatus.FORBIDDEN,
          RpcException.INVALID_REQUEST,
          "WebSocket origin not allowed: " + origin + " (see cors-origins)");
      return;
    }
    if (!server.reserveWebSocket()) {
      refuse(
          ctx,
          version,
          false,
          null,
          HttpResponseStatus.SERVICE_UNAVAILABLE,
          RpcException.LIMIT_EXCEEDED,
          "too many WebSocket connections: limit " + server.config.maxWsConnections());
      return;
    }
    WebSocketDecoderConfig decoderConfig =
        WebSocketDecoderConfig.newBuilder()
            .maxFramePayloadLength(server.config.maxBodyBytes())
            .allowExtensions(false)
            .closeOnProtocolViolation(false)
            .build();
    String host = req.headers().get(HttpHeaderNames.HOST, "localhost");
    WebSocketServerHandshaker handshaker =
        new WebSocketServerHandshakerFactory("ws://" + host + req.uri(), null, decoderConfig)
            .newHandshaker(req);
    if (handshaker == null) {
      server.releaseWebSocket();
      WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(ctx.channel())
          .addListener(io.netty.channel.ChannelFutureListener.CLOSE);
      return;
    }
    upgraded = true;
    WsSession session =
        new WsSession(
            ctx.channel(),
            server.config.maxSubscriptionsPerConnection(),
            server.options.maxOutboundBytes(),
            server.options.closeGrace().toMillis());
    server.sessions.add(session);
    ctx.channel()
        .closeFuture()
        .addListener(f -> {
          session.close();
          server.sessions.remove(session);
          server.releaseWebSocket();
        });
    if (ctx.pipeline().get(IdleStateHandler.class) != null) {
      ctx.pipeline().remove(IdleStateHandler.class);
    }
    handshaker
        .handshake(ctx.channel(), req)
        .addListener(f -> {
          if (!f.isSuccess()) {
            LOG.log(Level.DEBUG, "WebSocket handshake failed", f.cause());
            ctx.channel().close();
          }
        });
    int limit = server.config.maxBodyBytes();
    ctx.pipeline()
        .addAfter(ctx.name(), "ws-aggregator", new WsMessageAggregator(limit, session))
        .addAfter(
            "ws-aggregator",
            "ws-handler",
            new WebSocketHandler(server.dispatcher, session, handshaker, limit));
    ctx.pipeline().remove(this);
    Object m;
    while ((m = waiting.poll()) != null) {
      ReferenceCountUtil.release(m);
    }
    busy = false;
    ctx.channel().config().setAutoRead(true);
  }
}
