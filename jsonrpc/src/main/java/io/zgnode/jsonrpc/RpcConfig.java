package io.zgnode.jsonrpc;

import java.time.Duration;
import java.util.List;

/**
 * The JSON-RPC's settings ([json-rpc] in the node's app config). Defaults follow geth where geth
 * has one, so tools that work against geth are not surprised by a tighter limit.
 *
 * @param enabled whether the node serves the JSON-RPC at all
 * @param host interface to bind; loopback by default so nothing is exposed by accident
 * @param httpPort HTTP port (8545); WebSocket upgrades are accepted here too
 * @param wsPort WebSocket port (8546); plain HTTP POST is accepted here too; 0 disables
 * @param corsOrigins origins browsers may call from ("*" for any); empty = no CORS headers
 * @param allowedHosts values of the Host header accepted ("*" for any), geth's vhosts; protects a
 *     loopback server from DNS rebinding
 * @param maxBodyBytes largest HTTP body or WebSocket message accepted (geth: 5 MiB)
 * @param maxBatchItems most requests in one batch (geth: 1000)
 * @param maxResponseBytes largest batch response before the rest is answered with an error (geth:
 *     25 MB)
 * @param maxLogBlockRange widest eth_getLogs / filter block range
 * @param maxLogResults most logs one eth_getLogs answers
 * @param maxWsConnections WebSocket connections open at once
 * @param maxSubscriptionsPerConnection subscriptions one WebSocket connection may hold
 * @param maxFilters installed filters (eth_newFilter & co.) across all clients
 * @param filterTimeout a filter not polled for this long is removed (geth: 5 minutes)
 * @param gasCap most gas an eth_call / eth_estimateGas may use (geth: 50,000,000)
 * @param evmTimeout longest an eth_call / estimate / trace may run (geth: 5 s)
 * @param txFeeCapWei most fee a transaction sent through eth_sendRawTransaction may pay (geth: 1
 *     ether); 0 = no cap
 * @param workerThreads threads that run methods (network I/O runs elsewhere)
 * @param maxQueuedRequests requests waiting for a worker before the server answers "busy"
 */
public record RpcConfig(
    boolean enabled,
    String host,
    int httpPort,
    int wsPort,
    List<String> corsOrigins,
    List<String> allowedHosts,
    int maxBodyBytes,
    int maxBatchItems,
    long maxResponseBytes,
    long maxLogBlockRange,
    int maxLogResults,
    int maxWsConnections,
    int maxSubscriptionsPerConnection,
    int maxFilters,
    Duration filterTimeout,
    long gasCap,
    Duration evmTimeout,
    java.math.BigInteger txFeeCapWei,
    int workerThreads,
    int maxQueuedRequests) {

  public RpcConfig {
    corsOrigins = List.copyOf(corsOrigins);
    allowedHosts = List.copyOf(allowedHosts);
  }

  public static final RpcConfig DEFAULT =
      new RpcConfig(
          true,
          "127.0.0.1",
          8545,
          8546,
          List.of(),
          List.of("localhost", "127.0.0.1"),
          5 * 1024 * 1024,
          1000,
          25_000_000L,
          10_000,
          10_000,
          100,
          1000,
          1000,
          Duration.ofMinutes(5),
          50_000_000L,
          Duration.ofSeconds(5),
          java.math.BigInteger.TEN.pow(18),
          Math.max(4, 2 * Runtime.getRuntime().availableProcessors()),
          10_000);

  /** These settings with the listeners on other ports of the same host (ws 0: no second one). */
  public RpcConfig withPorts(int httpPort, int wsPort) {
    return with(httpPort, wsPort, corsOrigins);
  }

  /** These settings with other origins browsers may call from. */
  public RpcConfig withCorsOrigins(List<String> origins) {
    return with(httpPort, wsPort, origins);
  }

  private RpcConfig with(int httpPort, int wsPort, List<String> corsOrigins) {
    return new RpcConfig(
        enabled,
        host,
        httpPort,
        wsPort,
        corsOrigins,
        allowedHosts,
        maxBodyBytes,
        maxBatchItems,
        maxResponseBytes,
        maxLogBlockRange,
        maxLogResults,
        maxWsConnections,
        maxSubscriptionsPerConnection,
        maxFilters,
        filterTimeout,
        gasCap,
        evmTimeout,
        txFeeCapWei,
        workerThreads,
        maxQueuedRequests);
  }
}
