package io.zgnode.jsonrpc.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.zgnode.jsonrpc.RpcConfig;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The WebSocket side: calls, subscriptions, limits, and what closing a connection does. */
class WebSocketTransportTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private final List<AutoCloseable> open = new ArrayList<>();

  private TestServer start(RpcConfig config) throws Exception {
    return start(config, ServerOptions.DEFAULT);
  }

  private TestServer start(RpcConfig config, ServerOptions options) throws Exception {
    TestServer s = new TestServer(config, options);
    open.add(s);
    return s;
  }

  private WsClient connect(TestServer s) {
    WsClient c = WsClient.connect(s.wsUri());
    open.add(0, c);
    return c;
  }

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable c : open) {
      c.close();
    }
  }

  private TestServer.Sub takeSub(TestServer s) throws InterruptedException {
    TestServer.Sub sub = s.subs.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
    if (sub == null) {
      throw new AssertionError("no subscription made");
    }
    return sub;
  }

  @Test
  void requestsAndBatchesGetAnswers() throws Exception {
    TestServer s = start(TestServer.defaults());
    WsClient c = connect(s);
    assertEquals(
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":7}", c.call(1, "add", "[3,4]").toString());
    c.send(
        "[{\"jsonrpc\":\"2.0\",\"id\":\"a\",\"method\":\"add\",\"params\":[1,1]},"
            + "{\"jsonrpc\":\"2.0\",\"id\":\"b\",\"method\":\"nope\"}]");
    JsonNode batch = c.next();
    assertEquals(2, batch.size());
    assertEquals(2, batch.get(0).get("result").asInt());
    assertEquals(-32601, batch.get(1).at("/error/code").asInt());
    c.send("{oops");
    assertEquals(-32700, c.next().at("/error/code").asInt());
    c.send("{\"jsonrpc\":\"2.0\",\"method\":\"nothing\"}"); // a notification: no answer
    assertEquals(5, c.call(5, "nothing", "[]").get("id").asInt(), "the next answer is the call's");
  }

  @Test
  void answersComeBackAsTheyAreReadyNotInOrder() throws Exception {
    TestServer s = start(TestServer.defaults());
    WsClient c = connect(s);
    c.send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"block\"}");
    TestServer.await(WAIT, "the first call is running", () -> s.blocked.get() == 1);
    assertEquals(2, c.call(2, "nothing", "[]").get("id").asInt(), "not stuck behind call 1");
    s.release.countDown();
    assertEquals("released", c.next().get("result").asText());
  }

  @Test
  void pingIsAnswered() throws Exception {
    TestServer s = start(TestServer.defaults());
    WsClient c = connect(s);
    c.ping("hello");
    assertEquals("hello", c.pongs.poll(WAIT.toSeconds(), TimeUnit.SECONDS));
  }

  @Test
  void notificationsFollowTheSubscribeAnswerInOrder() throws Exception {
    TestServer s = start(TestServer.defaults());
    WsClient c = connect(s);
    JsonNode answer = c.call(1, "subscribeAndNotify", "[]");
    String id = answer.get("result").asText();
    assertTrue(id.matches("0x[0-9a-f]{32}"), id);
    for (int i = 0; i < 3; i++) {
      JsonNode n = c.next();
      assertEquals("eth_subscription", n.get("method").asText());
      assertEquals(id, n.at("/params/subscription").asText());
      assertEquals(i, n.at("/params/result").asInt());
      assertTrue(n.path("id").isMissingNode());
    }
    TestServer.Sub sub = takeSub(s);
    for (int i = 0; i < 200; i++) {
      sub.session().notify(id, IntNode.valueOf(i));
    }
    for (int i = 0; i < 200; i++) {
      assertEquals(i, c.next().at("/params/result").asInt());
    }
    // After unsubscribing nothing more arrives; the next message is the next answer.
    assertTrue(c.call(2, "unsubscribe", "[\"" + id + "\"]").get("result").asBoolean());
    assertEquals(1, sub.cancels().get());
    sub.session().notify(id, TextNode.valueOf("late"));
    assertEquals(3, c.call(3, "nothing", "[]").get("id").asInt());
    assertTrue(c.call(4, "unsubscribe", "[\"" + id + "\"]").get("result").asBoolean() == false);
    assertEquals(1, sub.cancels().get(), "cancelled exactly once");
  }

  @Test
  void subscriptionsPerConnectionAreLimited() throws Exception {
    TestServer s = start(TestServer.defaults()); // 3 per connection
    WsClient c = connect(s);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ids.add(c.call(i, "subscribe", "[]").get("result").asText());
    }
    JsonNode refused = c.call(9, "subscribe", "[]");
    assertEquals(-32005, refused.at("/error/code").asInt());
    assertEquals("too many subscriptions: limit 3", refused.at("/error/message").asText());
    assertTrue(c.call(10, "unsubscribe", "[\"" + ids.get(0) + "\"]").get("result").asBoolean());
    assertTrue(c.call(11, "subscribe", "[]").has("result"), "a freed place can be used again");
    // Another connection has its own count.
    assertTrue(connect(s).call(1, "subscribe", "[]").has("result"));
  }

  @Test
  void closingTheConnectionCancelsEachSubscriptionOnce() throws Exception {
    TestServer s = start(TestServer.defaults());
    WsClient c = connect(s);
    c.call(1, "subscribe", "[]");
    c.call(2, "subscribe", "[]");
    TestServer.Sub a = takeSub(s);
    TestServer.Sub b = takeSub(s);
    c.close();
    TestServer.await(
        WAIT, "both cancelled", () -> a.cancels().get() == 1 && b.cancels().get() == 1);
    TestServer.await(WAIT, "the connection is gone", () -> s.server.openWebSockets() == 0);
    a.session().notify(a.id(), TextNode.valueOf("to nobody")); // harmless after close
    s.server.close();
    assertEquals(1, a.cancels().get());
    assertEquals(1, b.cancels().get());
  }

  @Test
  void stoppingTheServerCancelsSubscriptions() throws Exception {
    TestServer s = start(TestServer.defaults());
    WsClient c = connect(s);
    c.call(1, "subscribe", "[]");
    TestServer.Sub a = takeSub(s);
    s.server.close();
    assertEquals(1, a.cancels().get(), "cancelled before close() returns");
    assertTrue(c.closed.handle((r, e) -> true).get(WAIT.toSeconds(), TimeUnit.SECONDS));
  }

  @Test
  void connectionsAreLimited() throws Exception {
    TestServer s = start(TestServer.defaults()); // 4 connections
    List<WsClient> clients = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      clients.add(connect(s));
    }
    try (RawConnection raw = new RawConnection(s.httpPort())) {
      RawConnection.Response r = raw.upgrade(Map.of());
      assertEquals(503, r.status());
      JsonNode e = TestServer.json(r.body());
      assertEquals(-32005, e.at("/error/code").asInt());
      assertEquals("too many WebSocket connections: limit 4", e.at("/error/message").asText());
    }
    clients.get(0).close();
    TestServer.await(WAIT, "a place is free", () -> s.server.openWebSockets() == 3);
    assertEquals(1, connect(s).call(1, "nothing", "[]").get("id").asInt());
  }

  @Test
  void originsAreChecked() throws Exception {
    TestServer local = start(TestServer.defaults()); // no cors-origins: only this machine
    try (RawConnection raw = new RawConnection(local.httpPort())) {
      RawConnection.Response r = raw.upgrade(Map.of("Origin", "https://evil.example"));
      assertEquals(403, r.status());
      assertTrue(r.body().contains("origin not allowed"), r.body());
    }
    try (RawConnection raw = new RawConnection(local.httpPort())) {
      assertEquals(101, raw.upgrade(Map.of("Origin", "http://localhost:5173")).status());
    }
    try (RawConnection raw = new RawConnection(local.httpPort())) {
      assertEquals(101, raw.upgrade(Map.of()).status(), "no Origin: not a browser");
    }
    TestServer app =
        start(TestServer.config(65536, 4, 3, 2, 10, List.of("https://app.example"), List.of()));
    try (RawConnection raw = new RawConnection(app.httpPort())) {
      assertEquals(403, raw.upgrade(Map.of("Origin", "http://localhost:5173")).status());
    }
    try (RawConnection raw = new RawConnection(app.httpPort())) {
      assertEquals(101, raw.upgrade(Map.of("Origin", "https://app.example")).status());
    }
  }

  @Test
  void aFrameOverTheLimitIsAnsweredThenClosedWith1009() throws Exception {
    TestServer s = start(TestServer.defaults()); // 64 KiB
    try (RawConnection raw = new RawConnection(s.httpPort())) {
      assertEquals(101, raw.upgrade(Map.of()).status());
      raw.sendText(
          "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"echo\",\"params\":[\""
              + "a".repeat(70_000)
              + "\"]}");
      RawConnection.Frame error = raw.readFrame();
      assertEquals(1, error.opcode());
      JsonNode e = TestServer.json(error.text());
      assertEquals(-32005, e.at("/error/code").asInt());
      assertEquals("message too large: limit 65536 bytes", e.at("/error/message").asText());
      RawConnection.Frame close = raw.readFrame();
      assertEquals(8, close.opcode());
      assertEquals(1009, close.closeCode());
      assertEquals("message too large: limit 65536 bytes", close.closeReason());
    }
    TestServer.await(WAIT, "the connection is gone", () -> s.server.openWebSockets() == 0);
  }

  @Test
  void aFragmentedMessageOverTheLimitIsAnsweredAndTheConnectionKept() throws Exception {
    TestServer s = start(TestServer.defaults()); // 64 KiB
    try (RawConnection raw = new RawConnection(s.httpPort())) {
      assertEquals(101, raw.upgrade(Map.of()).status());
      byte[] part = "a".repeat(40_000).getBytes(java.nio.charset.StandardCharsets.UTF_8);
      raw.sendFrame(1, false, part);
      raw.sendFrame(0, false, part);
      raw.sendFrame(0, true, "tail".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      JsonNode e = TestServer.json(raw.readFrame().text());
      assertEquals("message too large: limit 65536 bytes", e.at("/error/message").asText());
      raw.sendText("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"add\",\"params\":[2,2]}");
      JsonNode ok = TestServer.json(raw.readFrame().text());
      assertEquals(4, ok.get("result").asInt());
    }
  }

  /**
   * Sends notifications at the pace a reading client keeps up with: the next one goes out once less
   * than half the bound is unsent, or after a second without progress (a client that stopped
   * reading). Returns how many went out before the subscription was cancelled, or {@code max}.
   */
  private static int feed(TestServer.Sub sub, TextNode chunk, int max, long bound)
      throws InterruptedException {
    WsSession session = ((CallScope) sub.session()).session();
    int sent = 0;
    while (sub.cancels().get() == 0 && sent < max) {
      sub.session().notify(sub.id(), chunk);
      sent++;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
      while (session.pendingBytes() > bound / 2 && System.nanoTime() < deadline) {
        Thread.sleep(1);
      }
    }
    return sent;
  }

  @Test
  void aClientThatStopsReadingIsClosedAndItsSubscriptionsCancelled() throws Exception {
    long bound = 256 * 1024;
    ServerOptions small =
        new ServerOptions(1, bound, Duration.ofSeconds(120), Duration.ofMillis(200));
    TestServer s = start(TestServer.defaults(), small);
    TextNode chunk = TextNode.valueOf("z".repeat(32 * 1024));

    // A client that reads takes 16 MB through the 256 KiB bound without being closed.
    WsClient reader = connect(s);
    reader.call(1, "subscribe", "[]");
    TestServer.Sub fine = takeSub(s);
    assertEquals(512, feed(fine, chunk, 512, bound));
    for (int i = 0; i < 512; i++) {
      assertEquals(chunk, reader.next().at("/params/result"));
    }
    assertEquals(0, fine.cancels().get());

    try (RawConnection raw = new RawConnection(s.httpPort(), 4096)) {
      assertEquals(101, raw.upgrade(Map.of()).status());
      raw.sendText("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"subscribe\"}");
      TestServer.Sub sub = takeSub(s);
      int sent = feed(sub, chunk, 4096, bound);
      assertEquals(1, sub.cancels().get(), "not closed after " + sent + " notifications");
      // The kernel's socket buffers took a good part before the server had to queue.
      assertTrue(sent > 16, "closed after only " + sent + " notifications");
      TestServer.await(WAIT, "the connection is gone", () -> s.server.openWebSockets() == 1);
      assertTrue(raw.drainUntilClosed());
    }
    assertEquals(0, fine.cancels().get(), "the reading client is untouched");
  }

  @Test
  void theSeparateWebSocketPortServesWebSockets() throws Exception {
    int wsPort;
    try (ServerSocket free = new ServerSocket(0)) {
      wsPort = free.getLocalPort();
    }
    TestServer s = start(TestServer.defaults().withPorts(0, wsPort));
    assertEquals(wsPort, s.wsUri().getPort());
    assertEquals(3, connect(s).call(1, "add", "[1,2]").get("result").asInt());
    // And WebSockets on the HTTP port too.
    try (WsClient onHttp =
        WsClient.connect(java.net.URI.create("ws://127.0.0.1:" + s.httpPort() + "/any/path"))) {
      assertEquals(5, onHttp.call(1, "add", "[2,3]").get("result").asInt());
    }
  }
}
