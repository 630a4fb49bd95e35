package io.zgnode.jsonrpc.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Batches with {@link PipelinedRpcMethod} calls: consecutive ones start in request order without
 * waiting for each other, any other call waits for (and sees the effects of) the ones before it,
 * answers keep request order, and failures, notifications and the response-size cutoff are answered
 * as for ordinary calls.
 */
class PipelinedBatchTest {
  private static final Duration DEADLINE = Duration.ofSeconds(10);

  /** What happened, in order: "start:x" when x is started, "read" when the plain call ran. */
  private final List<String> events = new CopyOnWriteArrayList<>();

  /** Effects of the pipelined calls, recorded when the test completes their futures. */
  private final List<String> effects = new CopyOnWriteArrayList<>();

  /** The futures of started "send" calls that the test completes itself, by param. */
  private final Map<String, CompletableFuture<JsonNode>> inFlight = new ConcurrentHashMap<>();

  private final ExecutorService worker = Executors.newSingleThreadExecutor();

  @AfterEach
  void stopWorker() throws InterruptedException {
    worker.shutdownNow();
    assertTrue(worker.awaitTermination(10, TimeUnit.SECONDS));
  }

  /**
   * "send" is pipelined; its param chooses what it does: "refuse" throws at start, "crash" throws a
   * RuntimeException at start, "null" returns no future, "rpcfail" / "boom" / "wrapped" / "checked"
   * fail their future, "done:x" answers x at once, "huge" fails with a long message, and anything
   * else leaves a future the test completes.
   */
  private MethodRegistry registry() {
    PipelinedRpcMethod send =
        r -> {
          String p = r.param(0).asText();
          events.add("start:" + p);
          return switch (p) {
            case "refuse" -> throw RpcException.rejected("nonce too low: refused at start");
            case "crash" -> throw new IllegalArgumentException("bad bytes");
            case "null" -> null;
            case "rpcfail" ->
                CompletableFuture.failedFuture(
                    new RpcException(RpcException.TX_REJECTED, "already known"));
            case "boom" -> CompletableFuture.failedFuture(new IllegalStateException("boom"));
            case "wrapped" ->
                CompletableFuture.failedFuture(
                    new CompletionException(RpcException.rejected("replacement underpriced")));
            case "checked" ->
                CompletableFuture.failedFuture(new IOException("cannot reach CometBFT"));
            case "huge" -> CompletableFuture.failedFuture(RpcException.rejected("x".repeat(500)));
            default -> {
              if (p.startsWith("done:")) {
                yield CompletableFuture.completedFuture(TextNode.valueOf(p.substring(5)));
              }
              CompletableFuture<JsonNode> f = new CompletableFuture<>();
              inFlight.put(p, f);
              yield f;
            }
          };
        };
    return new MethodRegistry()
        .register("send", send)
        .register(
            "read",
            r -> {
              events.add("read");
              ArrayNode a = JsonNodeFactory.instance.arrayNode();
              effects.forEach(a::add);
              return a;
            })
        .register("echo", r -> r.param(0))
        .register("big", r -> TextNode.valueOf("y".repeat(r.param(0).asInt())));
  }

  private RpcDispatcher dispatcher(long maxResponseBytes) {
    return new RpcDispatcher(registry(), worker, 1000, maxResponseBytes);
  }

  private static CompletableFuture<byte[]> dispatch(RpcDispatcher d, String text) {
    return d.dispatch(text.getBytes(StandardCharsets.UTF_8), null);
  }

  private static JsonNode answer(CompletableFuture<byte[]> f) throws Exception {
    byte[] out = f.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
    return out == null ? null : RpcMessages.MAPPER.readTree(out);
  }

  private static String send(Object id, String param) {
    return "{\"jsonrpc\":\"2.0\",\"id\":"
        + id
        + ",\"method\":\"send\",\"params\":[\""
        + param
        + "\"]}";
  }

  private static String sendNotification(String param) {
    return "{\"jsonrpc\":\"2.0\",\"method\":\"send\",\"params\":[\"" + param + "\"]}";
  }

