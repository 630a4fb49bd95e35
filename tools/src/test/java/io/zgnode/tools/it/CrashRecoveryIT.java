package io.zgnode.tools.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.zgnode.chain.ChainParams;
import io.zgnode.evm.types.Address;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Power cuts while transfers flow: the app and CometBFT are SIGKILLed at random moments of the
 * block cycle, at least ten times, alternating the ABCI transport, and restarted on the same home.
 * Every restart must continue the chain (an app-hash mismatch makes CometBFT stop, which the test
 * sees), nothing committed may be lost, and at the end every transfer is either wholly applied or
 * wholly absent, nonce by nonce.
 */
class CrashRecoveryIT {
  private static final int SENDERS = 4;
  private static final int KILLS = 10;

  private record Sent(int sender, long nonce, Address to, BigInteger value) {}

  @Test
  void survivesRepeatedHardKillsUnderLoad(@TempDir Path tmp) throws Exception {
    try (NodeProcess node =
        NodeProcess.create(
            tmp.resolve("home"), "socket", DevAccounts.first(SENDERS), DevAccounts.FUNDS)) {
      CometRpc rpc = new CometRpc(node.rpcPort);
      List<Sent> sent = new CopyOnWriteArrayList<>();
      ConcurrentHashMap<Integer, Long> seenCommitted = new ConcurrentHashMap<>();
      AtomicBoolean stop = new AtomicBoolean();
      Thread load = new Thread(() -> loadLoop(rpc, sent, seenCommitted, stop), "load");
      Random rnd = new Random(20261123);
      long lastHeight = 0;
      load.start();
      try {
        for (int kill = 1; kill <= KILLS; kill++) {
          node.useTransport(kill % 2 == 0 ? "grpc" : "socket");
          node.start();
          TransfersIT.awaitHeight(node, rpc, lastHeight + 2, Duration.ofSeconds(120));
          Thread.sleep(rnd.nextInt(1500));
          lastHeight = Math.max(lastHeight, rpc.heightOrMinusOne());
          node.kill();
        }
        node.start();
        TransfersIT.awaitHeight(node, rpc, lastHeight + 3, Duration.ofSeconds(120));
      } finally {
        stop.set(true);
        load.join(30_000);
      }
      // Let the mempool drain: wait until two consecutive blocks leave all nonces unchanged.
      long[] before = nonces(rpc);
      NodeProcess.waitFor(
          Duration.ofSeconds(60),
          () -> {
            try {
              long h = rpc.height();
              TransfersIT.awaitHeight(node, rpc, h + 2, Duration.ofSeconds(30));
              long[] now = nonces(rpc);
              boolean same = java.util.Arrays.equals(now, before);
              System.arraycopy(now, 0, before, 0, now.length);
              return same;
            } catch (Exception | AssertionError e) {
              return false;
            }
          });
      verify(rpc, sent, seenCommitted);
      long[] finalNonces = nonces(rpc);
      System.out.printf(
          "crash test: %d kills, %d transfers sent, %d committed, final height %d%n",
          KILLS, sent.size(), java.util.Arrays.stream(finalNonces).sum(), rpc.height());
      assertTrue(sent.size() > 50, "the load actually ran: " + sent.size() + " transfers sent");
      assertEquals(0, node.stop(), "clean exit at the end:\n" + node.logTail());
    }
  }

  private static long[] nonces(CometRpc rpc) throws Exception {
    long[] out = new long[SENDERS];
    for (int s = 0; s < SENDERS; s++) {
      out[s] = rpc.account(DevAccounts.address(s)).nonce();
    }
    return out;
  }

  private static void verify(
      CometRpc rpc, List<Sent> sent, ConcurrentHashMap<Integer, Long> seenCommitted)
      throws Exception {
    BigInteger total = BigInteger.ZERO;
    for (int s = 0; s < SENDERS; s++) {
      CometRpc.AccountState acc = rpc.account(DevAccounts.address(s));
      total = total.add(acc.balance());
      long seen = seenCommitted.getOrDefault(s, 0L);
      assertTrue(
          acc.nonce() >= seen,
          "sender " + s + " nonce went back from " + seen + " to " + acc.nonce());
      for (long n = 0; n < acc.nonce() + 3; n++) {
        int applied = 0;
        for (Sent t : sent) {
          if (t.sender() != s || t.nonce() != n) {
            continue;
          }
          BigInteger b = rpc.account(t.to()).balance();
          total = total.add(b);
          if (b.equals(t.value())) {
            applied++;
          } else {
            assertEquals(BigInteger.ZERO, b, "a transfer applied partly or twice: " + t);
          }
        }
        assertEquals(
            n < acc.nonce() ? 1 : 0,
            applied,
            "sender " + s + " nonce " + n + " (final nonce " + acc.nonce() + ")");
      }
    }
    total = total.add(rpc.account(ChainParams.FEE_COLLECTOR).balance());
    assertEquals(
        DevAccounts.FUNDS.multiply(BigInteger.valueOf(SENDERS)),
        total,
        "value is conserved: senders + recipients + fees");
  }

  /** Sends bursts of transfers, re-reading nonces after every burst; tolerates the node's death. */
  private static void loadLoop(
      CometRpc rpc,
      List<Sent> sent,
      ConcurrentHashMap<Integer, Long> seenCommitted,
      AtomicBoolean stop) {
    Random rnd = new Random(99);
    while (!stop.get()) {
      for (int s = 0; s < SENDERS && !stop.get(); s++) {
        try {
          CometRpc.AccountState committed = rpc.account(DevAccounts.address(s));
          seenCommitted.merge(s, committed.nonce(), Math::max);
          long n = rpc.pendingNonce(DevAccounts.address(s));
          for (int k = 0; k < 5; k++) {
            byte[] a = new byte[20];
            rnd.nextBytes(a);
            Address to = Address.wrap(a);
            BigInteger value = BigInteger.valueOf(1_000_000L + rnd.nextInt(1_000_000));
            byte[] tx = DevAccounts.transfer(s, n + k, to, value);
            // Recorded before sending: a kill may land after CometBFT took it but before it
            // answered.
            sent.add(new Sent(s, n + k, to, value));
            JsonNode r = rpc.broadcastSync(tx);
            if (r.path("code").asInt() != 0) {
              break;
            }
          }
        } catch (Exception e) {
          sleepQuietly(100);
        }
      }
      sleepQuietly(50);
    }
  }

  private static void sleepQuietly(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
