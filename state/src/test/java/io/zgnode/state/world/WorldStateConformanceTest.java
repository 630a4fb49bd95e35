package io.zgnode.state.world;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zgnode.evm.bytes.Hex;
import io.zgnode.evm.types.Address;
import io.zgnode.evm.types.Hash;
import io.zgnode.state.Fixtures;
import io.zgnode.state.store.AppHash;
import io.zgnode.state.store.ModuleUpdater;
import io.zgnode.state.store.StateDatabase;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * World-state roots against ethereum/tests without an EVM: in a GeneralStateTest, a post entry with
 * {@code expectException} is an invalid transaction, which leaves the state as it was, so its
 * {@code hash} is the root of the {@code pre} allocation. Each such entry is one dynamic test that
 * builds the allocation through a {@link WorldUpdater}, commits it, and compares the root (and
 * reads the committed accounts back). Entries without an exception need the EVM and are not vectors
 * here.
 */
class WorldStateConformanceTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TestFactory
  Stream<DynamicTest> preStateRootsOfRejectedTransactions() throws IOException {
    Path dir = Fixtures.ethereumTests("GeneralStateTests");
    List<Path> files;
    try (Stream<Path> s = Files.walk(dir)) {
      files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    List<DynamicTest> tests = new ArrayList<>();
    for (Path file : files) {
      if (!Files.readString(file).contains("expectException")) {
        continue;
      }
      JsonNode root = JSON.readTree(file.toFile());
      for (Map.Entry<String, JsonNode> test : root.properties()) {
        JsonNode pre = test.getValue().get("pre");
        for (Map.Entry<String, JsonNode> fork : test.getValue().get("post").properties()) {
          int index = 0;
          for (JsonNode post : fork.getValue()) {
            int i = index++;
            if (!post.has("expectException")) {
              continue;
            }
            Hash expected = Hash.fromHex(post.get("hash").asText());
            String name =
                dir.relativize(file) + "/" + test.getKey() + "/" + fork.getKey() + "/" + i;
            tests.add(DynamicTest.dynamicTest(name, () -> check(pre, expected)));
          }
        }
      }
    }
    return tests.stream();
  }

  private static void check(JsonNode pre, Hash expected) {
    try (StateDatabase db = StateDatabase.inMemory()) {
      WorldUpdater w = db.newUpdater();
      for (Map.Entry<String, JsonNode> a : pre.properties()) {
        Address address = Address.fromHex(a.getKey());
        JsonNode acc = a.getValue();
        BigInteger nonce = quantity(acc.get("nonce"));
        assertEquals(true, nonce.bitLength() <= 64, "nonce fits 64 bits unsigned");
        w.setNonce(address, nonce.longValue()); // unsigned 64-bit
        w.setBalance(address, quantity(acc.get("balance")));
        byte[] code = Hex.decode(acc.get("code").asText());
        if (code.length > 0) {
          w.setCode(address, code);
        }
        for (Map.Entry<String, JsonNode> s : acc.get("storage").properties()) {
          w.setStorage(address, word(s.getKey()), word(s.getValue().asText()));
        }
      }
      Hash root = w.computeStateRoot();
      assertEquals(expected, root);
      ModuleUpdater m = db.newModuleUpdater();
      db.commit(1, w, m, AppHash.of(root, m.computeRoot()), List.of());
      WorldView committed = db.viewAt(expected);
      for (Map.Entry<String, JsonNode> a : pre.properties()) {
        Address address = Address.fromHex(a.getKey());
        JsonNode acc = a.getValue();
        assertEquals(quantity(acc.get("balance")), committed.account(address).balance());
        assertEquals(quantity(acc.get("nonce")).longValue(), committed.account(address).nonce());
        assertArrayEquals(Hex.decode(acc.get("code").asText()), committed.code(address));
        for (Map.Entry<String, JsonNode> s : acc.get("storage").properties()) {
          assertEquals(word(s.getValue().asText()), committed.storage(address, word(s.getKey())));
        }
      }
    }
  }

  private static BigInteger quantity(JsonNode n) {
    byte[] b = Hex.decode(n.asText());
    return new BigInteger(1, b);
  }

  private static Hash word(String hex) {
    byte[] b = Hex.decode(hex);
    int i = 0;
    while (i < b.length - 32 && b[i] == 0) {
      i++;
    }
    return StorageValues.fromMinimal(java.util.Arrays.copyOfRange(b, i, b.length));
  }
}
