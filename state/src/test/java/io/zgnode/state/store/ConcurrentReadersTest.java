package io.zgnode.state.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zgnode.evm.types.Address;
import io.zgnode.evm.types.Hash;
import io.zgnode.state.TestCommits;
import io.zgnode.state.world.StorageValues;
import io.zgnode.state.world.WorldUpdater;
import io.zgnode.state.world.WorldView;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One writer commits heights of balance transfers (the total is conserved, and a marker account's
 * nonce and storage both record the height) while readers take views of the latest state. Every
 * view must show one height: the right total and a marker that agrees with itself.
 */
class ConcurrentReadersTest {
  private static final int ACCOUNTS = 200;
  private static final BigInteger EACH = BigInteger.valueOf(1_000_000);
  private static final Address MARKER = Address.fromLong(0xfeed);
  private static final Hash SLOT = Hash.ZERO;

  @Test
  void readersSeeWholeHeights(@TempDir Path dir) throws Exception {
    try (StateDatabase db = StateDatabase.open(dir.resolve("db"))) {
      WorldUpdater genesis = db.newUpdater();
      for (int i = 0; i < ACCOUNTS; i++) {
        genesis.setBalance(Address.fromLong(i), EACH);
      }
      TestCommits.commitNext(db, genesis);

      AtomicBoolean done = new AtomicBoolean();
      AtomicLong views = new AtomicLong();
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        Future<?> reader1 = pool.submit(() -> read(db, done, views));
        Future<?> reader2 = pool.submit(() -> read(db, done, views));
        Random rnd = new Random(5);
        for (int h = 2; h <= 40; h++) {
          WorldUpdater w = db.newUpdater();
          for (int t = 0; t < 100; t++) {
            Address from = Address.fromLong(rnd.nextInt(ACCOUNTS));
            Address to = Address.fromLong(rnd.nextInt(ACCOUNTS));
            BigInteger amount = BigInteger.valueOf(rnd.nextInt(1000));
            if (w.account(from).balance().compareTo(amount) >= 0) {
              w.subtractBalance(from, amount);
              w.addBalance(to, amount);
            }
          }
          w.setNonce(MARKER, h);
          w.setStorage(
              MARKER, SLOT, StorageValues.fromMinimal(BigInteger.valueOf(h).toByteArray()));
          TestCommits.commitNext(db, w, db.newModuleUpdater(), List.of());
        }
        done.set(true);
        reader1.get(60, TimeUnit.SECONDS);
        reader2.get(60, TimeUnit.SECONDS);
      } finally {
        pool.shutdownNow();
      }
      assertTrue(views.get() > 0, "readers took views");
    }
  }

  private static void read(StateDatabase db, AtomicBoolean done, AtomicLong views) {
    BigInteger total = EACH.multiply(BigInteger.valueOf(ACCOUNTS));
    do {
      WorldView v = db.latestView();
      BigInteger sum = BigInteger.ZERO;
      for (int i = 0; i < ACCOUNTS; i++) {
        sum = sum.add(v.account(Address.fromLong(i)).balance());
      }
      assertEquals(total, sum, "balances of one height add up");
      var marker = v.account(MARKER);
      long nonce = marker == null ? 0 : marker.nonce();
      Hash slot = v.storage(MARKER, SLOT);
      assertEquals(nonce, new BigInteger(1, slot.toArray()).longValue(), "marker is of one height");
      views.incrementAndGet();
    } while (!done.get());
  }
}
