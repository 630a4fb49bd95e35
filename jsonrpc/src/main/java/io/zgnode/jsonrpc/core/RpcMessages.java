package io.zgnode.jsonrpc.core;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * The JSON-RPC 2.0 envelope: parsing a request text into a tree and writing responses, errors and
 * subscription notifications with members in geth's order ({@code jsonrpc}, {@code id}, then {@code
 * result} or {@code error}).
 */
public final class RpcMessages {
  /** Strict JSON: no comments, no trailing garbage after the value. */
  public static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  /**
   * Most JSON tokens in one request. A tree costs some 40 bytes a node, so without a bound a 5 MiB
   * body of {@code [1,1,1,...]} would take a hundred MB of heap before any check could refuse it. A
   * batch of 1000 ordinary calls needs some 20,000.
   */
  public static final long MAX_REQUEST_TOKENS = 250_000;

  /** Deepest nesting of a request; real ones (state overrides included) stay under ten. */
  public static final int MAX_REQUEST_DEPTH = 128;

  private static final ObjectMapper REQUEST_READER =
      new ObjectMapper(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder()
                          .maxTokenCount(MAX_REQUEST_TOKENS)
                          .maxNestingDepth(MAX_REQUEST_DEPTH)
                          .build())
                  .build())
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String VERSION = "2.0";

  private RpcMessages() {}

  /**
   * Parses one HTTP body or WebSocket message.
   *
   * @throws com.fasterxml.jackson.core.exc.StreamConstraintsException over {@link
   *     #MAX_REQUEST_TOKENS} tokens or {@link #MAX_REQUEST_DEPTH} levels
   * @throws IOException for anything but exactly one JSON value (empty input included)
   */
  public static JsonNode parse(byte[] text) throws IOException {
    JsonNode root = REQUEST_READER.readTree(text);
    if (root == null || root.isMissingNode()) {
      throw new IOException("empty request");
    }
    return root;
  }

  public static ObjectNode result(JsonNode id, JsonNode result) {
    ObjectNode n = NODES.objectNode();
    n.put("jsonrpc", VERSION);
    n.set("id", id == null ? NullNode.instance : id);
    n.set("result", result == null || result.isMissingNode() ? NullNode.instance : result);
    return n;
  }

  public static ObjectNode error(JsonNode id, RpcException e) {
    return error(id, e.code(), e.getMessage(), e.data());
  }

  public static ObjectNode error(JsonNode id, int code, String message) {
    return error(id, code, message, null);
  }

  public static ObjectNode error(JsonNode id, int code, String message, JsonNode data) {
    ObjectNode err = NODES.objectNode();
    err.put("code", code);
    err.put("message", message);
    if (data != null && !data.isMissingNode()) {
      err.set("data", data);
    }
    ObjectNode n = NODES.objectNode();
    n.put("jsonrpc", VERSION);
    n.set("id", id == null ? NullNode.instance : id);
    n.set("error", err);
    return n;
  }

  /** {@code {"jsonrpc":"2.0","method":"eth_subscription","params":{"subscription":id,...}}}. */
  public static ObjectNode notification(String subscription, JsonNode result) {
    ObjectNode params = NODES.objectNode();
    params.put("subscription", subscription);
    params.set("result", result == null || result.isMissingNode() ? NullNode.instance : result);
    ObjectNode n = NODES.objectNode();
    n.put("jsonrpc", VERSION);
    n.put("method", "eth_subscription");
    n.set("params", params);
    return n;
  }

  /** An error answer with a null id, as bytes: for refusals before any request was read. */
  public static byte[] errorBytes(int code, String message) {
    return toBytes(error(NullNode.instance, code, message));
  }

  /**
   * Serializes a message. A tree holds only JSON values, so this fails only when a method put an
   * unserializable POJO node into its result; that is a programming error.
   */
  public static byte[] toBytes(JsonNode message) {
    try {
      return MAPPER.writeValueAsBytes(message);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize a JSON-RPC message: " + e.getMessage(), e);
    }
  }
}
