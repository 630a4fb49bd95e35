package io.zgnode.state.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zgnode.evm.types.Address;
import io.zgnode.evm.types.Hash;
import io.zgnode.state.world.StorageValues;
import io.zgnode.state.world.WorldView;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.digests.KeccakDigest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.RocksDB;

/**
 * A child JVM commits heights in a loop and is killed with SIGKILL at some point; the database must
 * reopen at a whole height at least as high as the last one the child reported, and every piece of
 * that height (flat tables, tries, module state, the caller's extra writes, the commit record) must
 * agree. Done three times on the same directory, so recovery is followed by more commits and
 * another kill.
 */
class CrashAtomicityTest {

  @Test
  void killedWriterLeavesAWholeHeight(@TempDir Path dir) throws Exception {
    Path db = dir.resolve("db");
    long previous = 0;
    for (int round = 0; round < 3; round++) {
      long reported = runAndKill(db, previous + 15 + round * 7);
      long height = verify(db);
      assertTrue(height >= reported, "height " + height + " < reported " + reported);
      assertTrue(height > previous, "the child made progress");
      previous = height;
    }
  }

  /** Starts the writer, waits until it has committed past {@code target}, then kills it. */
  private static long runAndKill(Path db, long target) throws Exception {
    ProcessBuilder pb =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "--enable-native-access=ALL-UNNAMED",
            "-Xmx256m",
            "-cp",
            classpath(),
            CrashWriter.class.getName(),
            db.toString());
    pb.redirectError(ProcessBuilder.Redirect.DISCARD);
    Process p = pb.start();
    long last = 0;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.US_ASCII))) {
      String line;
      while (last < target && System.nanoTime() < deadline && (line = out.readLine()) != null) {
        if (line.startsWith("committed ")) {
          last = Long.parseLong(line.substring("committed ".length()));
        }
      }
      p.destroyForcibly();
      assertTrue(p.waitFor(60, TimeUnit.SECONDS), "child exited after the kill");
    }
    assertTrue(last >= target, "the child committed up to " + last + ", wanted " + target);
    return last;
  }

  private static long verify(Path dir) {
    try (StateDatabase db = StateDatabase.open(dir)) {
      CommitInfo c = db.lastCommit();
      long h = c.height();
      assertEquals(c, db.commitAt(h).orElseThrow());
      assertEquals(AppHash.of(c.stateRoot(), c.modulesRoot()), c.appHash());
      WorldView flat = db.latestView();
      WorldView trie = WorldViewsForTest.trieView(db, c.stateRoot());
      Hash heightWord = StorageValues.fromMinimal(BigInteger.valueOf(h).toByteArray());
      for (WorldView v : List.of(flat, trie)) {
        assertEquals(h, v.account(CrashWriter.MARKER).nonce());
        for (int i = 0; i < CrashWriter.ACCOUNTS; i++) {
          Address a = Address.fromLong(i + 1);
          assertEquals(CrashWriter.balance(h, i), v.account(a).balance());
          assertEquals(heightWord, v.storage(a, CrashWriter.slot(i % 4)));
        }
      }
      byte[] height = BigInteger.valueOf(h).toByteArray();
      assertArrayEquals(
          height, db.modules().latest().get("height".getBytes(StandardCharsets.US_ASCII)));
      assertArrayEquals(
          height,
          db.modules().viewAt(c.modulesRoot()).get("height".getBytes(StandardCharsets.US_ASCII)));
      assertArrayEquals(
          ("block " + h).getBytes(StandardCharsets.US_ASCII),
          db.get("blocks", CrashWriter.blockKey(h)));
      assertEquals(
          null, db.get("blocks", CrashWriter.blockKey(h + 1)), "nothing of a later height");
      return h;
    }
  }

  /** The test classes, the module's classes and the libraries the writer needs. */
  private static String classpath() throws Exception {
    List<String> parts = new ArrayList<>();
    for (Class<?> c :
        List.of(
            CrashWriter.class,
            StateDatabase.class,
            Hash.class,
            RocksDB.class,
            KeccakDigest.class)) {
      String p = Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
      if (!parts.contains(p)) {
        parts.add(p);
      }
    }
    return String.join(File.pathSeparator, parts);
  }
}
