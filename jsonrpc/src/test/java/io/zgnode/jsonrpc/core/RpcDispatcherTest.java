package io.zgnode.jsonrpc.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The JSON-RPC 2.0 rules, without a network: what each kind of input is answered with. */
class RpcDispatcherTest {
  private final AtomicInteger notified = new AtomicInteger();

  private MethodRegistry registry() {
    return new MethodRegistry()
        .register("echo", r -> r.params())
        .register("add", r -> IntNode.valueOf(r.param(0).asInt() + r.param(1).asInt()))
        .register("nothing", r -> null)
        .register(
            "count",
            r -> {
              notified.incrementAndGet();
              return NullNode.instance;
            })
        .register(
            "fail",
            r -> {
              throw new IllegalStateException("boom");
            })
        .register(
            "npe",
            r -> {
              throw new NullPointerException();
            })
        .register(
            "refuse",
            r -> {
              throw new RpcException(-32000, "nonce too low", TextNode.valueOf("0xdead"));
            })
        .register("big", r -> TextNode.valueOf("x".repeat(r.param(0).asInt())));
  }

  private RpcDispatcher dispatcher(int maxBatch, long maxResponse) {
    return new RpcDispatcher(registry(), Runnable::run, maxBatch, maxResponse);
  }

  private static JsonNode call(RpcDispatcher d, String text) throws Exception {
    byte[] out = d.dispatch(text.getBytes(StandardCharsets.UTF_8), null).get();
    return out == null ? null : RpcMessages.MAPPER.readTree(out);
  }

  private JsonNode call(String text) throws Exception {
    return call(dispatcher(1000, 25_000_000), text);
  }

  private static void assertError(JsonNode answer, JsonNode id, int code, String message) {
    assertEquals("2.0", answer.path("jsonrpc").asText(), answer.toString());
    assertEquals(id, answer.get("id"), answer.toString());
    assertEquals(code, answer.at("/error/code").asInt(), answer.toString());
    assertEquals(message, answer.at("/error/message").asText(), answer.toString());
    assertTrue(answer.path("result").isMissingNode(), answer.toString());
  }

  @Test
  void singleCallAnswersResultWithTheSameId() throws Exception {
    JsonNode a = call("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"add\",\"params\":[2,3]}");
    assertEquals("{\"jsonrpc\":\"2.0\",\"id\":7,\"result\":5}", a.toString());
  }

  @Test
  void idsAreKeptVerbatim() throws Exception {
    for (String id :
        List.of("\"abc\"", "null", "0", "-1", "123456789012345678901234567890", "\"0x1\"")) {
      JsonNode a = call("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"nothing\"}");
      assertEquals(RpcMessages.MAPPER.readTree(id), a.get("id"), id);
      assertTrue(a.get("result").isNull());
    }
  }

