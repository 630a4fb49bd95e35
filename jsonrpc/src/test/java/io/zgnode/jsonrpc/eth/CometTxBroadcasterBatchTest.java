package io.zgnode.jsonrpc.eth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link CometTxBroadcaster#submit}: lanes that coalesce what queued up during a round trip into
 * one JSON-RPC batch of broadcast_tx_sync, against a fake CometBFT RPC.
 */
class CometTxBroadcasterBatchTest {
  private static final Duration DEADLINE = Duration.ofSeconds(10);
  private static final String OK = "{\"code\":0,\"data\":\"\",\"log\":\"\",\"codespace\":\"\"}";

  private FakeComet comet;
  private CometTxBroadcaster broadcaster;

  @AfterEach
  void stop() {
    if (broadcaster != null) {
      broadcaster.close();
    }
    if (comet != null) {
      comet.stop();
    }
  }

  /**
   * A fake CometBFT RPC: records every request body, answers through {@code answer}, and can hold
   * the next request until released, so a test decides what queues up behind a round trip.
   */
  private static final class FakeComet {
    final HttpServer server;
    final ExecutorService threads = Executors.newCachedThreadPool();
    final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    final AtomicReference<CountDownLatch> hold = new AtomicReference<>();
    volatile Function<JsonNode, String> answer = FakeComet::acceptAll;

    FakeComet() throws IOException {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.setExecutor(threads);
      server.createContext(
          "/",
          ex -> {
            JsonNode body;
            try (InputStream in = ex.getRequestBody()) {
              body = TestNet.MAPPER.readTree(in);
            }
            requests.add(body);
            CountDownLatch gate = hold.getAndSet(null);
            if (gate != null) {
              try {
                gate.await(30, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            }
            byte[] out = answer.apply(body).getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, out.length);
            ex.getResponseBody().write(out);
            ex.close();
          });
      server.start();
    }

    URI uri() {
      return URI.create("tcp://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Holds the next request until the returned latch is counted down. */
    CountDownLatch holdNext() {
      CountDownLatch gate = new CountDownLatch(1);
      hold.set(gate);
      return gate;
    }

    void stop() {
      CountDownLatch gate = hold.getAndSet(null);
      if (gate != null) {
        gate.countDown();
      }
      server.stop(0);
      threads.shutdownNow();
    }

    /** Every call accepted, answered in request order as CometBFT does. */
    static String acceptAll(JsonNode request) {
      return answerEach(request, call -> "\"result\":" + OK);
    }

    /** One answer per call ({@code member} is its "result" or "error" member), in order. */
    static String answerEach(JsonNode request, Function<JsonNode, String> member) {
      List<String> out = new ArrayList<>();
      for (JsonNode call : calls(request)) {
        out.add("{\"jsonrpc\":\"2.0\",\"id\":" + call.get("id") + "," + member.apply(call) + "}");
      }
      return "[" + String.join(",", out) + "]";
    }

    static List<JsonNode> calls(JsonNode request) {
      List<JsonNode> out = new ArrayList<>();
      if (request.isArray()) {
        request.forEach(out::add);
      } else {
        out.add(request);
      }
      return out;
    }
  }

  private static byte[] tx(int i) {
    return new byte[] {2, (byte) (i >> 8), (byte) i};
  }

  private static String base64(int i) {
    return Base64.getEncoder().encodeToString(tx(i));
  }

  /** The transactions of a recorded request, as base64, in order. */
  private static List<String> txsOf(JsonNode request) {
    List<String> out = new ArrayList<>();
    for (JsonNode call : FakeComet.calls(request)) {
      assertEquals("2.0", call.path("jsonrpc").asText(), call.toString());
      assertEquals("broadcast_tx_sync", call.path("method").asText(), call.toString());
      out.add(call.path("params").path("tx").asText());
    }
    return out;
  }

  private static List<String> base64s(int from, int to) {
    List<String> out = new ArrayList<>();
    for (int i = from; i < to; i++) {
      out.add(base64(i));
    }
    return out;
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + DEADLINE + ": " + what);
      }
      Thread.sleep(2);
    }
  }

  private static BroadcastResult result(CompletableFuture<BroadcastResult> f) throws Exception {
    return f.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
  }

  private static IOException failure(CompletableFuture<BroadcastResult> f) {
    ExecutionException e =
        assertThrows(ExecutionException.class, () -> f.get(DEADLINE.toSeconds(), TimeUnit.SECONDS));
    return assertInstanceOf(IOException.class, e.getCause());
  }

  private void start() throws IOException {
    comet = new FakeComet();
    broadcaster = new CometTxBroadcaster(comet.uri(), DEADLINE);
  }