  private static String call(Object id, String method, String paramsJson) {
    return "{\"jsonrpc\":\"2.0\",\"id\":"
        + id
        + ",\"method\":\""
        + method
        + "\",\"params\":"
        + paramsJson
        + "}";
  }

  private static String batch(String... calls) {
    return "[" + String.join(",", calls) + "]";
  }

  /** Completes the in-flight call {@code p} with the result {@code p}, recording its effect. */
  private void complete(String p) {
    effects.add(p);
    inFlight.get(p).complete(TextNode.valueOf("0x" + p));
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + DEADLINE + ": " + what);
      }
      Thread.onSpinWait();
      Thread.sleep(1);
    }
  }

  private static void assertResult(JsonNode answer, int id, String result) {
    assertEquals(id, answer.path("id").asInt(-1), answer.toString());
    assertEquals(result, answer.path("result").asText(null), answer.toString());
    assertTrue(answer.path("error").isMissingNode(), answer.toString());
  }

  private static void assertError(JsonNode answer, int id, int code, String message) {
    assertEquals(id, answer.path("id").asInt(-1), answer.toString());
    assertEquals(code, answer.at("/error/code").asInt(), answer.toString());
    assertEquals(message, answer.at("/error/message").asText(), answer.toString());
    assertTrue(answer.path("result").isMissingNode(), answer.toString());
  }

  @Test
  void consecutivePipelinedCallsStartInOrderWithoutWaitingAndAnswerInOrder() throws Exception {
    CompletableFuture<byte[]> f =
        dispatch(dispatcher(1_000_000), batch(send(1, "a"), send(2, "b"), send(3, "c")));
    // All three start although none has finished: nothing waited for a round trip.
    await(() -> inFlight.size() == 3, "three calls in flight");
    assertEquals(List.of("start:a", "start:b", "start:c"), events);
    assertFalse(f.isDone());
    complete("c");
    complete("a");
    assertFalse(f.isDone(), "b is still in flight");
    complete("b");
    JsonNode a = answer(f);
    assertEquals(3, a.size(), a.toString());
    assertResult(a.get(0), 1, "0xa");
    assertResult(a.get(1), 2, "0xb");
    assertResult(a.get(2), 3, "0xc");
  }

  @Test
  void aPlainCallWaitsForThePipelinedCallsBeforeItAndSeesTheirEffects() throws Exception {
    CompletableFuture<byte[]> f =
        dispatch(
            dispatcher(1_000_000),
            batch(send(1, "a"), send(2, "b"), call(3, "read", "[]"), send(4, "c")));
    await(() -> inFlight.size() == 2, "a and b in flight");
    // The worker is now blocked on a's answer, so neither the read nor c can have run.
    assertEquals(List.of("start:a", "start:b"), events);
    complete("b");
    assertEquals(List.of("start:a", "start:b"), events, "a is still in flight");
    complete("a");
    await(() -> inFlight.size() == 3, "c in flight");
    assertEquals(List.of("start:a", "start:b", "read", "start:c"), events);
    complete("c");
    JsonNode a = answer(f);
    assertEquals(4, a.size(), a.toString());
    assertResult(a.get(0), 1, "0xa");
    assertResult(a.get(1), 2, "0xb");
    assertEquals(3, a.get(2).path("id").asInt());
    assertEquals("[\"b\",\"a\"]", a.get(2).path("result").toString(), "the read saw a and b");
    assertResult(a.get(3), 4, "0xc");
  }

  @Test
  void refusalsAndFailuresAreAnsweredInPlace() throws Exception {
    JsonNode a =
        answer(
            dispatch(
                dispatcher(1_000_000),
                batch(
                    send(1, "refuse"),
                    send(2, "rpcfail"),
                    send(3, "boom"),
                    send(4, "wrapped"),
                    send(5, "checked"),
                    send(6, "crash"),
                    send(7, "null"),
                    send(8, "done:ok"))));
    assertEquals(8, a.size(), a.toString());
    assertError(a.get(0), 1, -32000, "nonce too low: refused at start");
    assertError(a.get(1), 2, -32000, "already known");
    assertError(a.get(2), 3, -32603, "boom");
    assertError(a.get(3), 4, -32000, "replacement underpriced");
    assertError(a.get(4), 5, -32603, "cannot reach CometBFT");
    assertError(a.get(5), 6, -32603, "bad bytes");
    assertError(a.get(6), 7, -32603, "method send started no call");
    assertResult(a.get(7), 8, "ok");
    assertEquals(8, events.size(), "every call was started: " + events);
  }

  @Test
  void aSinglePipelinedCallIsAnsweredLikeAnyCall() throws Exception {
    RpcDispatcher d = dispatcher(1_000_000);
    assertResult(answer(dispatch(d, send(1, "done:0x1"))), 1, "0x1");
    assertError(
        answer(dispatch(d, send(2, "refuse"))), 2, -32000, "nonce too low: refused at start");
    assertError(answer(dispatch(d, send(3, "rpcfail"))), 3, -32000, "already known");
    assertError(answer(dispatch(d, send(4, "boom"))), 4, -32603, "boom");
    assertNull(answer(dispatch(d, sendNotification("rpcfail"))));
  }

  @Test
  void pipelinedNotificationsRunButGetNoAnswer() throws Exception {
    RpcDispatcher d = dispatcher(1_000_000);
    JsonNode a =
        answer(
            dispatch(
                d,
                batch(
                    sendNotification("done:x"),
                    sendNotification("refuse"),
                    sendNotification("boom"),
                    send(9, "done:y"),
                    sendNotification("crash"))));
    assertEquals(1, a.size(), a.toString());
    assertResult(a.get(0), 9, "y");
    assertEquals(
        List.of("start:done:x", "start:refuse", "start:boom", "start:done:y", "start:crash"),
        events);
    assertNull(
        answer(dispatch(d, batch(sendNotification("done:1"), sendNotification("rpcfail")))),
        "a batch of notifications answers nothing");
  }

  @Test
  void theCallCrossingTheResponseLimitIsKeptAndLaterOnesAreNotRun() throws Exception {
    // Pipelined calls count 100 bytes each before their answer is known: the third crosses 250.
    JsonNode a =
        answer(
            dispatch(
                dispatcher(250),
                batch(
                    send(1, "done:a"),
                    send(2, "done:b"),
                    send(3, "done:c"),
                    send(4, "done:d"),
                    sendNotification("done:e"),
                    call(5, "read", "[]"))));
    assertEquals(5, a.size(), a.toString());
    assertResult(a.get(0), 1, "a");
    assertResult(a.get(1), 2, "b");
    assertResult(a.get(2), 3, "c");
    assertError(a.get(3), 4, -32005, "response too large");
    assertError(a.get(4), 5, -32005, "response too large");
    assertEquals(List.of("start:done:a", "start:done:b", "start:done:c"), events);
  }

  @Test
  void aPlainAnswerCrossingTheLimitStopsTheRestPipelinedOrNot() throws Exception {
    JsonNode a =
        answer(
            dispatch(
                dispatcher(1000),
                batch(call(1, "big", "[600]"), call(2, "big", "[600]"), send(3, "done:z"))));
    assertEquals(3, a.size(), a.toString());
    assertEquals(600, a.get(1).path("result").asText().length());
    assertError(a.get(2), 3, -32005, "response too large");
    assertTrue(events.isEmpty(), "the refused submission was not started: " + events);
  }

  @Test
  void aLargePipelinedAnswerCountsItsRealSizeOnceKnown() throws Exception {
    // The failed submission's answer is some 560 bytes, not the 100 counted while in flight; once
    // the echo has waited for it, the real size counts and the call after the echo is refused.
    JsonNode a =
        answer(
            dispatch(
                dispatcher(400),
                batch(send(1, "huge"), call(2, "echo", "[\"e\"]"), call(3, "read", "[]"))));
    assertEquals(3, a.size(), a.toString());
    assertError(a.get(0), 1, -32000, "x".repeat(500));
    assertEquals("e", a.get(1).path("result").asText(), "the answer crossing the line is kept");
    assertError(a.get(2), 3, -32005, "response too large");
    assertFalse(events.contains("read"), "the refused call did not run");
  }
}
