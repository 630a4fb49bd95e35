package io.zgnode.state.trie;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zgnode.evm.bytes.Hex;
import io.zgnode.evm.types.Hash;
import io.zgnode.state.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The TrieTests of ethereum/tests: every vector of every file becomes one dynamic test that builds
 * the trie from the inputs and compares the root (and, for the next/prev file, iteration order).
 * Each tree is also committed to a node store and reloaded from its root, which must give back
 * every value, so the stored form is checked too.
 */
class TrieConformanceTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TestFactory
  Stream<DynamicTest> trietest() throws IOException {
    return rootVectors("trietest.json", false);
  }

  @TestFactory
  Stream<DynamicTest> trieanyorder() throws IOException {
    return rootVectors("trieanyorder.json", false);
  }

  @TestFactory
  Stream<DynamicTest> trietestSecure() throws IOException {
    return rootVectors("trietest_secureTrie.json", true);
  }

  @TestFactory
  Stream<DynamicTest> trieanyorderSecure() throws IOException {
    return rootVectors("trieanyorder_secureTrie.json", true);
  }

  @TestFactory
  Stream<DynamicTest> hexEncodedSecure() throws IOException {
    return rootVectors("hex_encoded_securetrie_test.json", true);
  }

  /**
   * trietestnextprev.json: for each probe key, "prev" is the greatest key below it and "next" the
   * smallest key above it ("" when none). The trie iterates forwards only, so next comes from
   * {@code forEach(probe)} skipping the probe itself, and prev from a forward scan that stops at
   * the probe.
   */
  @TestFactory
  Stream<DynamicTest> nextPrev() throws IOException {
    JsonNode root = read("trietestnextprev.json");
    List<DynamicTest> tests = new ArrayList<>();
    for (Map.Entry<String, JsonNode> vector : root.properties()) {
      JsonNode v = vector.getValue();
      MerklePatriciaTrie trie = new MerklePatriciaTrie(NodeStore.EMPTY);
      for (JsonNode k : v.get("in")) {
        byte[] key = parse(k.asText());
        trie.put(key, key);
      }
      for (JsonNode t : v.get("tests")) {
        byte[] probe = parse(t.get(0).asText());
        String prev = t.get(1).asText();
        String next = t.get(2).asText();
        tests.add(
            DynamicTest.dynamicTest(
                "trietestnextprev.json/" + vector.getKey() + "/" + t.get(0).asText(),
                () -> {
                  assertEquals(prev, ascii(prevKey(trie, probe)), "prev");
                  assertEquals(next, ascii(nextKey(trie, probe)), "next");
                }));
      }
    }
    return tests.stream();
  }

  private static byte[] nextKey(MerklePatriciaTrie trie, byte[] probe) {
    byte[][] found = new byte[1][];
    trie.forEach(
        probe,
        (k, v) -> {
          if (java.util.Arrays.equals(k, probe)) {
            return true;
          }
          found[0] = k;
          return false;
        });
    return found[0];
  }

  private static byte[] prevKey(MerklePatriciaTrie trie, byte[] probe) {
    byte[][] found = new byte[1][];
    trie.forEach(
        new byte[0],
        (k, v) -> {
          if (java.util.Arrays.compareUnsigned(k, probe) >= 0) {
            return false;
          }
          found[0] = k;
          return true;
        });
    return found[0];
  }

  private static String ascii(byte[] b) {
    return b == null ? "" : new String(b, StandardCharsets.US_ASCII);
  }

  private Stream<DynamicTest> rootVectors(String file, boolean secure) throws IOException {
    JsonNode root = read(file);
    List<DynamicTest> tests = new ArrayList<>();
    for (Map.Entry<String, JsonNode> vector : root.properties()) {
      JsonNode in = vector.getValue().get("in");
      Hash expected = Hash.fromHex(vector.getValue().get("root").asText());
      List<byte[][]> ops = new ArrayList<>();
      if (in.isArray()) {
        for (JsonNode pair : in) {
          ops.add(new byte[][] {parse(pair.get(0).asText()), value(pair.get(1))});
        }
      } else {
        for (Map.Entry<String, JsonNode> e : in.properties()) {
          ops.add(new byte[][] {parse(e.getKey()), value(e.getValue())});
        }
      }
      tests.add(
          DynamicTest.dynamicTest(
              file + "/" + vector.getKey(), () -> check(ops, expected, secure)));
    }
    return tests.stream();
  }

  private static void check(List<byte[][]> ops, Hash expected, boolean secure) {
    SecureMerklePatriciaTrie st =
        secure ? new SecureMerklePatriciaTrie(NodeStore.EMPTY, Hash.EMPTY_TRIE) : null;
    MerklePatriciaTrie trie = secure ? st.trie() : new MerklePatriciaTrie(NodeStore.EMPTY);
    Map<String, byte[]> model = new HashMap<>();
    for (byte[][] op : ops) {
      byte[] key = secure ? SecureMerklePatriciaTrie.hashKey(op[0]).toArray() : op[0];
      if (op[1] == null || op[1].length == 0) {
        trie.remove(key);
        model.remove(Hex.encode(key));
      } else {
        trie.put(key, op[1]);
        model.put(Hex.encode(key), op[1]);
      }
    }
    assertEquals(expected, trie.rootHash());

    // Stored form: commit, reload from the root, read every value back.
    Map<Hash, byte[]> nodes = new HashMap<>();
    trie.commit(nodes::put);
    MerklePatriciaTrie reloaded = new MerklePatriciaTrie(nodes::get, expected);
    for (Map.Entry<String, byte[]> e : model.entrySet()) {
      assertArrayEquals(e.getValue(), reloaded.get(Hex.decode(e.getKey())), e.getKey());
    }
    assertEquals(expected, reloaded.rootHash());
    if (!secure) {
      assertNull(reloaded.get("never-inserted-key".getBytes(StandardCharsets.US_ASCII)));
    }
  }

  /** "0x"-prefixed strings are hex, anything else is ASCII. */
  private static byte[] parse(String s) {
    return s.startsWith("0x") ? Hex.decode(s) : s.getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] value(JsonNode v) {
    return v == null || v.isNull() ? null : parse(v.asText());
  }

  private static JsonNode read(String file) throws IOException {
    Path p = Fixtures.ethereumTests("TrieTests").resolve(file);
    return JSON.readTree(p.toFile());
  }
}