  @Test
  void whatQueuesDuringARoundTripGoesAsOneBatchInSubmissionOrder() throws Exception {
    start();
    CountDownLatch gate = comet.holdNext();
    CompletableFuture<BroadcastResult> first = broadcaster.submit(tx(0), 7);
    await(() -> comet.requests.size() == 1, "the first transaction reached CometBFT");
    List<CompletableFuture<BroadcastResult>> rest = new ArrayList<>();
    for (int i = 1; i <= 30; i++) {
      rest.add(broadcaster.submit(tx(i), 7));
    }
    assertFalse(first.isDone());
    gate.countDown();
    assertTrue(result(first).accepted());
    for (CompletableFuture<BroadcastResult> f : rest) {
      assertTrue(result(f).accepted());
    }
    assertEquals(2, comet.requests.size(), "one round trip for the 30 that queued meanwhile");
    assertTrue(comet.requests.get(0).isArray(), "always a JSON-RPC batch");
    assertEquals(List.of(base64(0)), txsOf(comet.requests.get(0)));
    assertEquals(base64s(1, 31), txsOf(comet.requests.get(1)), "submission order kept");
  }

  @Test
  void lanesDoNotWaitForEachOther() throws Exception {
    start();
    CountDownLatch gate = comet.holdNext();
    CompletableFuture<BroadcastResult> held = broadcaster.submit(tx(0), 0);
    await(() -> comet.requests.size() == 1, "lane 0 is in a round trip");
    // Another sender on the other lane is answered while lane 0 waits.
    assertTrue(result(broadcaster.submit(tx(1), 1)).accepted());
    CompletableFuture<BroadcastResult> sameLane = broadcaster.submit(tx(2), 0);
    assertFalse(held.isDone());
    assertFalse(sameLane.isDone(), "the same sender waits behind its earlier transaction");
    gate.countDown();
    assertTrue(result(held).accepted());
    assertTrue(result(sameLane).accepted());
    assertEquals(List.of(base64(2)), txsOf(comet.requests.get(2)));
  }

  @Test
  void answersAreMatchedByIdWhateverTheirOrder() throws Exception {
    start();
    comet.answer =
        request -> {
          // Reversed, each with its own answer, one call left unanswered, one duplicate.
          List<String> out = new ArrayList<>();
          for (JsonNode call : FakeComet.calls(request)) {
            String tx = call.path("params").path("tx").asText();
            String member =
                tx.equals(base64(3))
                    ? "\"error\":{\"code\":-32603,\"message\":\"Internal error\","
                        + "\"data\":\"error on broadcastTxSync: tx already exists in cache\"}"
                    : "\"result\":{\"code\":4,\"log\":\"tx " + tx + "\",\"codespace\":\"zgnode\"}";
            if (!tx.equals(base64(5))) {
              out.addFirst("{\"jsonrpc\":\"2.0\",\"id\":" + call.get("id") + "," + member + "}");
            }
          }
          return "[" + String.join(",", out) + "]";
        };
    CountDownLatch gate = comet.holdNext();
    CompletableFuture<BroadcastResult> first = broadcaster.submit(tx(0), 1);
    await(() -> comet.requests.size() == 1, "the first transaction reached CometBFT");
    List<CompletableFuture<BroadcastResult>> batch = new ArrayList<>();
    for (int i = 1; i <= 6; i++) {
      batch.add(broadcaster.submit(tx(i), 1));
    }
    gate.countDown();
    assertEquals("tx " + base64(0), result(first).log());
    for (int i = 1; i <= 6; i++) {
      CompletableFuture<BroadcastResult> f = batch.get(i - 1);
      if (i == 3) {
        assertEquals(
            BroadcastResult.refused(BroadcastResult.MEMPOOL_REFUSED, "already known"), result(f));
      } else if (i == 5) {
        assertEquals("CometBFT left a transaction of a batch unanswered", failure(f).getMessage());
      } else {
        assertEquals(new BroadcastResult(4, "tx " + base64(i)), result(f));
      }
    }
    assertEquals(2, comet.requests.size());
  }

  @Test
  void aBareObjectAnswersABatchOfOne() throws Exception {
    start();
    comet.answer =
        request -> {
          JsonNode call = FakeComet.calls(request).getFirst();
          return "{\"jsonrpc\":\"2.0\",\"id\":"
              + call.get("id")
              + ",\"result\":{\"code\":6,\"log\":\"insufficient funds for gas * price + value\"}}";
        };
    BroadcastResult r = result(broadcaster.submit(tx(1), 3));
    assertEquals(new BroadcastResult(6, "insufficient funds for gas * price + value"), r);
    // Even one without an id (an error about the request as a whole) answers that one call.
    comet.answer =
        request ->
            "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32603,\"message\":\"Internal error\","
                + "\"data\":\"mempool is full: number of txs 5000 (max: 5000)\"}}";
    assertEquals("txpool is full", result(broadcaster.submit(tx(2), 3)).log());
  }

