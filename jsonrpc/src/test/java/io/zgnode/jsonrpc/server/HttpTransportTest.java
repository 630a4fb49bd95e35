package io.zgnode.jsonrpc.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.BindException;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The HTTP side of the server, over real sockets. */
class HttpTransportTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private final List<AutoCloseable> open = new ArrayList<>();

  private TestServer start(io.zgnode.jsonrpc.RpcConfig config) throws Exception {
    TestServer s = new TestServer(config);
    open.add(s);
    return s;
  }

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable c : open) {
      c.close();
    }
  }

  @Test
  void singleAndBatchCalls() throws Exception {
    TestServer s = start(TestServer.defaults());
    HttpResponse<String> r =
        s.post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"add\",\"params\":[40,2]}");
    assertEquals(200, r.statusCode());
    assertEquals("application/json", r.headers().firstValue("content-type").orElseThrow());
    assertEquals("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":42}", r.body());

    StringBuilder batch = new StringBuilder("[");
    for (int i = 0; i < 50; i++) {
      batch
          .append(i == 0 ? "" : ",")
          .append("{\"jsonrpc\":\"2.0\",\"id\":")
          .append(i)
          .append(",\"method\":\"add\",\"params\":[")
          .append(i)
          .append(",1]}");
    }
    JsonNode answers = TestServer.json(s.post(batch.append(']').toString()).body());
    assertEquals(50, answers.size());
    for (int i = 0; i < 50; i++) {
      assertEquals(i, answers.get(i).get("id").asInt());
      assertEquals(i + 1, answers.get(i).get("result").asInt());
    }
  }

  @Test
  void notificationsOnlyAnswerAnEmpty200() throws Exception {
    TestServer s = start(TestServer.defaults());
    HttpResponse<String> r = s.post("{\"jsonrpc\":\"2.0\",\"method\":\"nothing\"}");
    assertEquals(200, r.statusCode());
    assertEquals("", r.body());
    r =
        s.post(
            "[{\"jsonrpc\":\"2.0\",\"method\":\"nothing\"},{\"jsonrpc\":\"2.0\",\"method\":\"x\"}]");
    assertEquals(200, r.statusCode());
    assertEquals("", r.body());
  }

  @Test
  void badInputGetsJsonRpcErrors() throws Exception {
    TestServer s = start(TestServer.defaults());
    HttpResponse<String> r = s.post("{\"jsonrpc\":\"2.0\",");
    assertEquals(200, r.statusCode());
    assertEquals(
        "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32700,\"message\":\"parse error\"}}",
        r.body());
    assertEquals(-32600, TestServer.json(s.post("[]").body()).at("/error/code").asInt());
    assertEquals("empty batch", TestServer.json(s.post("[]").body()).at("/error/message").asText());
    JsonNode wrongParams = s.call("echo", "{\"a\":1}");
    assertEquals(-32602, wrongParams.at("/error/code").asInt());
    assertEquals("non-array args", wrongParams.at("/error/message").asText());
    JsonNode unknown = s.call("eth_nope", "[]");
    assertEquals(-32601, unknown.at("/error/code").asInt());
    assertEquals(
        "the method eth_nope does not exist/is not available",
        unknown.at("/error/message").asText());
    JsonNode failed = s.call("fail", "[]");
    assertEquals(-32603, failed.at("/error/code").asInt());
    assertEquals("boom", failed.at("/error/message").asText());
    JsonNode subscribe = s.call("subscribe", "[]");
    assertEquals(-32601, subscribe.at("/error/code").asInt());
    assertEquals("notifications not supported", subscribe.at("/error/message").asText());
  }

  @Test
  void batchOverTheItemLimit() throws Exception {
    TestServer s = start(TestServer.defaults());
    StringBuilder batch = new StringBuilder("[");
    for (int i = 0; i < 1001; i++) {
      batch.append(i == 0 ? "" : ",").append("{\"jsonrpc\":\"2.0\",\"id\":").append(i);
      batch.append(",\"method\":\"nothing\"}");
    }
    JsonNode a = TestServer.json(s.post(batch.append(']').toString()).body());
    assertEquals(1, a.size());
    assertEquals(-32005, a.get(0).at("/error/code").asInt());
    assertEquals(
        "batch too large: 1001 requests, limit 1000", a.get(0).at("/error/message").asText());
  }

  @Test
  void oversizedBodyIs413AndTheConnectionStaysUsable() throws Exception {
    TestServer s = start(TestServer.defaults()); // 64 KiB bodies
    try (RawConnection c = new RawConnection(s.httpPort())) {
      String big =
          "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"echo\",\"params\":[\""
              + "a".repeat(70_000)
              + "\"]}";
      RawConnection.Response r = c.post(big, Map.of("Content-Type", "application/json"));
      assertEquals(413, r.status());
      JsonNode e = TestServer.json(r.body());
      assertEquals(-32005, e.at("/error/code").asInt());
      assertEquals("request body too large: limit 65536 bytes", e.at("/error/message").asText());
      assertTrue(e.get("id").isNull());
      assertFalse("close".equalsIgnoreCase(r.headers().get("connection")), r.headers().toString());
      // The same connection answers the next request.
      RawConnection.Response ok =
          c.post(
              "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"add\",\"params\":[1,2]}",
              Map.of("Content-Type", "application/json"));
      assertEquals(200, ok.status());
      assertEquals(3, TestServer.json(ok.body()).get("result").asInt());
    }
  }

  @Test
  void chunkedBodyOverTheLimitIs413Too() throws Exception {
    TestServer s = start(TestServer.defaults());
    try (RawConnection c = new RawConnection(s.httpPort())) {
      StringBuilder req =
          new StringBuilder(
              "POST / HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                  + "Transfer-Encoding: chunked\r\n\r\n");
      String chunk = "b".repeat(16 * 1024);
      for (int i = 0; i < 6; i++) {
        req.append(Integer.toHexString(chunk.length())).append("\r\n").append(chunk).append("\r\n");
      }
      req.append("0\r\n\r\n");
      c.write(req.toString());
      assertEquals(413, c.read().status());
      RawConnection.Response ok =
          c.post("{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"nothing\"}", Map.of());
      assertEquals(200, ok.status());
      assertEquals(5, TestServer.json(ok.body()).get("id").asInt());
    }
  }

  @Test
  void expectContinueOverTheLimitIs413WithoutTheBody() throws Exception {
    TestServer s = start(TestServer.defaults());
    try (RawConnection c = new RawConnection(s.httpPort())) {
      c.write(
          "POST / HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
              + "Expect: 100-continue\r\nContent-Length: 1000000\r\n\r\n");
      RawConnection.Response r = c.read();
      assertEquals(413, r.status());
      assertEquals(
          "request body too large: limit 65536 bytes",
          TestServer.json(r.body()).at("/error/message").asText());
      // The body is never sent; the connection goes on with the next request.
      RawConnection.Response ok =
          c.post("{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"nothing\"}", Map.of());
      assertEquals(200, ok.status());
      assertEquals(6, TestServer.json(ok.body()).get("id").asInt());
    }
  }

  @Test
  void pipelinedRequestsAreAnsweredInOrder() throws Exception {
    TestServer s = start(TestServer.defaults());
    try (RawConnection c = new RawConnection(s.httpPort())) {
      StringBuilder all = new StringBuilder();
      for (int i = 0; i < 20; i++) {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":" + i + ",\"method\":\"nothing\"}";
        all.append("POST / HTTP/1.1\r\nHost: localhost\r\nContent-Length: ")
            .append(body.getBytes(StandardCharsets.UTF_8).length)
            .append("\r\n\r\n")
            .append(body);
      }
      c.write(all.toString());
      for (int i = 0; i < 20; i++) {
        assertEquals(i, TestServer.json(c.read().body()).get("id").asInt());
      }
    }
  }

  @Test
  void hostHeaderIsChecked() throws Exception {
    TestServer s = start(TestServer.defaults());
    String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"nothing\"}";
    try (RawConnection c = new RawConnection(s.httpPort())) {
      RawConnection.Response bad = c.post(body, Map.of("Host", "evil.example:8545"));
      assertEquals(403, bad.status());
      assertEquals(
          "invalid host specified", TestServer.json(bad.body()).at("/error/message").asText());
      for (String ok :
          List.of("localhost", "LOCALHOST:8545", "127.0.0.1:8545", "10.1.2.3", "[::1]:8545")) {
        assertEquals(200, c.post(body, Map.of("Host", ok)).status(), ok);
      }
    }
    TestServer any = start(TestServer.config(65536, 4, 3, 2, 10, List.of(), List.of("*")));
    try (RawConnection c = new RawConnection(any.httpPort())) {
      assertEquals(200, c.post(body, Map.of("Host", "evil.example")).status());
    }
  }

  @Test
  void contentTypeIsChecked() throws Exception {
    TestServer s = start(TestServer.defaults());
    String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"nothing\"}";
    HttpResponse<String> r = s.post(body, Map.of("Content-Type", "text/plain"));
    assertEquals(415, r.statusCode());
    assertEquals(
        "invalid content type, only application/json is supported",
        TestServer.json(r.body()).at("/error/message").asText());
    assertEquals(
        200, s.post(body, Map.of("Content-Type", "application/json; charset=UTF-8")).statusCode());
    assertEquals(200, s.post(body, Map.of()).statusCode(), "a missing type is accepted");
  }

  @Test
  void corsPreflightAndHeaders() throws Exception {
    TestServer s =
        start(
            TestServer.config(
                65536, 4, 3, 2, 10, List.of("https://app.example"), List.of("localhost")));
    HttpRequest preflight =
        HttpRequest.newBuilder(s.httpUri())
            .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
            .header("Origin", "https://app.example")
            .header("Access-Control-Request-Method", "POST")
            .header("Access-Control-Request-Headers", "content-type")
            .build();
    HttpResponse<String> r = s.http.send(preflight, HttpResponse.BodyHandlers.ofString());
    assertEquals(204, r.statusCode());
    assertEquals(
        "https://app.example", r.headers().firstValue("access-control-allow-origin").orElseThrow());
    assertTrue(
        r.headers().firstValue("access-control-allow-methods").orElseThrow().contains("POST"));
    assertEquals(
        "content-type", r.headers().firstValue("access-control-allow-headers").orElseThrow());

    String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"nothing\"}";
    HttpResponse<String> allowed =
        s.post(body, Map.of("Origin", "https://APP.example", "Content-Type", "application/json"));
    assertEquals(
        "https://APP.example",
        allowed.headers().firstValue("access-control-allow-origin").orElseThrow());
    HttpResponse<String> other =
        s.post(body, Map.of("Origin", "https://evil.example", "Content-Type", "application/json"));
    assertEquals(200, other.statusCode());
    assertTrue(other.headers().firstValue("access-control-allow-origin").isEmpty());

    TestServer any = start(TestServer.config(65536, 4, 3, 2, 10, List.of("*"), List.of("*")));
    HttpResponse<String> star =
        any.post(body, Map.of("Origin", "https://x.example", "Content-Type", "application/json"));
    assertEquals("*", star.headers().firstValue("access-control-allow-origin").orElseThrow());
  }

  @Test
  void getProbesAndOtherMethods() throws Exception {
    TestServer s = start(TestServer.defaults());
    HttpResponse<String> get =
        s.http.send(
            HttpRequest.newBuilder(s.httpUri()).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, get.statusCode());
    assertTrue(get.body().contains("JSON-RPC"), get.body());
    HttpResponse<String> put =
        s.http.send(
            HttpRequest.newBuilder(s.httpUri())
                .PUT(HttpRequest.BodyPublishers.ofString("{}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(405, put.statusCode());
    assertEquals(-32600, TestServer.json(put.body()).at("/error/code").asInt());
  }

  @Test
  void fullWorkerPoolAnswersBusy() throws Exception {
    TestServer s = start(TestServer.config(65536, 4, 3, 1, 1, List.of(), List.of("localhost")));
    String block = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"block\"}";
    CompletableFuture<HttpResponse<String>> first =
        s.http.sendAsync(
            HttpRequest.newBuilder(s.httpUri())
                .POST(HttpRequest.BodyPublishers.ofString(block))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    TestServer.await(WAIT, "the only worker is busy", () -> s.blocked.get() == 1);
    CompletableFuture<HttpResponse<String>> second =
        s.http.sendAsync(
            HttpRequest.newBuilder(s.httpUri())
                .POST(HttpRequest.BodyPublishers.ofString(block))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    TestServer.await(WAIT, "one request queued", () -> s.server.queuedRequests() == 1);
    JsonNode busy = s.call("echo", "[]");
    assertEquals(-32005, busy.at("/error/code").asInt());
    assertEquals("server busy, try again", busy.at("/error/message").asText());
    assertEquals(1, busy.get("id").asInt());
    s.release.countDown();
    assertEquals("released", TestServer.json(first.get().body()).get("result").asText());
    assertEquals("released", TestServer.json(second.get().body()).get("result").asText());
    assertTrue(s.call("echo", "[1]").has("result"), "served again once the queue drains");
  }

  @Test
  void bothPortsServeHttp() throws Exception {
    int wsPort;
    try (ServerSocket free = new ServerSocket(0)) {
      wsPort = free.getLocalPort();
    }
    TestServer s = start(TestServer.defaults().withPorts(0, wsPort));
    assertEquals(wsPort, s.server.wsPort());
    try (RawConnection c = new RawConnection(wsPort)) {
      RawConnection.Response r =
          c.post("{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"nothing\"}", Map.of());
      assertEquals(200, r.status());
      assertEquals(9, TestServer.json(r.body()).get("id").asInt());
    }
  }

  @Test
  void aTakenPortIsAClearError() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
      BindException e =
          assertThrows(
              BindException.class,
              () -> new TestServer(TestServer.defaults().withPorts(taken.getLocalPort(), 0)));
      assertEquals(
          "JSON-RPC port " + taken.getLocalPort() + " on 127.0.0.1 is in use", e.getMessage());
    }
  }

  @Test
  void closeIsIdempotentAndStopsServing() throws Exception {
    TestServer s = new TestServer(TestServer.defaults());
    int port = s.httpPort();
    s.close();
    s.close();
    assertThrows(java.io.IOException.class, () -> new RawConnection(port).close());
  }
}
