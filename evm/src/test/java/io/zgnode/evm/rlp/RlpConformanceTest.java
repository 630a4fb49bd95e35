package io.zgnode.evm.rlp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zgnode.evm.SharedFixtures;
import io.zgnode.evm.bytes.Hex;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** ethereum/tests RLPTests: encoding, rejection of invalid input, and decode/encode round trips. */
class RlpConformanceTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TestFactory
  Stream<DynamicTest> encodes() throws IOException {
    return vectors(SharedFixtures.ethereumTests("RLPTests").resolve("rlptest.json"))
        .map(v ->
            DynamicTest.dynamicTest(
                "rlptest/" + v.name(),
                () -> {
                  byte[] expected = Hex.decode(v.body().get("out").asText());
                  RlpWriter w = new RlpWriter();
                  encode(v.body().get("in"), w);
                  assertArrayEquals(expected, w.toByteArray(), "encoding of 'in'");
                  // And the expected bytes decode to something that encodes back to them.
                  assertArrayEquals(expected, reencode(expected), "round trip of 'out'");
                }));
  }

  @TestFactory
  Stream<DynamicTest> rejectsInvalid() throws IOException {
    return vectors(SharedFixtures.ethereumTests("RLPTests").resolve("invalidRLPTest.json"))
        .map(v ->
            DynamicTest.dynamicTest(
                "invalidRLPTest/" + v.name(),
                () -> {
                  byte[] out = Hex.decode(v.body().get("out").asText());
                  assertThrows(RlpException.class, () -> decodeTree(out));
                }));
  }

  @TestFactory
  Stream<DynamicTest> roundTripsRandom() throws IOException {
    Path dir = SharedFixtures.ethereumTests("RLPTests").resolve("RandomRLPTests");
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    assertFalse(files.isEmpty(), "no RandomRLPTests found in " + dir);
    List<DynamicTest> tests = new ArrayList<>();
    for (Path f : files) {
      vectors(f)
          .forEach(v ->
              tests.add(
                  DynamicTest.dynamicTest(
                      "RandomRLPTests/" + f.getFileName() + "/" + v.name(),
                      () -> {
                        byte[] out = Hex.decode(v.body().get("out").asText());
                        assertArrayEquals(out, reencode(out));
                      })));
    }
    return tests.stream();
  }

  private record Vector(String name, JsonNode body) {}

  private static Stream<Vector> vectors(Path file) throws IOException {
    JsonNode root = JSON.readTree(file.toFile());
    List<Vector> out = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : root.properties()) {
      out.add(new Vector(e.getKey(), e.getValue()));
    }
    assertTrue(out.size() > 0, "no vectors in " + file);
    return out.stream();
  }

  private static void encode(JsonNode in, RlpWriter w) {
    if (in.isArray()) {
      w.startList();
      for (JsonNode item : in) {
        encode(item, w);
      }
      w.endList();
    } else if (in.isIntegralNumber()) {
      w.writeBigInteger(in.bigIntegerValue());
    } else if (in.isTextual() && in.asText().startsWith("#")) {
      w.writeBigInteger(new BigInteger(in.asText().substring(1)));
    } else if (in.isTextual()) {
      w.writeBytes(in.asText().getBytes(StandardCharsets.UTF_8));
    } else {
      throw new IllegalArgumentException("unexpected RLP test input " + in);
    }
  }

  /** Decodes a whole input as one item, recursively: a byte[] or a List of items. */
  static Object decodeTree(byte[] encoded) {
    RlpReader r = RlpReader.ofSingleItem(encoded);
    Object item = readItem(r);
    r.requireEnd("top level");
    return item;
  }

  private static Object readItem(RlpReader r) {
    if (r.nextIsList()) {
      RlpReader inner = r.readList();
      List<Object> items = new ArrayList<>();
      while (inner.hasNext()) {
        items.add(readItem(inner));
      }
      return items;
    }
    return r.readBytes();
  }

  private static void writeItem(Object item, RlpWriter w) {
    if (item instanceof byte[] b) {
      w.writeBytes(b);
    } else {
      w.startList();
      for (Object o : (List<?>) item) {
        writeItem(o, w);
      }
      w.endList();
    }
  }

  private static byte[] reencode(byte[] encoded) {
    RlpWriter w = new RlpWriter();
    writeItem(decodeTree(encoded), w);
    return w.toByteArray();
  }
}
