package io.zgnode.tools.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.zgnode.evm.crypto.Secp256k1;
import io.zgnode.evm.crypto.hd.HdKeys;
import io.zgnode.evm.tx.TransactionBuilder;
import io.zgnode.evm.types.Address;
import io.zgnode.tools.CliException;
import io.zgnode.tools.rpc.CometRpc;
import java.io.PrintStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * End-to-end load through a running node: signed transfers from the development accounts are sent
 * back to back with CometBFT's {@code broadcast_tx_sync}, one thread per sender, and the committed
 * nonces are polled to measure sustained transfers per second and the time from sending to
 * inclusion (median, p99; resolution is the poll interval, 50 ms).
 */
public final class LoadBench {
  private static final BigInteger GWEI = BigInteger.TEN.pow(9);
  private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();

  private final CometRpc rpc;
  private final long evmChainId;
  private final int senders;
  private final PrintStream out;

  public LoadBench(CometRpc rpc, long evmChainId, int senders, PrintStream out) {
    if (senders < 1 || senders > 10) {
      throw new CliException("--senders must be 1..10 (the funded development accounts)");
    }
    this.rpc = rpc;
    this.evmChainId = evmChainId;
    this.senders = senders;
    this.out = out;
  }

  public void run(int warmupSeconds, int seconds) throws InterruptedException {
    List<BigInteger> keys = new ArrayList<>();
    List<Address> addrs = new ArrayList<>();
    for (int i = 0; i < senders; i++) {
      keys.add(HdKeys.devAccount(i));
      addrs.add(Secp256k1.address(keys.get(i)));
    }
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong refused = new AtomicLong();
    List<ConcurrentHashMap<Long, Long>> sentAt = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < senders; i++) {
      ConcurrentHashMap<Long, Long> m = new ConcurrentHashMap<>();
      sentAt.add(m);
      int s = i;
      Thread t =
          new Thread(() -> sendLoop(keys.get(s), addrs.get(s), m, stop, refused), "load-" + i);
      t.setDaemon(true);
      threads.add(t);
    }
    long[] committed = new long[senders];
    for (int i = 0; i < senders; i++) {
      committed[i] = nonce("/evm/account", addrs.get(i));
    }
    threads.forEach(Thread::start);
    ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
    long start = System.nanoTime();
    long windowStart = start + warmupSeconds * 1_000_000_000L;
    long end = windowStart + seconds * 1_000_000_000L;
    long countedAtWindowStart = -1;
    long total = 0;
    while (System.nanoTime() < end) {
      Thread.sleep(50);
      long now = System.nanoTime();
      total = 0;
      for (int i = 0; i < senders; i++) {
        long n = nonce("/evm/account", addrs.get(i));
        for (long k = committed[i]; k < n; k++) {
          Long t0 = sentAt.get(i).remove(k);
          if (t0 != null && now >= windowStart) {
            latencies.add(now - t0);
          }
        }
        committed[i] = Math.max(committed[i], n);
        total += committed[i];
      }
      if (countedAtWindowStart < 0 && now >= windowStart) {
        countedAtWindowStart = total;
      }
    }
    stop.set(true);
    long included = total - countedAtWindowStart;
    long[] lat = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
    out.printf(
        "sustained: %,.0f transfers/s over %d s (%d senders; %d refused at CheckTx)%n",
        included / (double) seconds, seconds, senders, refused.get());
    if (lat.length > 0) {
      out.printf(
          "time to inclusion: median %d ms, p99 %d ms (%d samples)%n",
          lat[lat.length / 2] / 1_000_000,
          lat[Math.min(lat.length - 1, (int) (lat.length * 0.99))] / 1_000_000,
          lat.length);
    }
  }

  private void sendLoop(
      BigInteger key,
      Address from,
      ConcurrentHashMap<Long, Long> sentAt,
      AtomicBoolean stop,
      AtomicLong refused) {
    Random rnd = new Random(Arrays.hashCode(from.bytesUnsafe()));
    long nonce = nonce("/evm/pending_nonce", from);
    while (!stop.get()) {
      byte[] to = new byte[20];
      rnd.nextBytes(to);
      byte[] tx =
          TransactionBuilder.eip1559()
              .chainId(evmChainId)
              .nonce(nonce)
              .maxPriorityFeePerGas(GWEI)
              .maxFeePerGas(GWEI.multiply(BigInteger.TEN))
              .gasLimit(21_000)
              .to(Address.wrap(to))
              .value(BigInteger.ONE)
              .sign(key)
              .encoded();
      sentAt.put(nonce, System.nanoTime());
      try {
        JsonNode r = rpc.broadcastTxSync(tx);
        if (r.path("code").asInt(0) == 0) {
          nonce++;
          continue;
        }
      } catch (CliException e) {
        // mempool full or node busy: back off below and resynchronise the nonce
      }
      sentAt.remove(nonce);
      refused.incrementAndGet();
      sleep(100);
      nonce = nonce("/evm/pending_nonce", from);
    }
  }

  private long nonce(String path, Address a) {
    CometRpc.AbciQueryResult r = rpc.abciQuery(path, a.toArray());
    JsonNode nonce;
    try {
      nonce = JSON.readTree(r.value()).path("nonce");
    } catch (java.io.IOException e) {
      nonce = null;
    }
    if (r.code() != 0 || nonce == null || !nonce.canConvertToLong()) {
      throw new CliException("cannot read the nonce of " + a + ": " + r.log());
    }
    return nonce.asLong();
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
