package io.zgnode.state.db;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Java-side batch serialisation must produce exactly RocksDB's bytes. */
class RocksBatchFormatTest {
  @Test
  void serialisationMatchesRocksDb(@TempDir Path dir) {
    try (RocksKeyValueStore kv =
        RocksKeyValueStore.open(dir, List.of("blocks"), RocksTuning.SMALL)) {
      Random rnd = new Random(3);
      List<Object[]> ops = new ArrayList<>();
      WriteBatch batch = kv.newBatch();
      String[] families = {
        "default", Families.TRIE_NODES, Families.META, "blocks", Families.STORAGE
      };
      for (int i = 0; i < 500; i++) {
        String f = families[rnd.nextInt(families.length)];
        byte[] k = new byte[rnd.nextInt(300)];
        rnd.nextBytes(k);
        byte[] v = new byte[rnd.nextInt(i % 50 == 0 ? 70_000 : 200)];
        rnd.nextBytes(v);
        switch (rnd.nextInt(3)) {
          case 0 -> {
            batch.put(f, k, v);
            ops.add(new Object[] {"put", f, k, v});
          }
          case 1 -> {
            batch.delete(f, k);
            ops.add(new Object[] {"delete", f, k});
          }
          default -> {
            if (java.util.Arrays.compareUnsigned(k, v) >= 0) {
              byte[] t = k;
              k = v;
              v = t;
            }
            if (java.util.Arrays.equals(k, v)) {
              v = KeyRanges.concat(v, new byte[] {0});
            }
            batch.deleteRange(f, k, v);
            ops.add(new Object[] {"deleteRange", f, k, v});
          }
        }
      }
      assertArrayEquals(kv.nativeSerialization(ops), RocksKeyValueStore.serialization(batch));
      kv.write(batch); // and RocksDB accepts it
      batch.close();
    }
  }
}
