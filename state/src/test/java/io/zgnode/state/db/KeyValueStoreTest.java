package io.zgnode.state.db;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class KeyValueStoreTest {
  @TempDir static Path tmp;

  static Stream<Arguments> stores() {
    return Stream.of(
        Arguments.of("memory", (StoreFactory) n -> new MemoryKeyValueStore()),
        Arguments.of(
            "rocksdb",
            (StoreFactory)
                n -> RocksKeyValueStore.open(tmp.resolve(n), List.of(), RocksTuning.SMALL)));
  }

  interface StoreFactory {
    KeyValueStore open(String name);
  }

  private static byte[] b(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stores")
  void batchesRangesAndPrefixes(String name, StoreFactory f) {
    try (KeyValueStore kv = f.open(name + "-ranges")) {
      try (WriteBatch batch = kv.newBatch()) {
        for (String k : List.of("a", "ab", "abc", "abd", "b", "ba", "c")) {
          batch.put(Families.MODULES, b(k), b("v" + k));
        }
        batch.put(Families.CODE, b("x"), b("code"));
        assertEquals(8, batch.count());
        kv.write(batch);
      }
      assertArrayEquals(b("vab"), kv.get(Families.MODULES, b("ab")));
      assertNull(kv.get(Families.CODE, b("ab")));
      assertEquals(List.of("ab", "abc", "abd"), keys(kv, b("ab"), null, true));
      assertEquals(List.of("ab", "abc", "abd", "b"), keys(kv, b("ab"), b("ba"), false));
      assertEquals(List.of("a", "ab"), firstTwo(kv));
      try (WriteBatch batch = kv.newBatch()) {
        batch.deleteRange(Families.MODULES, b("ab"), b("b"));
        batch.put(Families.MODULES, b("abz"), b("new")); // after the range delete: kept
        batch.delete(Families.MODULES, b("c"));
        kv.write(batch);
      }
      assertEquals(List.of("a", "abz", "b", "ba"), keys(kv, null, null, false));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stores")
  void familiesAreExtensibleByName(String name, StoreFactory f) {
    try (KeyValueStore kv = f.open(name + "-families")) {
      assertTrue(kv.families().containsAll(Families.STATE));
      assertFalse(kv.hasFamily(Families.BLOCKS));
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> kv.get(Families.BLOCKS, b("k")));
      assertTrue(e.getMessage().contains("unknown column family 'blocks'"), e.getMessage());
      kv.ensureFamily(Families.BLOCKS);
      kv.ensureFamily(Families.BLOCKS);
      try (WriteBatch batch = kv.newBatch()) {
        kv.write(batch.put(Families.BLOCKS, b("1"), b("block one")));
      }
      assertArrayEquals(b("block one"), kv.get(Families.BLOCKS, b("1")));
      assertThrows(IllegalArgumentException.class, () -> kv.ensureFamily("Bad Name"));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stores")
  void closedStoreFailsClearly(String name, StoreFactory f) {
    KeyValueStore kv = f.open(name + "-closed");
    kv.close();
    kv.close();
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> kv.get(Families.META, b("k")));
    assertTrue(e.getMessage().contains("closed"), e.getMessage());
  }

  @Test
  void rocksFamiliesAndDataSurviveReopen() {
    Path dir = tmp.resolve("reopen");
    try (RocksKeyValueStore kv =
        RocksKeyValueStore.open(dir, List.of("receipts"), RocksTuning.SMALL)) {
      try (WriteBatch batch = kv.newBatch()) {
        kv.write(batch.put("receipts", b("r"), b("receipt")).put(Families.META, b("m"), b("meta")));
      }
    }
    try (RocksKeyValueStore kv = RocksKeyValueStore.open(dir)) {
      assertTrue(kv.hasFamily("receipts"), "families on disk are opened without being named");
      assertArrayEquals(b("receipt"), kv.get("receipts", b("r")));
      assertArrayEquals(b("meta"), kv.get(Families.META, b("m")));
    }
  }

  @Test
  void unwrittenBatchIsNotVisibleAfterReopen() {
    Path dir = tmp.resolve("unwritten");
    try (RocksKeyValueStore kv = RocksKeyValueStore.open(dir, List.of(), RocksTuning.SMALL)) {
      try (WriteBatch written = kv.newBatch()) {
        kv.write(written.put(Families.META, b("a"), b("1")));
      }
      WriteBatch never = kv.newBatch();
      never.put(Families.META, b("b"), b("2"));
      never.put(Families.META, b("a"), b("changed"));
      assertNull(kv.get(Families.META, b("b")), "not visible before a write");
      never.close();
    }
    try (RocksKeyValueStore kv = RocksKeyValueStore.open(dir, List.of(), RocksTuning.SMALL)) {
      assertArrayEquals(b("1"), kv.get(Families.META, b("a")));
      assertNull(kv.get(Families.META, b("b")));
    }
  }

  @Test
  void rocksOpenErrorsAreClear() throws Exception {
    Path dir = tmp.resolve("locked");
    try (RocksKeyValueStore kv = RocksKeyValueStore.open(dir, List.of(), RocksTuning.SMALL)) {
      StorageException e =
          assertThrows(
              StorageException.class,
              () -> RocksKeyValueStore.open(dir, List.of(), RocksTuning.SMALL));
      assertTrue(e.getMessage().contains("in use by another process"), e.getMessage());
      assertTrue(kv.families().contains(Families.META), "the first handle still works");
    }

    Path corrupt = tmp.resolve("corrupt");
    RocksKeyValueStore.open(corrupt, List.of(), RocksTuning.SMALL).close();
    String manifest = Files.readString(corrupt.resolve("CURRENT")).trim();
    Files.write(corrupt.resolve(manifest), new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
    StorageException e =
        assertThrows(
            StorageException.class,
            () -> RocksKeyValueStore.open(corrupt, List.of(), RocksTuning.SMALL));
    assertTrue(e.getMessage().contains("corrupt"), e.getMessage());

    Path file = tmp.resolve("a-file");
    Files.writeString(file, "not a directory");
    StorageException notDir =
        assertThrows(
            StorageException.class,
            () -> RocksKeyValueStore.open(file, List.of(), RocksTuning.SMALL));
    assertTrue(notDir.getMessage().contains(file.toString()), notDir.getMessage());
  }

  @Test
  void prefixEnd() {
    assertArrayEquals(new byte[] {1, 3}, KeyRanges.prefixEnd(new byte[] {1, 2}));
    assertArrayEquals(new byte[] {2}, KeyRanges.prefixEnd(new byte[] {1, (byte) 0xff}));
    assertNull(KeyRanges.prefixEnd(new byte[] {(byte) 0xff, (byte) 0xff}));
    assertNull(KeyRanges.prefixEnd(new byte[0]));
  }

  private static List<String> keys(KeyValueStore kv, byte[] from, byte[] to, boolean prefix) {
    List<String> out = new ArrayList<>();
    if (prefix) {
      kv.forEachWithPrefix(
          Families.MODULES, from, (k, v) -> out.add(new String(k, StandardCharsets.US_ASCII)));
    } else {
      kv.forEach(
          Families.MODULES, from, to, (k, v) -> out.add(new String(k, StandardCharsets.US_ASCII)));
    }
    return out;
  }

  private static List<String> firstTwo(KeyValueStore kv) {
    List<String> out = new ArrayList<>();
    kv.forEach(
        Families.MODULES,
        null,
        null,
        (k, v) -> {
          out.add(new String(k, StandardCharsets.US_ASCII));
          return out.size() < 2;
        });
    return out;
  }
}
