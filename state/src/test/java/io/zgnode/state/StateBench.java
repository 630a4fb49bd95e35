package io.zgnode.state;

import io.zgnode.evm.types.Address;
import io.zgnode.evm.types.Hash;
import io.zgnode.state.store.AppHash;
import io.zgnode.state.store.ModuleUpdater;
import io.zgnode.state.store.StateDatabase;
import io.zgnode.state.world.WorldUpdater;
import io.zgnode.state.world.WorldView;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Measures the state's share of block processing: blocks of native transfers among existing
 * accounts on RocksDB in a temporary directory. Each transfer is a checkpoint, a debit with a nonce
 * increment for the sender and a credit for the recipient, as the chain does; each block then
 * computes the state root and commits (one synced batch). Not a test: run it by hand, e.g.
 *
 * <pre>
 * java -cp state/target/classes:state/target/test-classes:evm/target/classes:$ROCKSDB:$BCPROV \
 *     --enable-native-access=ALL-UNNAMED io.zgnode.state.StateBench [accounts] [transfers] [blocks]
 * </pre>
 */
public final class StateBench {
  private StateBench() {}

  public static void main(String[] args) throws IOException {
    int accounts = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int transfers = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
    int blocks = args.length > 2 ? Integer.parseInt(args[2]) : 100;
    int warmup = Math.max(5, blocks / 5);
    Path dir = Files.createTempDirectory("zgnode-statebench");
    try (StateDatabase db = StateDatabase.open(dir.resolve("db"))) {
      long t = System.nanoTime();
      WorldUpdater genesis = db.newUpdater();
      BigInteger initial = BigInteger.TEN.pow(24);
      for (int i = 0; i < accounts; i++) {
        genesis.setBalance(address(i), initial);
      }
      commit(db, genesis, db.newModuleUpdater());
      System.out.printf(
          "genesis: %,d accounts committed in %.0f ms%n", accounts, (System.nanoTime() - t) / 1e6);

      Random rnd = new Random(1);
      long cpu0 = 0;
      long gc0 = 0;
      long alloc0 = 0;
      long exec = 0;
      long root = 0;
      long write = 0;
      long updated = 0;
      for (int b = 0; b < warmup + blocks; b++) {
        if (b == warmup) {
          cpu0 = processCpuNanos();
          alloc0 = allocatedBytes();
          gc0 = gcMillis();
        }
        long t0 = System.nanoTime();
        WorldUpdater w = db.newUpdater();
        ModuleUpdater m = db.newModuleUpdater();
        Set<Address> touched = new HashSet<>();
        for (int i = 0; i < transfers; i++) {
          Address from = address(rnd.nextInt(accounts));
          Address to = address(rnd.nextInt(accounts));
          BigInteger amount = BigInteger.valueOf(1 + rnd.nextInt(1_000_000));
          int cp = w.checkpoint();
          w.subtractBalance(from, amount);
          w.incrementNonce(from);
          w.addBalance(to, amount);
          w.commitCheckpoint(cp);
          touched.add(from);
          touched.add(to);
        }
        long t1 = System.nanoTime();
        Hash stateRoot = w.computeStateRoot();
        Hash modulesRoot = m.computeRoot();
        long t2 = System.nanoTime();
        db.commit(
            db.lastCommit().height() + 1, w, m, AppHash.of(stateRoot, modulesRoot), List.of());
        long t3 = System.nanoTime();
        if (b >= warmup) {
          exec += t1 - t0;
          root += t2 - t1;
          write += t3 - t2;
          updated += touched.size();
        }
      }
      double totalMs = (exec + root + write) / 1e6;
      double cpuMs = (processCpuNanos() - cpu0) / 1e6;
      long gcMs = gcMillis() - gc0;
      long allocMb = (allocatedBytes() - alloc0) >> 20;
      System.out.printf(
          "%d blocks of %,d transfers among %,d accounts (after %d warm-up blocks):%n",
          blocks, transfers, accounts, warmup);
      System.out.printf(
          "  per block: %.1f ms total = %.1f ms execute + %.1f ms state root + %.1f ms commit%n",
          totalMs / blocks, exec / 1e6 / blocks, root / 1e6 / blocks, write / 1e6 / blocks);
      System.out.printf(
          "  %,.0f transfers/s, %,.0f accounts updated/s (%,d distinct accounts per block)%n",
          transfers * (double) blocks / (totalMs / 1000),
          updated / (totalMs / 1000),
          updated / blocks);
      System.out.printf(
          "  process CPU (all threads: RocksDB, GC, hashing) %.1f ms per block; GC %.1f ms per block;"
              + " %d MiB allocated per block%n",
          cpuMs / blocks, gcMs / (double) blocks, allocMb / blocks);
      printThreadCpu();

      // Reads of the latest state, as mempool checks and queries do: one view per 100 reads.
      int reads = 1_000_000;
      long r0 = System.nanoTime();
      long found = 0;
      WorldView view = null;
      for (int i = 0; i < reads; i++) {
        if (i % 100 == 0) {
          view = db.latestView();
        }
        if (view.account(address(rnd.nextInt(accounts))) != null) {
          found++;
        }
      }
      double readSec = (System.nanoTime() - r0) / 1e9;
      System.out.printf(
          "  latest-state account reads: %,.0f per second on one thread (%,d found)%n",
          reads / readSec, found);
      System.out.printf(
          "  trie node cache: %,d nodes, ~%,d MiB, %,d misses%n",
          db.nodeCache().size(), db.nodeCache().estimatedBytes() >> 20, db.nodeCache().misses());
    } finally {
      try (Stream<Path> s = Files.walk(dir)) {
        s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** CPU seconds by thread name from /proc (Linux), to see what RocksDB's own threads cost. */
  private static void printThreadCpu() {
    Path tasks = Path.of("/proc/self/task");
    if (!Files.isDirectory(tasks)) {
      return;
    }
    java.util.TreeMap<String, Long> ticks = new java.util.TreeMap<>();
    try (Stream<Path> s = Files.list(tasks)) {
      for (Path t : s.toList()) {
        try {
          String stat = Files.readString(t.resolve("stat"));
          String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
          String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          long cpu = Long.parseLong(f[11]) + Long.parseLong(f[12]);
          ticks.merge(name.replaceAll("[0-9#]+$", "*"), cpu, Long::sum);
        } catch (IOException | RuntimeException e) {
          // a thread that ended meanwhile
        }
      }
    } catch (IOException e) {
      return;
    }
    StringBuilder sb = new StringBuilder("  CPU seconds by thread (whole run):");
    ticks.entrySet().stream()
        .filter(e -> e.getValue() >= 10)
        .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
        .forEach(e -> sb.append(String.format(" %s=%.1f", e.getKey(), e.getValue() / 100.0)));
    System.out.println(sb);
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static long allocatedBytes() {
    return ((com.sun.management.ThreadMXBean)
            java.lang.management.ManagementFactory.getThreadMXBean())
        .getTotalThreadAllocatedBytes();
  }

  private static long gcMillis() {
    long t = 0;
    for (var gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
      t += Math.max(0, gc.getCollectionTime());
    }
    return t;
  }

  private static Address address(int i) {
    return Address.fromLong(0x1_0000_0000L + i * 0x9E3779B1L);
  }

  private static void commit(StateDatabase db, WorldUpdater w, ModuleUpdater m) {
    db.commit(
        db.lastCommit().height() + 1,
        w,
        m,
        AppHash.of(w.computeStateRoot(), m.computeRoot()),
        List.of());
  }
}
