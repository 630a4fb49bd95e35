package io.zgnode.jsonrpc.eth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class CometTxBroadcasterTest {

  /** A fake CometBFT RPC answering every POST with {@code answer}; records the last request. */
  private static HttpServer server(String answer, AtomicReference<JsonNode> seen)
      throws IOException {
    HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    s.createContext(
        "/",
        ex -> {
          try (InputStream in = ex.getRequestBody()) {
            seen.set(TestNet.MAPPER.readTree(in));
          }
          byte[] body = answer.getBytes(StandardCharsets.UTF_8);
          ex.getResponseHeaders().add("Content-Type", "application/json");
          ex.sendResponseHeaders(200, body.length);
          ex.getResponseBody().write(body);
          ex.close();
        });
    s.start();
    return s;
  }

  private static BroadcastResult send(String answer, AtomicReference<JsonNode> seen)
      throws IOException {
    HttpServer s = server(answer, seen);
    try (CometTxBroadcaster b =
        new CometTxBroadcaster(URI.create("tcp://127.0.0.1:" + s.getAddress().getPort()))) {
      return b.broadcast(new byte[] {2, 3, 4});
    } finally {
      s.stop(0);
    }
  }

  @Test
  void postsBroadcastTxSyncWithBase64() throws Exception {
    AtomicReference<JsonNode> seen = new AtomicReference<>();
    BroadcastResult ok =
        send(
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"code\":0,\"data\":\"\",\"log\":\"\",\"codespace\":\"\",\"hash\":\"AB\"}}",
            seen);
    assertTrue(ok.accepted());
    assertEquals("broadcast_tx_sync", seen.get().get("method").asText());
    assertEquals("2.0", seen.get().get("jsonrpc").asText());
    assertEquals(
        Base64.getEncoder().encodeToString(new byte[] {2, 3, 4}),
        seen.get().get("params").get("tx").asText());
  }

  @Test
  void checkTxRefusalKeepsItsLog() throws Exception {
    BroadcastResult r =
        send(
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"code\":4,\"log\":\"nonce too low: next nonce 3, tx nonce 1\",\"codespace\":\"zgnode\",\"hash\":\"AB\"}}",
            new AtomicReference<>());
    assertFalse(r.accepted());
    assertEquals(4, r.code());
    assertEquals("nonce too low: next nonce 3, tx nonce 1", r.log());
  }

  @Test
  void cometRefusalsInGethWords() throws Exception {
    BroadcastResult known =
        send(
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32603,\"message\":\"Internal error\",\"data\":\"error on broadcastTxSync: tx already exists in cache\"}}",
            new AtomicReference<>());
    assertEquals("already known", known.log());
    assertEquals(BroadcastResult.MEMPOOL_REFUSED, known.code());
    BroadcastResult full =
        send(
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32603,\"message\":\"Internal error\",\"data\":\"error on broadcastTxSync: mempool is full: number of txs 5000 (max: 5000), total txs bytes 1 (max: 2)\"}}",
            new AtomicReference<>());
    assertEquals("txpool is full", full.log());
    BroadcastResult big =
        send(
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32603,\"message\":\"Internal error\",\"data\":\"tx too large. Max size is 1048576, but got 2000000\"}}",
            new AtomicReference<>());
    assertTrue(big.log().startsWith("oversized data"), big.log());
    IOException other =
        assertThrows(
            IOException.class,
            () ->
                send(
                    "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32603,\"message\":\"Internal error\",\"data\":\"timed out waiting for tx to be included\"}}",
                    new AtomicReference<>()));
    assertTrue(other.getMessage().contains("timed out"), other.getMessage());
    assertThrows(IOException.class, () -> send("not json", new AtomicReference<>()));
    assertThrows(IOException.class, () -> send("{\"jsonrpc\":\"2.0\"}", new AtomicReference<>()));
  }

  @Test
  void unreachableCometIsAnIoException() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    try (CometTxBroadcaster b =
        new CometTxBroadcaster(URI.create("http://127.0.0.1:" + port), Duration.ofSeconds(2))) {
      IOException e = assertThrows(IOException.class, () -> b.broadcast(new byte[] {1}));
      assertTrue(e.getMessage().startsWith("cannot reach CometBFT at"), e.getMessage());
    }
  }

  @Test
  void endpointForms() {
    assertEquals(
        URI.create("http://127.0.0.1:26657/"),
        CometTxBroadcaster.httpEndpoint(URI.create("tcp://127.0.0.1:26657")));
    assertEquals(
        URI.create("http://localhost:26657/"),
        CometTxBroadcaster.httpEndpoint(URI.create("http://localhost")));
    assertThrows(
        IllegalArgumentException.class,
        () -> CometTxBroadcaster.httpEndpoint(URI.create("unix:///tmp/comet.sock")));
  }
}
