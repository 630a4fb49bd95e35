package io.zgnode.jsonrpc.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.zgnode.jsonrpc.RpcConfig;
import io.zgnode.jsonrpc.core.MethodRegistry;
import io.zgnode.jsonrpc.core.RpcException;
import io.zgnode.jsonrpc.core.RpcMessages;
import io.zgnode.jsonrpc.core.RpcSession;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/** A server on free ports with toy methods, and the client side the tests need. */
final class TestServer implements AutoCloseable {
  /**
   * A subscription made by the "subscribe" method: where it lives and how often it was cancelled.
   */
  record Sub(RpcSession session, String id, AtomicInteger cancels) {}

  final RpcServer server;
  final BlockingQueue<Sub> subs = new LinkedBlockingQueue<>();
  final Map<String, Sub> subsById = new ConcurrentHashMap<>();
  final CountDownLatch release = new CountDownLatch(1);
  final AtomicInteger blocked = new AtomicInteger();
  final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  TestServer(RpcConfig config) throws IOException {
    this(config, ServerOptions.DEFAULT);
  }

  TestServer(RpcConfig config, ServerOptions options) throws IOException {
    server = RpcServer.start(registry(), config, options);
  }

  private MethodRegistry registry() {
    return new MethodRegistry()
        .register("echo", r -> r.params())
        .register("add", r -> IntNode.valueOf(r.param(0).asInt() + r.param(1).asInt()))
        .register("big", r -> TextNode.valueOf("x".repeat(r.param(0).asInt())))
        .register(
            "fail",
            r -> {
              throw new IllegalStateException("boom");
            })
        .register(
            "block",
            r -> {
              blocked.incrementAndGet();
              try {
                if (!release.await(30, TimeUnit.SECONDS)) {
                  throw RpcException.internal("never released");
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return TextNode.valueOf("released");
            })
        .register("subscribe", r -> TextNode.valueOf(subscribe(r.session())))
        .register(
            "subscribeAndNotify",
            r -> {
              // Notifications sent before the answer must still arrive after it.
              String id = subscribe(r.session());
              for (int i = 0; i < 3; i++) {
                r.session().notify(id, IntNode.valueOf(i));
              }
              return TextNode.valueOf(id);
            })
        .register(
            "unsubscribe",
            r ->
                r.session().unsubscribe(r.param(0).asText())
                    ? com.fasterxml.jackson.databind.node.BooleanNode.TRUE
                    : com.fasterxml.jackson.databind.node.BooleanNode.FALSE)
        .register("nothing", r -> NullNode.instance);
  }

  private String subscribe(RpcSession session) throws RpcException {
    AtomicInteger cancels = new AtomicInteger();
    String id = session.subscribe(cancels::incrementAndGet);
    Sub s = new Sub(session, id, cancels);
    subsById.put(id, s);
    subs.add(s);
    return id;
  }

  int httpPort() {
    return server.httpPort();
  }

  URI httpUri() {
    return URI.create("http://127.0.0.1:" + server.httpPort() + "/");
  }

  URI wsUri() {
    return URI.create("ws://127.0.0.1:" + server.wsPort() + "/");
  }

  HttpResponse<String> post(String body) throws IOException, InterruptedException {
    return post(body, Map.of("Content-Type", "application/json"));
  }

  HttpResponse<String> post(String body, Map<String, String> headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(httpUri())
            .timeout(Duration.ofSeconds(30))
            .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(b::header);
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  JsonNode call(String method, String paramsJson) throws IOException, InterruptedException {
    HttpResponse<String> r =
        post(
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\""
                + method
                + "\",\"params\":"
                + paramsJson
                + "}");
    return RpcMessages.MAPPER.readTree(r.body());
  }

  static JsonNode json(String text) throws IOException {
    return RpcMessages.MAPPER.readTree(text);
  }

  @Override
  public void close() {
    release.countDown();
    server.close();
  }

  /** A config with test-sized limits; the rest are the defaults. */
  static RpcConfig config(
      int maxBodyBytes,
      int maxWsConnections,
      int maxSubscriptions,
      int workerThreads,
      int maxQueued,
      List<String> cors,
      List<String> hosts) {
    RpcConfig d = RpcConfig.DEFAULT;
    return new RpcConfig(
        true,
        "127.0.0.1",
        0,
        0,
        cors,
        hosts,
        maxBodyBytes,
        d.maxBatchItems(),
        d.maxResponseBytes(),
        d.maxLogBlockRange(),
        d.maxLogResults(),
        maxWsConnections,
        maxSubscriptions,
        d.maxFilters(),
        d.filterTimeout(),
        d.gasCap(),
        d.evmTimeout(),
        d.txFeeCapWei(),
        workerThreads,
        maxQueued);
  }

  static RpcConfig defaults() {
    return config(64 * 1024, 4, 3, 4, 100, List.of(), RpcConfig.DEFAULT.allowedHosts());
  }

  /** Polls {@code condition} every few milliseconds until it holds; fails after {@code timeout}. */
  static void await(Duration timeout, String what, BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + timeout + ": " + what);
      }
      Thread.onSpinWait();
      Thread.sleep(5);
    }
  }
}
