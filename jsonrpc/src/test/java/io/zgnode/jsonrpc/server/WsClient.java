package io.zgnode.jsonrpc.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** java.net.http's WebSocket client with its messages collected in arrival order. */
final class WsClient implements WebSocket.Listener, AutoCloseable {
  record Closed(int code, String reason) {}

  private static final Duration WAIT = Duration.ofSeconds(20);

  final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
  final BlockingQueue<String> pongs = new LinkedBlockingQueue<>();
  final CompletableFuture<Closed> closed = new CompletableFuture<>();
  private final StringBuilder partial = new StringBuilder();
  private WebSocket ws;

  static WsClient connect(URI uri) {
    return connect(uri, Map.of());
  }

  static WsClient connect(URI uri, Map<String, String> headers) {
    WsClient c = new WsClient();
    WebSocket.Builder b = HttpClient.newHttpClient().newWebSocketBuilder();
    headers.forEach(b::header);
    c.ws = b.connectTimeout(WAIT).buildAsync(uri, c).join();
    return c;
  }

  void send(String text) {
    ws.sendText(text, true).join();
  }

  void ping(String data) {
    ws.sendPing(ByteBuffer.wrap(data.getBytes(StandardCharsets.UTF_8))).join();
  }

  /** The next message, parsed; fails after a deadline. */
  JsonNode next() throws Exception {
    String m = messages.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
    if (m == null) {
      throw new AssertionError("no message within " + WAIT);
    }
    return TestServer.json(m);
  }

  /** Sends a call and returns the next message (the answer when nothing else is in flight). */
  JsonNode call(int id, String method, String params) throws Exception {
    send(
        "{\"jsonrpc\":\"2.0\",\"id\":"
            + id
            + ",\"method\":\""
            + method
            + "\",\"params\":"
            + params
            + "}");
    return next();
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      messages.add(partial.toString());
      partial.setLength(0);
    }
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
    pongs.add(StandardCharsets.UTF_8.decode(message).toString());
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    closed.complete(new Closed(statusCode, reason));
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    closed.completeExceptionally(error);
  }

  @Override
  public void close() {
    if (!ws.isOutputClosed()) {
      ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null).join();
    }
    ws.abort();
  }
}
