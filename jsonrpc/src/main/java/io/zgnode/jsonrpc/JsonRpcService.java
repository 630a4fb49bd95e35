package io.zgnode.jsonrpc;

import io.zgnode.chain.Chain;
import io.zgnode.jsonrpc.core.MethodRegistry;
import io.zgnode.jsonrpc.eth.EthApi;
import io.zgnode.jsonrpc.eth.EthContext;
import io.zgnode.jsonrpc.eth.TxBroadcaster;
import io.zgnode.jsonrpc.server.RpcServer;
import io.zgnode.jsonrpc.server.ServerOptions;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The node's Ethereum JSON-RPC: the HTTP and WebSocket listeners with the methods of a registry,
 * plus whatever background work the methods started (filter expiry, chain listeners), stopped
 * together by {@link #close()}.
 */
public final class JsonRpcService implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(JsonRpcService.class.getName());

  private final RpcServer server;
  private final List<AutoCloseable> resources;
  private final AtomicBoolean closed = new AtomicBoolean();

  private JsonRpcService(RpcServer server, List<AutoCloseable> resources) {
    this.server = server;
    this.resources = List.copyOf(resources);
  }

  /**
   * Binds {@code config.host()}:{@code httpPort} and, unless it is 0, {@code wsPort}, and serves
   * the methods of {@code registry} on both.
   *
   * @throws java.net.BindException "JSON-RPC port 8545 on 127.0.0.1 is in use"
   * @throws IOException when a listener cannot be bound for another reason
   * @throws IllegalArgumentException for a config value out of range
   */
  public static JsonRpcService start(MethodRegistry registry, RpcConfig config) throws IOException {
    return start(registry, config, ServerOptions.DEFAULT, List.of());
  }

  /**
   * The node's JSON-RPC: every eth_, net_, web3_ and txpool_ method ({@link EthApi}), the
   * simulation and debug methods ({@link io.zgnode.jsonrpc.sim.SimApi}), served on the listeners of
   * {@code config}. The broadcaster stays the caller's to close.
   *
   * @param clientVersion what web3_clientVersion answers
   * @throws java.net.BindException "JSON-RPC port 8545 on 127.0.0.1 is in use"
   */
  public static JsonRpcService start(
      Chain chain, RpcConfig config, TxBroadcaster broadcaster, String clientVersion)
      throws IOException {
    MethodRegistry registry = new MethodRegistry();
    EthContext context = new EthContext(chain, config, broadcaster, clientVersion);
    AutoCloseable eth = EthApi.register(registry, context);
    try {
      io.zgnode.jsonrpc.sim.SimApi.register(registry, context);
    } catch (RuntimeException e) {
      closeAll(List.of(eth));
      throw e;
    }
    return start(registry, config, ServerOptions.DEFAULT, List.of(eth));
  }

  /**
   * Like {@link #start(MethodRegistry, RpcConfig)} with transport options, and {@code resources}
   * closed (in reverse order) after the listeners when the service closes, also when it fails to
   * start.
   */
  public static JsonRpcService start(
      MethodRegistry registry,
      RpcConfig config,
      ServerOptions options,
      List<? extends AutoCloseable> resources)
      throws IOException {
    RpcServer server;
    try {
      server = RpcServer.start(registry, config, options);
    } catch (IOException | RuntimeException e) {
      closeAll(resources);
      throw e;
    }
    return new JsonRpcService(server, new ArrayList<>(resources));
  }

  public String host() {
    return server.host();
  }

  /** The bound HTTP port (the real one when the config asked for port 0). */
  public int httpPort() {
    return server.httpPort();
  }

  /** The port WebSocket clients should use (the HTTP port when there is no separate one). */
  public int wsPort() {
    return server.wsPort();
  }

  /** {@code http://host:port}, with a wildcard bind address shown as loopback. */
  public URI httpUrl() {
    return URI.create("http://" + dialHost() + ":" + httpPort());
  }

  /** {@code ws://host:port}, with a wildcard bind address shown as loopback. */
  public URI wsUrl() {
    return URI.create("ws://" + dialHost() + ":" + wsPort());
  }

  /** WebSocket connections open now. */
  public int openWebSockets() {
    return server.openWebSockets();
  }

  private String dialHost() {
    String h = server.host();
    if (h.equals("0.0.0.0") || h.isEmpty()) {
      return "127.0.0.1";
    }
    if (h.equals("::") || h.equals("[::]")) {
      return "[::1]";
    }
    return h.contains(":") && !h.startsWith("[") ? "[" + h + "]" : h;
  }

  /**
   * Stops accepting, closes every connection (cancelling its subscriptions), stops the worker pool,
   * then the methods' background work. Idempotent.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    server.close();
    closeAll(resources);
  }

  private static void closeAll(List<? extends AutoCloseable> resources) {
    for (int i = resources.size() - 1; i >= 0; i--) {
      try {
        resources.get(i).close();
      } catch (Exception e) {
        LOG.log(Level.WARNING, "error while stopping JSON-RPC background work", e);
      }
    }
  }
}
