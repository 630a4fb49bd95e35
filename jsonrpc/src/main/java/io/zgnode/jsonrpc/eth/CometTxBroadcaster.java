package io.zgnode.jsonrpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Submits transactions to CometBFT's mempool through its RPC's {@code broadcast_tx_sync}, which
 * returns once CheckTx has answered. One pooled HTTP/1.1 client serves all RPC threads.
 *
 * <p>CometBFT refuses some transactions before the application sees them; those refusals are
 * reworded as geth words them, because wallets classify errors by text: a transaction already in
 * its cache becomes "already known", a full mempool "txpool is full", an oversized transaction
 * "oversized data". Failures to reach CometBFT are {@link IOException}s.
 */
public final class CometTxBroadcaster implements TxBroadcaster, AutoCloseable {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  private final URI endpoint;
  private final Duration timeout;
  private final HttpClient client;
  private final AtomicLong ids = new AtomicLong();

  /** {@code cometRpc} is CometBFT's RPC address, e.g. http://127.0.0.1:26657 (tcp:// works too). */
  public CometTxBroadcaster(URI cometRpc) {
    this(cometRpc, DEFAULT_TIMEOUT);
  }

  public CometTxBroadcaster(URI cometRpc, Duration timeout) {
    this.endpoint = httpEndpoint(cometRpc);
    this.timeout = timeout;
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(
                Duration.ofSeconds(5).compareTo(timeout) < 0 ? Duration.ofSeconds(5) : timeout)
            .build();
  }

  /** CometBFT prints its RPC address as tcp://host:port; the HTTP client needs http://. */
  static URI httpEndpoint(URI uri) {
    if (uri == null || uri.getHost() == null) {
      throw new IllegalArgumentException("CometBFT RPC address needs a host: " + uri);
    }
    String scheme = uri.getScheme() == null ? "http" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (scheme.equals("tcp")) {
      scheme = "http";
    }
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException("CometBFT RPC address must be http(s) or tcp: " + uri);
    }
    String path = uri.getPath() == null || uri.getPath().isEmpty() ? "/" : uri.getPath();
    return URI.create(
        scheme + "://" + uri.getHost() + ":" + (uri.getPort() < 0 ? 26657 : uri.getPort()) + path);
  }

  public URI endpoint() {
    return endpoint;
  }

  @Override
  public BroadcastResult broadcast(byte[] raw) throws IOException {
    ObjectNode body = MAPPER.createObjectNode();
    body.put("jsonrpc", "2.0");
    body.put("id", ids.incrementAndGet());
    body.put("method", "broadcast_tx_sync");
    body.putObject("params").put("tx", Base64.getEncoder().encodeToString(raw));
    HttpRequest request =
        HttpRequest.newBuilder(endpoint)
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(MAPPER.writeValueAsBytes(body)))
            .build();
    HttpResponse<byte[]> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while broadcasting a transaction to CometBFT");
    } catch (IOException e) {
      throw new IOException("cannot reach CometBFT at " + endpoint + ": " + describe(e), e);
    }
    return parse(response.statusCode(), response.body());
  }

  /** Reads CometBFT's answer (package-private for tests). */
  static BroadcastResult parse(int status, byte[] body) throws IOException {
    JsonNode root;
    try {
      root = MAPPER.readTree(body);
    } catch (IOException e) {
      throw new IOException("CometBFT answered HTTP " + status + " with a body that is not JSON");
    }
    if (root == null || !root.isObject()) {
      throw new IOException("CometBFT answered HTTP " + status + " without a JSON-RPC object");
    }
    JsonNode error = root.get("error");
    if (error != null && !error.isNull()) {
      String text = error.path("data").asText("") + " " + error.path("message").asText("");
      String lower = text.toLowerCase(Locale.ROOT);
      if (lower.contains("tx already exists in cache")) {
        return BroadcastResult.refused(BroadcastResult.MEMPOOL_REFUSED, "already known");
      }
      if (lower.contains("mempool is full")) {
        return BroadcastResult.refused(BroadcastResult.MEMPOOL_REFUSED, "txpool is full");
      }
      if (lower.contains("tx too large")) {
        return BroadcastResult.refused(
            BroadcastResult.MEMPOOL_REFUSED, "oversized data: " + text.trim());
      }
      throw new IOException("CometBFT refused broadcast_tx_sync: " + text.trim());
    }
    JsonNode result = root.get("result");
    if (result == null || !result.isObject()) {
      throw new IOException("CometBFT answered HTTP " + status + " without a result");
    }
    JsonNode code = result.get("code");
    int c;
    if (code == null || code.isNull()) {
      c = 0;
    } else if (code.isIntegralNumber()) {
      c = code.intValue();
    } else if (code.isTextual() && code.asText().matches("\\d{1,9}")) {
      c = Integer.parseInt(code.asText());
    } else {
      throw new IOException("CometBFT answered a CheckTx code that is not a number: " + code);
    }
    if (c == 0) {
      return BroadcastResult.ACCEPTED;
    }
    String log = result.path("log").asText("");
    return BroadcastResult.refused(c, log.isEmpty() ? "transaction refused (code " + c + ")" : log);
  }

  private static String describe(Throwable e) {
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
  }

  @Override
  public void close() {
    client.shutdownNow();
  }
}