  @Test
  void cometsBatchLimitIsAdoptedAndTheBatchResentInChunks() throws Exception {
    start();
    int limit = 3;
    comet.answer =
        request -> {
          if (request.size() > limit) {
            // CometBFT's answer to a batch over [rpc] max_request_batch_size: one object, no id.
            return "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32600,\"message\":\"Invalid Request\","
                + "\"data\":\"batch request exceeds maximum ("
                + limit
                + ") allowed number of requests\"}}";
          }
          return FakeComet.acceptAll(request);
        };
    CountDownLatch gate = comet.holdNext();
    List<CompletableFuture<BroadcastResult>> all = new ArrayList<>();
    all.add(broadcaster.submit(tx(0), 2));
    await(() -> comet.requests.size() == 1, "the first transaction reached CometBFT");
    for (int i = 1; i <= 8; i++) {
      all.add(broadcaster.submit(tx(i), 2));
    }
    gate.countDown();
    for (CompletableFuture<BroadcastResult> f : all) {
      assertTrue(result(f).accepted());
    }
    List<Integer> sizes = comet.requests.stream().map(JsonNode::size).toList();
    assertEquals(List.of(1, 8, 3, 3, 2), sizes, "refused once, then resent in chunks of 3");
    List<String> sent = new ArrayList<>();
    comet.requests.subList(2, 5).forEach(r -> sent.addAll(txsOf(r)));
    assertEquals(base64s(1, 9), sent, "order kept across the chunks");

    // From now on no batch is larger than CometBFT's limit: nothing is refused again.
    gate = comet.holdNext();
    all.clear();
    all.add(broadcaster.submit(tx(100), 2));
    await(() -> comet.requests.size() == 6, "the next round trip started");
    for (int i = 101; i <= 107; i++) {
      all.add(broadcaster.submit(tx(i), 2));
    }
    gate.countDown();
    for (CompletableFuture<BroadcastResult> f : all) {
      assertTrue(result(f).accepted());
    }
    List<Integer> later = comet.requests.stream().skip(5).map(JsonNode::size).toList();
    assertEquals(List.of(1, 3, 3, 1), later);
  }

  @Test
  void aBatchRefusedAsAWholeFailsEachTransactionWithTheReason() throws Exception {
    start();
    comet.answer =
        request ->
            request.size() > 1
                ? "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32600,\"message\":\"Invalid Request\","
                    + "\"data\":\"batch request exceeds maximum (50) allowed number of requests\"}}"
                : FakeComet.acceptAll(request);
    CountDownLatch gate = comet.holdNext();
    CompletableFuture<BroadcastResult> first = broadcaster.submit(tx(0), 0);
    await(() -> comet.requests.size() == 1, "the first transaction reached CometBFT");
    CompletableFuture<BroadcastResult> a = broadcaster.submit(tx(1), 0);
    CompletableFuture<BroadcastResult> b = broadcaster.submit(tx(2), 0);
    gate.countDown();
    assertTrue(result(first).accepted());
    // A limit that would not split the batch cannot help: no endless resending.
    IOException e = failure(a);
    assertTrue(e.getMessage().contains("batch request exceeds maximum (50)"), e.getMessage());
    assertEquals(e.getMessage(), failure(b).getMessage());
    assertEquals(2, comet.requests.size());
  }

  @Test
  void anUnreachableCometFailsTheFuturesWithAnIoException() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    broadcaster = new CometTxBroadcaster(URI.create("http://127.0.0.1:" + port), DEADLINE);
    List<CompletableFuture<BroadcastResult>> all = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      all.add(broadcaster.submit(tx(i), i));
    }
    for (CompletableFuture<BroadcastResult> f : all) {
      IOException e = failure(f);
      assertTrue(
          e.getMessage().startsWith("cannot reach CometBFT at http://127.0.0.1:" + port),
          e.getMessage());
    }
  }

  @Test
  void closeFailsWhatIsQueuedAndInFlight() throws Exception {
    start();
    CountDownLatch gate = comet.holdNext();
    CompletableFuture<BroadcastResult> inFlight = broadcaster.submit(tx(0), 4);
    await(() -> comet.requests.size() == 1, "a round trip in flight");
    List<CompletableFuture<BroadcastResult>> queued = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      queued.add(broadcaster.submit(tx(i), 4));
    }
    broadcaster.close();
    for (CompletableFuture<BroadcastResult> f : queued) {
      assertEquals("the broadcaster is closed", failure(f).getMessage());
    }
    failure(inFlight);
    assertEquals("the broadcaster is closed", failure(broadcaster.submit(tx(9), 4)).getMessage());
    gate.countDown();
    assertEquals(1, comet.requests.size(), "nothing was sent after close");
  }

  @Test
  void batchLimitIsReadFromCometsErrorText() {
    ObjectNode answer = TestNet.MAPPER.createObjectNode();
    answer
        .putObject("error")
        .put("code", -32600)
        .put("message", "Invalid Request")
        .put("data", "batch request exceeds maximum (200) allowed number of requests");
    assertEquals(200, CometTxBroadcaster.batchLimit(answer));
    ArrayNode notAnError = TestNet.MAPPER.createArrayNode();
    assertEquals(0, CometTxBroadcaster.batchLimit(notAnError));
    answer.withObject("error").put("data", "batch request exceeds maximum (99999999999) allowed");
    assertEquals(0, CometTxBroadcaster.batchLimit(answer), "no overflow on a silly number");
  }
}
