package io.zgnode.evm.precompile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zgnode.evm.bytes.Hex;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Precompile test vectors in go-ethereum's JSON layout, stored under {@code
 * src/test/resources/precompiles/}: an array of {@code {Input, Expected, Name, Gas}} for calls that
 * succeed, or of {@code {Input, ExpectedError, Name}} for calls that fail ({@code fail-*.json}).
 */
final class PrecompileVectors {
  private static final ObjectMapper JSON = new ObjectMapper();

  private PrecompileVectors() {}

  /** A call that succeeds with {@code expected} output and costs {@code gas}. */
  record Success(String name, byte[] input, byte[] expected, long gas) {}

  /** A call that fails; {@code error} is the reference client's message, for the report only. */
  record Failure(String name, byte[] input, String error) {}

  static List<Success> successes(String resource) {
    List<Success> out = new ArrayList<>();
    for (JsonNode v : load(resource)) {
      out.add(
          new Success(
              text(v, "Name", resource),
              Hex.decode(text(v, "Input", resource)),
              Hex.decode(text(v, "Expected", resource)),
              number(v, "Gas", resource)));
    }
    return out;
  }

  static List<Failure> failures(String resource) {
    List<Failure> out = new ArrayList<>();
    for (JsonNode v : load(resource)) {
      out.add(
          new Failure(
              text(v, "Name", resource),
              Hex.decode(text(v, "Input", resource)),
              text(v, "ExpectedError", resource)));
    }
    return out;
  }

  private static JsonNode load(String resource) {
    String path = "/precompiles/" + resource;
    try (InputStream in = PrecompileVectors.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("test vector resource " + path + " is missing");
      }
      JsonNode root = JSON.readTree(in);
      if (!root.isArray() || root.isEmpty()) {
        throw new IllegalStateException(path + " must be a non-empty JSON array");
      }
      return root;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }

  private static String text(JsonNode v, String field, String resource) {
    JsonNode n = v.get(field);
    if (n == null || !n.isTextual()) {
      throw new IllegalStateException(resource + ": vector without text field " + field + ": " + v);
    }
    return n.asText();
  }

  private static long number(JsonNode v, String field, String resource) {
    JsonNode n = v.get(field);
    if (n == null || !n.canConvertToLong()) {
      throw new IllegalStateException(resource + ": vector without number " + field + ": " + v);
    }
    return n.asLong();
  }
}
