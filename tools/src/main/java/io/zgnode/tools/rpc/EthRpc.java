package io.zgnode.tools.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zgnode.tools.CliException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/** A small Ethereum JSON-RPC client over HTTP for the tools: single calls and batches. */
public final class EthRpc {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI endpoint;
  private final HttpClient http;

  public EthRpc(URI endpoint) {
    this.endpoint = endpoint;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  public URI endpoint() {
    return endpoint;
  }

  /** One call; its result, or a CliException with the node's error message. */
  public JsonNode call(String method, Object... params) {
    JsonNode answer = post(request(1, method, params).toString());
    if (answer.has("error")) {
      throw new CliException(
          method + " failed: " + answer.path("error").path("message").asText(answer.toString()));
    }
    return answer.path("result");
  }

  /**
   * A batch of calls of one method, one params array each; the answers in request order (each an
   * object with "result" or "error").
   */
  public JsonNode[] batch(String method, List<Object[]> paramsList) {
    ArrayNode body = JSON.createArrayNode();
    for (int i = 0; i < paramsList.size(); i++) {
      body.add(request(i, method, paramsList.get(i)));
    }
    JsonNode answer = post(body.toString());
    if (!answer.isArray()) {
      throw new CliException(
          method
              + " batch failed: "
              + answer.path("error").path("message").asText(answer.toString()));
    }
    JsonNode[] out = new JsonNode[paramsList.size()];
    for (JsonNode a : answer) {
      int id = a.path("id").asInt(-1);
      if (id >= 0 && id < out.length) {
        out[id] = a;
      }
    }
    return out;
  }

  private static ObjectNode request(int id, String method, Object[] params) {
    ObjectNode req = JSON.createObjectNode();
    req.put("jsonrpc", "2.0");
    req.put("id", id);
    req.put("method", method);
    req.set("params", JSON.valueToTree(params));
    return req;
  }

  private JsonNode post(String body) {
    HttpRequest req =
        HttpRequest.newBuilder(endpoint)
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    try {
      HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
      return JSON.readTree(r.body());
    } catch (IOException e) {
      throw new CliException("cannot reach the JSON-RPC at " + endpoint + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException("interrupted while calling " + endpoint);
    }
  }
}
