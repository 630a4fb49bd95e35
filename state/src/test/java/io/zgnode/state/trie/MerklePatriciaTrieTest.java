package io.zgnode.state.trie;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zgnode.evm.bytes.Hex;
import io.zgnode.evm.crypto.Keccak256;
import io.zgnode.evm.types.Hash;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class MerklePatriciaTrieTest {

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  @Test
  void emptyTrie() {
    MerklePatriciaTrie t = new MerklePatriciaTrie(NodeStore.EMPTY);
    assertEquals(Hash.EMPTY_TRIE, t.rootHash());
    assertNull(t.get(ascii("x")));
    assertTrue(t.proof(ascii("x")).isEmpty());
    List<byte[]> sink = new ArrayList<>();
    t.commit((h, rlp) -> sink.add(rlp));
    assertTrue(sink.isEmpty());
    t.put(ascii("a"), ascii("b"));
    t.remove(ascii("a"));
    assertEquals(Hash.EMPTY_TRIE, t.rootHash());
    assertTrue(t.isEmpty());
  }

  @Test
  void emptyValueRemoves() {
    MerklePatriciaTrie t = new MerklePatriciaTrie(NodeStore.EMPTY);
    t.put(ascii("dog"), ascii("puppy"));
    t.put(ascii("dog"), new byte[0]);
    assertEquals(Hash.EMPTY_TRIE, t.rootHash());
  }

  /** The yellow paper's small example from the ethereum wiki: root of do/dog/doge/horse. */
  @Test
  void smallRootIsStoredUnderItsHash() {
    MerklePatriciaTrie t = new MerklePatriciaTrie(NodeStore.EMPTY);
    t.put(ascii("a"), ascii("b"));
    Map<Hash, byte[]> store = new HashMap<>();
    t.commit(store::put);
    Hash root = t.rootHash();
    assertEquals(1, store.size());
    assertTrue(store.get(root).length < 32, "root node shorter than 32 bytes");
    assertEquals(root, Hash.keccak(store.get(root)));
    assertArrayEquals(ascii("b"), new MerklePatriciaTrie(store::get, root).get(ascii("a")));
  }

  @Test
  void missingNodeHasAClearMessage() {
    Hash root = Hash.keccak(ascii("nothing"));
    MerklePatriciaTrie t = new MerklePatriciaTrie(NodeStore.EMPTY, root);
    MissingTrieNodeException e =
        assertThrows(MissingTrieNodeException.class, () -> t.get(ascii("k")));
    assertEquals("missing trie node " + root.toHex(), e.getMessage());
    assertEquals(root, e.hash());
  }

  @Test
  void malformedNodeHasAClearMessage() {
    Hash root = Hash.keccak(ascii("bad"));
    MerklePatriciaTrie t = new MerklePatriciaTrie(h -> Hex.decode("0xc3010203"), root);
    TrieException e = assertThrows(TrieException.class, () -> t.get(ascii("k")));
    assertTrue(e.getMessage().startsWith("invalid trie node " + root.toHex()), e.getMessage());
  }

  /** Random inserts, updates and deletes against a sorted map, with keys that prefix each other. */
  @Test
  void randomOperationsMatchAModel() {
    Random rnd = new Random(7);
    Map<Hash, byte[]> store = new HashMap<>();
    MerklePatriciaTrie t = new MerklePatriciaTrie(store::get);
    TreeMap<byte[], byte[]> model = new TreeMap<>(Arrays::compareUnsigned);
    for (int round = 0; round < 30; round++) {
      for (int i = 0; i < 200; i++) {
        byte[] key = randomKey(rnd);
        if (rnd.nextInt(4) == 0) {
          t.remove(key);
          model.remove(key);
        } else {
          byte[] value = new byte[1 + rnd.nextInt(rnd.nextBoolean() ? 4 : 60)];
          rnd.nextBytes(value);
          t.put(key, value);
          model.put(key, value);
        }
      }
      Hash root = t.rootHash();
      assertEquals(fresh(model), root, "round " + round);
      if (round % 3 == 0) {
        t.commit(store::put);
        t = new MerklePatriciaTrie(store::get, root);
      }
      for (Map.Entry<byte[], byte[]> e : model.entrySet()) {
        assertArrayEquals(e.getValue(), t.get(e.getKey()));
      }
      checkIteration(t, model, rnd);
      checkProofs(t, model, rnd);
    }
  }

  @Test
  void iterationStartsAtTheStartKey() {
    MerklePatriciaTrie t = new MerklePatriciaTrie(NodeStore.EMPTY);
    for (String k : List.of("do", "dog", "doge", "horse", "d", "")) {
      t.put(ascii(k), ascii("v" + k));
    }
    assertEquals(List.of("", "d", "do", "dog", "doge", "horse"), keys(t, ""));
    assertEquals(List.of("dog", "doge", "horse"), keys(t, "dod"));
    assertEquals(List.of("doge", "horse"), keys(t, "doga"));
    assertEquals(List.of("horse"), keys(t, "e"));
    assertEquals(List.of(), keys(t, "i"));
    List<String> firstTwo = new ArrayList<>();
    t.forEach(
        new byte[0],
        (k, v) -> {
          firstTwo.add(new String(k, StandardCharsets.US_ASCII));
          return firstTwo.size() < 2;
        });
    assertEquals(List.of("", "d"), firstTwo);
  }

  @Test
  void proofsVerifyAndRejectTampering() {
    MerklePatriciaTrie t = new MerklePatriciaTrie(NodeStore.EMPTY);
    for (int i = 0; i < 100; i++) {
      t.put(Keccak256.hash(new byte[] {(byte) i}), ascii("value-" + i));
    }
    Hash root = t.rootHash();
    byte[] key = Keccak256.hash(new byte[] {5});
    List<byte[]> proof = t.proof(key);
    assertArrayEquals(ascii("value-5"), TrieProofs.verify(root, key, proof));
    byte[] absent = Keccak256.hash(new byte[] {(byte) 200});
    assertNull(TrieProofs.verify(root, absent, t.proof(absent)));
    List<byte[]> truncated = proof.subList(0, proof.size() - 1);
    assertThrows(TrieException.class, () -> TrieProofs.verify(root, key, truncated));
  }

  /** Many changes between hashes take the parallel path; the root must not depend on it. */
  @Test
  void parallelHashingGivesTheSameRoot() {
    Random rnd = new Random(11);
    MerklePatriciaTrie bulk = new MerklePatriciaTrie(NodeStore.EMPTY);
    MerklePatriciaTrie stepwise = new MerklePatriciaTrie(NodeStore.EMPTY);
    for (int i = 0; i < 5000; i++) {
      byte[] k = new byte[32];
      rnd.nextBytes(k);
      byte[] v = new byte[1 + rnd.nextInt(80)];
      rnd.nextBytes(v);
      bulk.put(k, v);
      stepwise.put(k, v);
      if (i % 100 == 0) {
        stepwise.rootHash();
      }
    }
    assertEquals(stepwise.rootHash(), bulk.rootHash());
  }

  @Test
  void commitEmitsOnlyNewNodes() {
    Map<Hash, byte[]> store = new HashMap<>();
    MerklePatriciaTrie t = new MerklePatriciaTrie(store::get);
    Random rnd = new Random(3);
    for (int i = 0; i < 1000; i++) {
      byte[] k = new byte[32];
      rnd.nextBytes(k);
      t.put(k, k);
    }
    t.commit(store::put);
    int first = store.size();
    List<Hash> second = new ArrayList<>();
    byte[] k = new byte[32];
    rnd.nextBytes(k);
    t.put(k, k);
    t.commit((h, rlp) -> second.add(h));
    assertTrue(second.size() <= 5, "one insert rewrites one path, got " + second.size());
    assertFalse(second.isEmpty());
    for (Hash h : second) {
      assertFalse(store.containsKey(h) && first == 0);
    }
    List<Hash> third = new ArrayList<>();
    t.commit((h, rlp) -> third.add(h));
    assertTrue(third.isEmpty(), "nothing changed since the last commit");
  }

  @Test
  void cachedTriesShareNodesAcrossInstances() {
    Map<Hash, byte[]> store = new HashMap<>();
    TrieNodeCache cache = new TrieNodeCache(1 << 20);
    MerklePatriciaTrie t = new MerklePatriciaTrie(store::get, Hash.EMPTY_TRIE, cache);
    for (int i = 0; i < 250; i++) {
      t.put(Keccak256.hash(new byte[] {(byte) i, 1}), ascii("v" + i));
    }
    t.commit(store::put);
    assertTrue(cache.size() > 0);
    Map<Hash, byte[]> nothing = new HashMap<>();
    // Every node is in the cache, so a store without them still serves reads.
    MerklePatriciaTrie fromCache = new MerklePatriciaTrie(nothing::get, t.rootHash(), cache);
    assertArrayEquals(ascii("v7"), fromCache.get(Keccak256.hash(new byte[] {7, 1})));
    fromCache.put(Keccak256.hash(new byte[] {7, 1}), ascii("changed"));
    assertNotEquals(t.rootHash(), fromCache.rootHash());
    assertArrayEquals(ascii("v7"), t.get(Keccak256.hash(new byte[] {7, 1})));
  }

  private static byte[] randomKey(Random rnd) {
    int len = rnd.nextInt(5) == 0 ? rnd.nextInt(4) : 1 + rnd.nextInt(3);
    byte[] k = new byte[len];
    for (int i = 0; i < len; i++) {
      k[i] = (byte) (rnd.nextInt(3) * 0x11 + rnd.nextInt(2));
    }
    return k;
  }

  private static Hash fresh(TreeMap<byte[], byte[]> model) {
    MerklePatriciaTrie t = new MerklePatriciaTrie(NodeStore.EMPTY);
    List<Map.Entry<byte[], byte[]>> shuffled = new ArrayList<>(model.entrySet());
    java.util.Collections.shuffle(shuffled, new Random(model.size()));
    for (Map.Entry<byte[], byte[]> e : shuffled) {
      t.put(e.getKey(), e.getValue());
    }
    return t.rootHash();
  }

  private static void checkIteration(
      MerklePatriciaTrie t, TreeMap<byte[], byte[]> model, Random rnd) {
    for (int i = 0; i < 5; i++) {
      byte[] start = randomKey(rnd);
      List<String> expected = new ArrayList<>();
      for (Map.Entry<byte[], byte[]> e : model.tailMap(start, true).entrySet()) {
        expected.add(Hex.encode(e.getKey()) + "=" + Hex.encode(e.getValue()));
      }
      List<String> actual = new ArrayList<>();
      t.forEach(
          start,
          (k, v) -> {
            actual.add(Hex.encode(k) + "=" + Hex.encode(v));
            return true;
          });
      assertEquals(expected, actual, "from " + Hex.encode(start));
    }
  }

  private static void checkProofs(MerklePatriciaTrie t, TreeMap<byte[], byte[]> model, Random rnd) {
    Hash root = t.rootHash();
    for (int i = 0; i < 5; i++) {
      byte[] k = randomKey(rnd);
      assertArrayEquals(model.get(k), TrieProofs.verify(root, k, t.proof(k)), Hex.encode(k));
    }
  }

  private static List<String> keys(MerklePatriciaTrie t, String from) {
    List<String> out = new ArrayList<>();
    t.forEach(
        ascii(from),
        (k, v) -> {
          out.add(new String(k, StandardCharsets.US_ASCII));
          assertArrayEquals(ascii("v" + new String(k, StandardCharsets.US_ASCII)), v);
          return true;
        });
    return out;
  }
}