  @Test
  void absentOrNullParamsAreAnEmptyArray() throws Exception {
    assertEquals(
        "[]", call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"echo\"}").get("result").toString());
    assertEquals(
        "[]",
        call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"echo\",\"params\":null}")
            .get("result")
            .toString());
  }

  @Test
  void batchAnswersInRequestOrderWithoutNotifications() throws Exception {
    JsonNode a =
        call(
            "[{\"jsonrpc\":\"2.0\",\"id\":\"b\",\"method\":\"add\",\"params\":[1,1]},"
                + "{\"jsonrpc\":\"2.0\",\"method\":\"count\"},"
                + "{\"jsonrpc\":\"2.0\",\"id\":\"a\",\"method\":\"add\",\"params\":[1,2]},"
                + "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"nope\"}]");
    assertEquals(3, a.size(), a.toString());
    assertEquals("b", a.get(0).get("id").asText());
    assertEquals(2, a.get(0).get("result").asInt());
    assertEquals("a", a.get(1).get("id").asText());
    assertEquals(3, a.get(1).get("result").asInt());
    assertError(
        a.get(2), IntNode.valueOf(3), -32601, "the method nope does not exist/is not available");
    assertEquals(1, notified.get(), "the notification ran");
  }

  @Test
  void notificationsGetNoAnswer() throws Exception {
    assertNull(call("{\"jsonrpc\":\"2.0\",\"method\":\"count\"}"));
    assertNull(call("{\"jsonrpc\":\"2.0\",\"method\":\"fail\"}"), "errors of notifications too");
    assertNull(call("{\"jsonrpc\":\"2.0\",\"method\":\"nope\"}"));
    assertNull(call("{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"params\":{}}"));
    assertNull(
        call(
            "[{\"jsonrpc\":\"2.0\",\"method\":\"count\"},{\"jsonrpc\":\"2.0\",\"method\":\"count\"}]"),
        "an all-notification batch answers nothing");
    assertEquals(3, notified.get());
  }

  @Test
  void malformedJsonIsAParseError() throws Exception {
    for (String text : List.of("{", "", "   ", "{\"id\":1,}", "[1,2", "{} {}", "nul", "\u0000")) {
      assertError(call(text), NullNode.instance, -32700, "parse error");
    }
  }

  @Test
  void wrongShapesAreInvalidRequests() throws Exception {
    NullNode nul = NullNode.instance;
    assertError(call("42"), nul, -32600, "invalid request");
    assertError(call("\"eth_chainId\""), nul, -32600, "invalid request");
    assertError(call("null"), nul, -32600, "invalid request");
    assertError(
        call("{\"jsonrpc\":\"2.0\",\"id\":1}"), IntNode.valueOf(1), -32600, "invalid request");
    assertError(
        call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":5}"),
        IntNode.valueOf(1),
        -32600,
        "invalid request");
    assertError(
        call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"\"}"),
        IntNode.valueOf(1),
        -32600,
        "invalid request");
    assertError(
        call("{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"echo\"}"),
        IntNode.valueOf(1),
        -32600,
        "invalid request");
    assertError(
        call("{\"id\":1,\"method\":\"echo\"}"), IntNode.valueOf(1), -32600, "invalid request");
    assertError(
        call("{\"jsonrpc\":\"2.0\",\"id\":{\"a\":1},\"method\":\"echo\"}"),
        nul,
        -32600,
        "invalid request");
    assertError(
        call("{\"jsonrpc\":\"2.0\",\"method\":\"echo\",\"id\":[1]}"),
        nul,
        -32600,
        "invalid request");
    // Without an id and without a valid version it is not a notification: still answered.
    assertError(call("{\"method\":\"echo\"}"), nul, -32600, "invalid request");
  }

  @Test
  void paramsMustBeAnArray() throws Exception {
    assertError(
        call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"echo\",\"params\":{\"a\":1}}"),
        IntNode.valueOf(1),
        -32602,
        "non-array args");
    assertError(
        call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"echo\",\"params\":\"x\"}"),
        IntNode.valueOf(1),
        -32602,
        "non-array args");
  }

  @Test
  void batchEntriesAreCheckedOneByOne() throws Exception {
    JsonNode a = call("[1, {\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"echo\",\"params\":[true]}]");
    assertEquals(2, a.size());
    assertError(a.get(0), NullNode.instance, -32600, "invalid request");
    assertEquals("[true]", a.get(1).get("result").toString());
  }

  @Test
  void emptyBatchIsOneError() throws Exception {
    assertError(call("[]"), NullNode.instance, -32600, "empty batch");
  }

  @Test
  void batchOverTheLimitIsOneErrorWithTheFirstCallsId() throws Exception {
    StringBuilder sb = new StringBuilder("[{\"jsonrpc\":\"2.0\",\"method\":\"count\"}");
    for (int i = 0; i < 4; i++) {
      sb.append(",{\"jsonrpc\":\"2.0\",\"id\":").append(10 + i).append(",\"method\":\"count\"}");
    }
    JsonNode a = call(dispatcher(4, 1_000_000), sb.append(']').toString());
    assertTrue(a.isArray() && a.size() == 1, a.toString());
    assertError(a.get(0), IntNode.valueOf(10), -32005, "batch too large: 5 requests, limit 4");
    assertEquals(0, notified.get(), "nothing of a refused batch runs");
    // At the limit it runs.
    assertEquals(
        4, call(dispatcher(4, 1_000_000), sb.toString().replaceFirst("\\{[^}]*\\},", "")).size());
  }

  @Test
  void batchResponseOverTheLimitCutsOffTheRest() throws Exception {
    String batch =
        "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"big\",\"params\":[600]},"
            + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"big\",\"params\":[600]},"
            + "{\"jsonrpc\":\"2.0\",\"method\":\"count\"},"
            + "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"big\",\"params\":[1]}]";
    JsonNode a = call(dispatcher(100, 1000), batch);
    assertEquals(3, a.size(), a.toString());
    assertEquals(600, a.get(0).get("result").asText().length());
    assertEquals(600, a.get(1).get("result").asText().length(), "the one crossing the line stays");
    assertError(a.get(2), IntNode.valueOf(3), -32005, "response too large");
    assertEquals(0, notified.get(), "calls after the cut do not run");
  }

  @Test
  void exceptionsBecomeErrors() throws Exception {
    assertError(
        call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"fail\"}"),
        IntNode.valueOf(1),
        -32603,
        "boom");
    assertError(
        call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"npe\"}"),
        IntNode.valueOf(1),
        -32603,
        "NullPointerException");
    JsonNode a = call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"refuse\"}");
    assertError(a, IntNode.valueOf(1), -32000, "nonce too low");
    assertEquals("0xdead", a.at("/error/data").asText());
    JsonNode noData = call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"nope\"}");
    assertTrue(noData.at("/error/data").isMissingNode(), "no data member without data");
  }

  @Test
  void fullWorkerQueueAnswersBusy() throws Exception {
    Executor refusing =
        r -> {
          throw new RejectedExecutionException("full");
        };
    RpcDispatcher d = new RpcDispatcher(registry(), refusing, 100, 1000);
    assertError(
        call(d, "{\"jsonrpc\":\"2.0\",\"id\":\"x\",\"method\":\"echo\"}"),
        TextNode.valueOf("x"),
        -32005,
        "server busy, try again");
    assertNull(call(d, "{\"jsonrpc\":\"2.0\",\"method\":\"echo\"}"));
    JsonNode batch =
        call(
            d,
            "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"echo\"},{\"jsonrpc\":\"2.0\",\"method\":\"echo\"},"
                + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"echo\"}]");
    assertEquals(2, batch.size());
    assertError(batch.get(0), IntNode.valueOf(1), -32005, "server busy, try again");
    assertError(batch.get(1), IntNode.valueOf(2), -32005, "server busy, try again");
    // Errors found before running need no worker.
    assertError(call(d, "{"), NullNode.instance, -32700, "parse error");
  }

  @Test
  void hugeOrDeepRequestsAreRefusedBeforeTheyCostMemory() throws Exception {
    StringBuilder many =
        new StringBuilder("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"echo\",\"params\":[");
    for (int i = 0; i < 300_000; i++) {
      many.append(i == 0 ? "1" : ",1");
    }
    assertError(
        call(many.append("]}").toString()),
        NullNode.instance,
        -32005,
        "request too complex: more than 250000 JSON tokens");
    String deep = "[".repeat(200) + "]".repeat(200);
    assertError(
        call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"echo\",\"params\":" + deep + "}"),
        NullNode.instance,
        -32005,
        "request too complex: nested deeper than 128 levels");
    // A realistic batch is far from both.
    StringBuilder batch = new StringBuilder("[");
    for (int i = 0; i < 1000; i++) {
      batch.append(i == 0 ? "" : ",");
      batch.append("{\"jsonrpc\":\"2.0\",\"id\":").append(i);
      batch.append(
          ",\"method\":\"echo\",\"params\":[{\"to\":\"0x00\",\"data\":\"0x\"},\"latest\"]}");
    }
    assertEquals(1000, call(batch.append(']').toString()).size());
  }
}
