package io.zgnode.jsonrpc.server;

import io.netty.channel.group.ChannelGroup;
import io.zgnode.jsonrpc.RpcConfig;
import io.zgnode.jsonrpc.core.RpcDispatcher;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** What every connection handler of one server shares. */
final class ServerContext {
  final RpcConfig config;
  final ServerOptions options;
  final RpcDispatcher dispatcher;
  final AccessPolicy access;
  final ChannelGroup channels;
  final Set<WsSession> sessions = ConcurrentHashMap.newKeySet();
  private final AtomicInteger webSockets = new AtomicInteger();

  ServerContext(
      RpcConfig config, ServerOptions options, RpcDispatcher dispatcher, ChannelGroup channels) {
    this.config = config;
    this.options = options;
    this.dispatcher = dispatcher;
    this.access = new AccessPolicy(config.corsOrigins(), config.allowedHosts());
    this.channels = channels;
  }

  /** Takes one of the maxWsConnections places; false when all are taken. */
  boolean reserveWebSocket() {
    while (true) {
      int n = webSockets.get();
      if (n >= config.maxWsConnections()) {
        return false;
      }
      if (webSockets.compareAndSet(n, n + 1)) {
        return true;
      }
    }
  }

  void releaseWebSocket() {
    webSockets.decrementAndGet();
  }

  int openWebSockets() {
    return webSockets.get();
  }
}
