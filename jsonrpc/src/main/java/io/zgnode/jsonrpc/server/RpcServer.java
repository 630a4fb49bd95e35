package io.zgnode.jsonrpc.server;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.zgnode.jsonrpc.RpcConfig;
import io.zgnode.jsonrpc.core.MethodRegistry;
import io.zgnode.jsonrpc.core.RpcDispatcher;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The JSON-RPC listeners: HTTP and WebSocket on {@code host:httpPort}, and the same again on {@code
 * host:wsPort} (geth serves them on two ports, and clients mix them up, so both accept both). Netty
 * NIO event loops read, parse and write; the methods run on a {@link WorkerPool}.
 */
public final class RpcServer implements AutoCloseable {
  private final EventLoopGroup acceptors;
  private final EventLoopGroup io;
  private final WorkerPool workers;
  private final ServerContext context;
  private final Channel httpListener;
  private final Channel wsListener;
  private final String host;
  private final AtomicBoolean closed = new AtomicBoolean();

  private RpcServer(
      EventLoopGroup acceptors,
      EventLoopGroup io,
      WorkerPool workers,
      ServerContext context,
      Channel httpListener,
      Channel wsListener,
      String host) {
    this.acceptors = acceptors;
    this.io = io;
    this.workers = workers;
    this.context = context;
    this.httpListener = httpListener;
    this.wsListener = wsListener;
    this.host = host;
  }

  /**
   * Binds the listeners and starts serving {@code registry}.
   *
   * @throws BindException "JSON-RPC port N on HOST is in use" when a port is taken
   * @throws IOException when a port cannot be bound for another reason
   * @throws IllegalArgumentException for a config value out of range
   */
  public static RpcServer start(MethodRegistry registry, RpcConfig config, ServerOptions options)
      throws IOException {
    validate(config);
    WorkerPool workers = new WorkerPool(config.workerThreads(), config.maxQueuedRequests());
    RpcDispatcher dispatcher =
        new RpcDispatcher(registry, workers, config.maxBatchItems(), config.maxResponseBytes());
    ChannelGroup channels = new DefaultChannelGroup("jsonrpc", GlobalEventExecutor.INSTANCE);
    ServerContext context = new ServerContext(config, options, dispatcher, channels);
    EventLoopGroup acceptors =
        new MultiThreadIoEventLoopGroup(
            1, new DefaultThreadFactory("jsonrpc-accept", true), NioIoHandler.newFactory());
    EventLoopGroup io =
        new MultiThreadIoEventLoopGroup(
            options.ioThreads(),
            new DefaultThreadFactory("jsonrpc-io", true),
            NioIoHandler.newFactory());
    long idleSeconds = Math.max(1, options.httpIdleTimeout().toSeconds());
    ServerBootstrap bootstrap =
        new ServerBootstrap()
            .group(acceptors, io)
            .channel(NioServerSocketChannel.class)
            .option(ChannelOption.SO_BACKLOG, 1024)
            // A restarted node must get its port back while old connections sit in TIME_WAIT.
            .option(ChannelOption.SO_REUSEADDR, true)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childOption(
                ChannelOption.WRITE_BUFFER_WATER_MARK,
                new WriteBufferWaterMark(256 * 1024, 1024 * 1024))
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    channels.add(ch);
                    ChannelPipeline p = ch.pipeline();
                    p.addLast("idle", new IdleStateHandler(0, 0, idleSeconds, TimeUnit.SECONDS));
                    p.addLast("http", new HttpServerCodec());
                    p.addLast("aggregator", new BodyLimitAggregator(config.maxBodyBytes()));
                    p.addLast("rpc", new HttpRequestHandler(context));
                  }
                });
    Channel http = null;
    Channel ws = null;
    try {
      http = bind(bootstrap, config.host(), config.httpPort());
      channels.add(http);
      if (config.wsPort() != 0 && config.wsPort() != config.httpPort()) {
        ws = bind(bootstrap, config.host(), config.wsPort());
        channels.add(ws);
      }
    } catch (IOException | RuntimeException e) {
      channels.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
      shutdownGroups(acceptors, io);
      workers.shutdown(0);
      throw e;
    }
    return new RpcServer(acceptors, io, workers, context, http, ws, config.host());
  }

  private static Channel bind(ServerBootstrap bootstrap, String host, int port) throws IOException {
    try {
      return bootstrap.bind(host, port).sync().channel();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while binding the JSON-RPC port " + port, e);
    } catch (Exception e) {
      // Netty rethrows the bind failure as it was, checked or not.
      if (e instanceof BindException && String.valueOf(e.getMessage()).contains("in use")) {
        throw new BindException("JSON-RPC port " + port + " on " + host + " is in use");
      }
      throw new IOException(
          "cannot serve the JSON-RPC on " + host + ":" + port + ": " + e.getMessage(), e);
    }
  }

  private static void validate(RpcConfig c) {
    if (c.host() == null || c.host().isBlank()) {
      throw new IllegalArgumentException("the JSON-RPC host must not be empty");
    }
    checkPort("httpPort", c.httpPort());
    checkPort("wsPort", c.wsPort());
    atLeast("maxBodyBytes", c.maxBodyBytes(), 1024);
    atLeast("maxBatchItems", c.maxBatchItems(), 1);
    atLeast("maxResponseBytes", c.maxResponseBytes(), 1);
    atLeast("maxWsConnections", c.maxWsConnections(), 0);
    atLeast("maxSubscriptionsPerConnection", c.maxSubscriptionsPerConnection(), 0);
    atLeast("workerThreads", c.workerThreads(), 1);
    atLeast("maxQueuedRequests", c.maxQueuedRequests(), 0);
  }

  private static void checkPort(String name, int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException(name + " must be 0-65535, got " + port);
    }
  }

  private static void atLeast(String name, long value, long min) {
    if (value < min) {
      throw new IllegalArgumentException(name + " must be at least " + min + ", got " + value);
    }
  }

  public String host() {
    return host;
  }

  /** The bound HTTP port (the real one when the config asked for 0). */
  public int httpPort() {
    return ((InetSocketAddress) httpListener.localAddress()).getPort();
  }

  /**
   * The bound WebSocket port; without a separate WebSocket listener (wsPort 0) WebSockets are
   * served on the HTTP port, which this then returns.
   */
  public int wsPort() {
    return wsListener == null
        ? httpPort()
        : ((InetSocketAddress) wsListener.localAddress()).getPort();
  }

  /** WebSocket connections open now. */
  public int openWebSockets() {
    return context.openWebSockets();
  }

  /** Requests waiting for a worker now. */
  public int queuedRequests() {
    return workers.queued();
  }

  /**
   * Stops accepting, cancels every subscription, closes every connection, then stops the workers
   * (running methods get a few seconds) and the event loops. Idempotent.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    httpListener.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
    if (wsListener != null) {
      wsListener.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
    for (WsSession s : context.sessions) {
      s.close();
    }
    context.channels.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
    workers.shutdown(5_000);
    shutdownGroups(acceptors, io);
  }

  private static void shutdownGroups(EventLoopGroup acceptors, EventLoopGroup io) {
    acceptors.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    io.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
  }
}
