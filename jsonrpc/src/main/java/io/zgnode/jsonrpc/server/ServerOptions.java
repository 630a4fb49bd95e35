package io.zgnode.jsonrpc.server;

import java.time.Duration;

/**
 * Transport settings that are not the operator's business (so not in {@link
 * io.zgnode.jsonrpc.RpcConfig}); tests shrink them to reach the limits quickly.
 *
 * @param ioThreads network event-loop threads (they parse and write, never run methods)
 * @param maxOutboundBytes bytes a WebSocket connection may have queued for sending (answers and
 *     notifications the client has not read yet) before it is closed with 1008 as too slow
 * @param httpIdleTimeout an HTTP connection with no traffic for this long is closed (geth: 120 s)
 * @param closeGrace how long a closing WebSocket gets to flush its close frame before it is cut
 */
public record ServerOptions(
    int ioThreads, long maxOutboundBytes, Duration httpIdleTimeout, Duration closeGrace) {

  public static final ServerOptions DEFAULT =
      new ServerOptions(
          Math.max(1, Runtime.getRuntime().availableProcessors()),
          16L * 1024 * 1024,
          Duration.ofSeconds(120),
          Duration.ofSeconds(2));

  public ServerOptions {
    if (ioThreads < 1) {
      throw new IllegalArgumentException("ioThreads must be at least 1, got " + ioThreads);
    }
    if (maxOutboundBytes < 1) {
      throw new IllegalArgumentException(
          "maxOutboundBytes must be positive, got " + maxOutboundBytes);
    }
    if (httpIdleTimeout.isNegative() || httpIdleTimeout.isZero()) {
      throw new IllegalArgumentException("httpIdleTimeout must be positive");
    }
    if (closeGrace.isNegative()) {
      throw new IllegalArgumentException("closeGrace must not be negative");
    }
  }

  public ServerOptions withMaxOutboundBytes(long bytes) {
    return new ServerOptions(ioThreads, bytes, httpIdleTimeout, closeGrace);
  }
}
