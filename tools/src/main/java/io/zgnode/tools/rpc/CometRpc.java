package io.zgnode.tools.rpc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zgnode.evm.bytes.Hex;
import io.zgnode.tools.CliException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * A client for the few CometBFT RPC endpoints the CLI reads ({@code /status}, {@code /abci_query}).
 */
public final class CometRpc {
  public static final URI DEFAULT_NODE = URI.create("http://127.0.0.1:26657");

  static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

  private final URI base;
  private final HttpClient http;

  public CometRpc(URI base) {
    String s = base.toString();
    if (!s.startsWith("http://") && !s.startsWith("https://")) {
      throw new CliException("node URL must start with http:// or https://, got " + base);
    }
    this.base = URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
    this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
  }

  /** Parses a {@code --node} value, accepting {@code tcp://} as CometBFT's own flags do. */
  public static URI parseNode(String text) {
    String t = text.strip();
    if (t.startsWith("tcp://")) {
      t = "http://" + t.substring("tcp://".length());
    }
    try {
      URI u = URI.create(t);
      if (u.getHost() == null || u.getScheme() == null) {
        throw new IllegalArgumentException("no host");
      }
      return u;
    } catch (IllegalArgumentException e) {
      throw new CliException("bad node URL '" + text + "' (expected e.g. " + DEFAULT_NODE + ")");
    }
  }

  /** The {@code result} of {@code /status}: {@code node_info}, {@code sync_info}, ... */
  public JsonNode status() {
    return call("/status");
  }

  /** {@code /abci_query} with a hex-encoded {@code data} argument. */
  public AbciQueryResult abciQuery(String path, byte[] data) {
    String q =
        "/abci_query?path="
            + URLEncoder.encode("\"" + path + "\"", StandardCharsets.UTF_8)
            + "&data="
            + Hex.encode(data);
    JsonNode result = call(q);
    JsonNode response = result.path("response");
    if (!response.isObject()) {
      throw new CliException("unexpected answer from " + base + "/abci_query: no response object");
    }
    // Zero and empty fields are left out of CometBFT's JSON, so a missing code means 0.
    long code = response.path("code").asLong(0);
    String log = response.path("log").asText("");
    String codespace = response.path("codespace").asText("");
    String value64 = response.path("value").asText("");
    byte[] value;
    try {
      value = Base64.getDecoder().decode(value64);
    } catch (IllegalArgumentException e) {
      throw new CliException("the node answered a value that is not base64: " + value64);
    }
    long height = response.path("height").asLong(0);
    return new AbciQueryResult(code, codespace, log, value, height);
  }

  /** {@code /broadcast_tx_sync}: the CheckTx answer ({@code code}, {@code log}, {@code hash}). */
  public JsonNode broadcastTxSync(byte[] tx) {
    return call("/broadcast_tx_sync?tx=" + Hex.encode(tx));
  }

  /** The decoded answer of an ABCI query. */
  public record AbciQueryResult(
      long code, String codespace, String log, byte[] value, long height) {}

  private JsonNode call(String pathAndQuery) {
    URI uri = URI.create(base + pathAndQuery);
    HttpRequest req = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).GET().build();
    HttpResponse<String> resp;
    try {
      resp = http.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (HttpConnectTimeoutException | ConnectException e) {
      throw new CliException(
          "cannot reach CometBFT's RPC at " + base + " (is the node running?)", e);
    } catch (HttpTimeoutException e) {
      throw new CliException(
          "CometBFT's RPC at "
              + base
              + " did not answer within "
              + REQUEST_TIMEOUT.toSeconds()
              + " s",
          e);
    } catch (IOException e) {
      throw new CliException(
          "cannot reach CometBFT's RPC at " + base + " (is the node running?): " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException("interrupted while calling " + uri, e);
    }
    JsonNode body;
    try {
      body = MAPPER.readTree(resp.body());
    } catch (JsonProcessingException e) {
      throw new CliException(
          uri + " answered HTTP " + resp.statusCode() + " with a body that is not JSON");
    }
    JsonNode error = body == null ? null : body.get("error");
    if (error != null && !error.isNull()) {
      String msg = error.path("message").asText("error");
      String data = error.path("data").asText("");
      throw new CliException(
          "CometBFT's RPC answered an error for "
              + uri.getPath()
              + ": "
              + msg
              + (data.isEmpty() ? "" : ": " + data));
    }
    if (resp.statusCode() != 200 || body == null || !body.path("result").isObject()) {
      throw new CliException(
          uri + " answered HTTP " + resp.statusCode() + " without a JSON-RPC result");
    }
    return body.get("result");
  }
}
