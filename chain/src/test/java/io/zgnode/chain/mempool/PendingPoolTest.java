package io.zgnode.chain.mempool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zgnode.evm.tx.Transaction;
import io.zgnode.evm.tx.TransactionBuilder;
import io.zgnode.evm.types.Address;
import io.zgnode.evm.types.Hash;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PendingPoolTest {
  private static final Address ALICE =
      Address.fromHex("0x00000000000000000000000000000000000000a1");
  private static final Address BOB = Address.fromHex("0x00000000000000000000000000000000000000b2");
  private static final Address CAROL =
      Address.fromHex("0x00000000000000000000000000000000000000c3");

  /**
   * A pending transaction with a made-up signature: the pool never verifies signatures (CheckTx
   * did), and {@code variant} gives distinct hashes for the same sender and nonce.
   */
  private static PendingTx tx(Address sender, long nonce, int variant) {
    Transaction t =
        TransactionBuilder.eip1559()
            .chainId(36767)
            .nonce(nonce)
            .maxPriorityFeePerGas(1)
            .maxFeePerGas(2 + variant)
            .gasLimit(21_000)
            .to(sender)
            .value(variant)
            .withSignature(0, BigInteger.ONE, BigInteger.valueOf(sender.hashCode() & 0xffff));
    return new PendingTx(t.hash(), t.encoded(), t, sender);
  }

  private static PendingTx tx(Address sender, long nonce) {
    return tx(sender, nonce, 0);
  }

  @Test
  void acceptedTransactionsAreFoundByHashAndListedBySenderThenNonce() {
    PendingPool pool = new PendingPool();
    PendingTx b1 = tx(BOB, 1);
    PendingTx a2 = tx(ALICE, 2);
    PendingTx b0 = tx(BOB, 0);
    PendingTx a0 = tx(ALICE, 0);
    for (PendingTx t : List.of(b1, a2, b0, a0)) {
      pool.accepted(t);
    }
    assertEquals(4, pool.size());
    assertEquals(List.of(a0, a2, b0, b1), pool.all());
    assertEquals(b1, pool.byHash(b1.hash()).orElseThrow());
    assertTrue(pool.byHash(tx(CAROL, 0).hash()).isEmpty());
  }

  @Test
  void acceptingTheSameTransactionAgainKeepsOneCopy() {
    PendingPool pool = new PendingPool();
    PendingTx a0 = tx(ALICE, 0);
    pool.accepted(a0);
    pool.accepted(a0);
    assertEquals(1, pool.size());
    assertEquals(List.of(a0), pool.all());
    assertEquals(1, pool.pendingNonce(ALICE, 0));
  }

  @Test
  void pendingNonceAdvancesOverContiguousNoncesOnly() {
    PendingPool pool = new PendingPool();
    assertEquals(7, pool.pendingNonce(ALICE, 7), "no pending transactions");
    for (long n : new long[] {5, 6, 7, 9, 10}) {
      pool.accepted(tx(ALICE, n));
    }
    assertEquals(8, pool.pendingNonce(ALICE, 5));
    assertEquals(8, pool.pendingNonce(ALICE, 6), "committed nonce inside a run");
    assertEquals(8, pool.pendingNonce(ALICE, 8), "gap at the committed nonce");
    assertEquals(11, pool.pendingNonce(ALICE, 9));
    assertEquals(4, pool.pendingNonce(ALICE, 4), "run starts above the committed nonce");
    assertEquals(20, pool.pendingNonce(ALICE, 20));
    assertEquals(5, pool.pendingNonce(BOB, 5), "other senders are independent");

    pool.accepted(tx(ALICE, 8)); // fills the gap: 5..10 become one run
    assertEquals(11, pool.pendingNonce(ALICE, 5));
    pool.refused(tx(ALICE, 6).hash()); // splits it: 5 | 7..10
    assertEquals(6, pool.pendingNonce(ALICE, 5));
    assertEquals(6, pool.pendingNonce(ALICE, 6));
    assertEquals(11, pool.pendingNonce(ALICE, 7));
    pool.refused(tx(ALICE, 10).hash()); // trims the end
    assertEquals(10, pool.pendingNonce(ALICE, 7));
    pool.refused(tx(ALICE, 7).hash()); // trims the start
    assertEquals(7, pool.pendingNonce(ALICE, 7));
    assertEquals(10, pool.pendingNonce(ALICE, 8));
  }

  @Test
  void pendingNonceFromZero() {
    PendingPool pool = new PendingPool();
    pool.accepted(tx(ALICE, 1));
    assertEquals(0, pool.pendingNonce(ALICE, 0));
    pool.accepted(tx(ALICE, 0));
    assertEquals(2, pool.pendingNonce(ALICE, 0));
  }

  @Test
  void refusedRemovesAndUnknownHashesAreIgnored() {
    PendingPool pool = new PendingPool();
    PendingTx a0 = tx(ALICE, 0);
    pool.accepted(a0);
    pool.refused(tx(BOB, 0).hash());
    assertEquals(1, pool.size());
    pool.refused(a0.hash());
    assertEquals(0, pool.size());
    assertTrue(pool.byHash(a0.hash()).isEmpty());
    assertEquals(0, pool.pendingNonce(ALICE, 0));
    pool.refused(a0.hash());
    assertEquals(0, pool.size());
  }

  @Test
  void aReplacementWithTheSameSenderAndNonceWins() {
    PendingPool pool = new PendingPool();
    PendingTx first = tx(ALICE, 3, 0);
    PendingTx second = tx(ALICE, 3, 1);
    assertFalse(first.hash().equals(second.hash()));
    pool.accepted(first);
    pool.accepted(second);
    assertEquals(1, pool.size());
    assertEquals(List.of(second), pool.all());
    assertTrue(pool.byHash(first.hash()).isEmpty());
    assertEquals(4, pool.pendingNonce(ALICE, 3));

    // the replaced one leaves for good: refusing or including it later does not touch the winner
    pool.refused(first.hash());
    pool.committed(List.of(first.hash()));
    assertEquals(List.of(second), pool.all());
    assertEquals(4, pool.pendingNonce(ALICE, 3));

    // and if CometBFT re-checks the older one successfully, it becomes the newest accepted
    pool.accepted(first);
    assertEquals(List.of(first), pool.all());
    assertTrue(pool.byHash(second.hash()).isEmpty());
  }

  @Test
  void committedRemovesIncludedTransactions() {
    PendingPool pool = new PendingPool();
    PendingTx a0 = tx(ALICE, 0);
    PendingTx a1 = tx(ALICE, 1);
    PendingTx b0 = tx(BOB, 0);
    pool.accepted(a0);
    pool.accepted(a1);
    pool.accepted(b0);
    pool.committed(List.of(a0.hash(), b0.hash(), tx(CAROL, 0).hash()));
    assertEquals(List.of(a1), pool.all());
    assertEquals(2, pool.pendingNonce(ALICE, 1));
    assertEquals(1, pool.pendingNonce(BOB, 1));
  }

  @Test
  void aSilentlyDroppedTransactionLeavesAtTheSecondCommitAfterItsLastCheck() {
    PendingPool pool = new PendingPool();
    PendingTx kept = tx(ALICE, 0);
    PendingTx dropped = tx(BOB, 0);
    pool.accepted(kept);
    pool.accepted(dropped);

    pool.committed(List.of());
    assertEquals(2, pool.size(), "one commit after the check: still there");
    pool.accepted(kept); // recheck after the commit; CometBFT no longer has `dropped`

    pool.committed(List.of());
    assertEquals(List.of(kept), pool.all(), "second commit after its last check: gone");
    assertEquals(0, pool.pendingNonce(BOB, 0));

    pool.accepted(kept);
    pool.committed(List.of());
    pool.accepted(kept);
    pool.committed(List.of());
    assertEquals(List.of(kept), pool.all(), "rechecked every block: stays");

    // its last check came before the previous commit: this commit is the second after it
    pool.committed(List.of());
    assertEquals(0, pool.size());
  }

  @Test
  void aTransactionAcceptedBetweenCommitsSurvivesTheNextCommit() {
    PendingPool pool = new PendingPool();
    pool.committed(List.of());
    PendingTx late = tx(ALICE, 0);
    pool.accepted(late);
    pool.committed(List.of());
    assertEquals(List.of(late), pool.all());
  }

  @Test
  void nullTransactionIsRefusedWithAClearMessage() {
    PendingPool pool = new PendingPool();
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> pool.accepted(null));
    assertEquals("pending transaction must not be null", e.getMessage());
  }

  @Test
  void memoryIsReleasedWhenTransactionsAreDroppedSilently() {
    PendingPool pool = new PendingPool();
    for (int block = 0; block < 200; block++) {
      for (int i = 0; i < 50; i++) {
        pool.accepted(tx(Address.fromHex(String.format("0x%040x", i + 1)), block));
      }
      pool.committed(List.of());
      assertTrue(pool.size() <= 100, "at most two generations are held: " + pool.size());
    }
    pool.committed(List.of());
    pool.committed(List.of());
    assertEquals(0, pool.size());
    assertEquals(List.of(), pool.all());
  }

  /** Random operations checked against a plain model of the contract. */
  @Test
  void behavesLikeTheModelUnderRandomOperations() {
    Address[] senders = {ALICE, BOB, CAROL};
    List<PendingTx> universe = new ArrayList<>();
    for (Address s : senders) {
      for (long n = 0; n < 12; n++) {
        for (int v = 0; v < 2; v++) {
          universe.add(tx(s, n, v));
        }
      }
    }
    Random random = new Random(42);
    PendingPool pool = new PendingPool();
    Model model = new Model();
    int operations = 20_000;
    for (int op = 0; op < operations; op++) {
      int kind = random.nextInt(10);
      PendingTx t = universe.get(random.nextInt(universe.size()));
      if (kind < 6) {
        pool.accepted(t);
        model.accepted(t);
      } else if (kind < 8) {
        pool.refused(t.hash());
        model.refused(t.hash());
      } else {
        List<Hash> included = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
          included.add(universe.get(random.nextInt(universe.size())).hash());
        }
        pool.committed(included);
        model.committed(included);
      }
      assertEquals(model.all(), pool.all(), "after operation " + op);
      assertEquals(model.entries.size(), pool.size());
      Address s = senders[random.nextInt(senders.length)];
      long committedNonce = random.nextInt(14);
      assertEquals(model.pendingNonce(s, committedNonce), pool.pendingNonce(s, committedNonce));
      assertEquals(
          model.entries.containsKey(t.hash()) ? Set.of(t) : Set.of(),
          pool.byHash(t.hash()).map(Set::of).orElse(Set.of()));
    }
  }

  /** The contract written as plainly as possible, scanning everything on every call. */
  private static final class Model {
    record Entry(PendingTx tx, long generation) {}

    final Map<Hash, Entry> entries = new HashMap<>();
    long generation;

    void accepted(PendingTx t) {
      entries
          .values()
          .removeIf(e ->
              e.tx().sender().equals(t.sender())
                  && e.tx().tx().nonce() == t.tx().nonce()
                  && !e.tx().hash().equals(t.hash()));
      entries.put(t.hash(), new Entry(t, generation));
    }

    void refused(Hash h) {
      entries.remove(h);
    }

    void committed(List<Hash> included) {
      included.forEach(entries::remove);
      entries.values().removeIf(e -> e.generation() < generation);
      generation++;
    }

    List<PendingTx> all() {
      return entries.values().stream()
          .map(Entry::tx)
          .sorted(
              Comparator.comparing(PendingTx::sender)
                  .thenComparingLong((PendingTx p) -> p.tx().nonce()))
          .toList();
    }

    long pendingNonce(Address sender, long committedNonce) {
      long n = committedNonce;
      while (true) {
        long want = n;
        if (entries.values().stream()
            .noneMatch(e -> e.tx().sender().equals(sender) && e.tx().tx().nonce() == want)) {
          return n;
        }
        n++;
      }
    }
  }

  @Test
  void concurrentCheckTxCommitAndReadersKeepTheIndexesConsistent() throws Exception {
    int writers = 3;
    int perWriter = 2_000;
    List<List<PendingTx>> txs = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      Address sender = Address.fromHex(String.format("0x%040x", 0x1000 + w));
      List<PendingTx> mine = new ArrayList<>();
      for (int n = 0; n < perWriter; n++) {
        mine.add(tx(sender, n));
      }
      txs.add(mine);
    }
    PendingPool pool = new PendingPool();
    ExecutorService exec = Executors.newFixedThreadPool(writers + 2);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        List<PendingTx> mine = txs.get(w);
        futures.add(
            exec.submit(() -> {
              for (PendingTx t : mine) {
                pool.accepted(t);
                if (t.tx().nonce() % 7 == 0) {
                  pool.refused(t.hash());
                }
              }
            }));
      }
      futures.add(
          exec.submit(() -> {
            for (int i = 0; i < 500; i++) {
              pool.committed(List.of(txs.get(0).get(i).hash()));
            }
          }));
      futures.add(
          exec.submit(() -> {
            for (int i = 0; i < 2_000; i++) {
              List<PendingTx> all = pool.all();
              for (int j = 1; j < all.size(); j++) {
                PendingTx a = all.get(j - 1);
                PendingTx b = all.get(j);
                int bySender = a.sender().compareTo(b.sender());
                assertTrue(bySender < 0 || (bySender == 0 && a.tx().nonce() < b.tx().nonce()));
              }
              pool.pendingNonce(txs.get(1).get(0).sender(), 0);
              pool.size();
            }
          }));
      for (Future<?> f : futures) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      exec.shutdownNow();
    }
    // the commits raced with the writers; what is left must agree across every view
    List<PendingTx> all = pool.all();
    assertEquals(all.size(), pool.size());
    for (PendingTx t : all) {
      assertEquals(t, pool.byHash(t.hash()).orElseThrow());
    }
    pool.committed(List.of());
    pool.committed(List.of());
    assertEquals(0, pool.size(), "no checks after the writers stopped: two commits empty it");
    assertEquals(0, pool.pendingNonce(txs.get(1).get(0).sender(), 0));
  }
}
