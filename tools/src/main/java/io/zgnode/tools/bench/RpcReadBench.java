package io.zgnode.tools.bench;

import io.zgnode.evm.bytes.Hex;
import io.zgnode.evm.crypto.Secp256k1;
import io.zgnode.evm.crypto.hd.HdKeys;
import io.zgnode.evm.types.Address;
import io.zgnode.tools.CliException;
import io.zgnode.tools.rpc.EthRpc;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Read load on the JSON-RPC over loopback: {@code eth_getBalance} of the development accounts at
 * "latest", or {@code eth_call} of Multicall3's {@code getEthBalance(address)} (a real EVM call
 * reading state), one request per HTTP round trip from several threads; prints requests per second
 * and the median and p99 latency.
 */
public final class RpcReadBench {
  /** Multicall3's genesis address and its getEthBalance(address) selector. */
  private static final String MULTICALL3 = "0xca11bde05977b3631167028862be2a173976ca11";

  private static final String GET_ETH_BALANCE = "4d2301cc";

  private final EthRpc rpc;
  private final PrintStream out;

  public RpcReadBench(EthRpc rpc, PrintStream out) {
    this.rpc = rpc;
    this.out = out;
  }

  public void run(String method, int threads, int warmupSeconds, int seconds)
      throws InterruptedException {
    List<String> addrs = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      Address a = Secp256k1.address(HdKeys.devAccount(i));
      addrs.add(Hex.encode(a.bytesUnsafe()));
    }
    boolean call =
        switch (method) {
          case "balance" -> false;
          case "call" -> true;
          default -> throw new CliException("--method must be balance or call, not " + method);
        };
    if (call && "0x".equals(rpc.call("eth_getCode", MULTICALL3, "latest").asText())) {
      throw new CliException("no Multicall3 at " + MULTICALL3 + ": start from a fresh devnet home");
    }
    long start = System.nanoTime();
    long windowStart = start + warmupSeconds * 1_000_000_000L;
    long end = windowStart + seconds * 1_000_000_000L;
    AtomicLong failed = new AtomicLong();
    AtomicReference<String> firstFailure = new AtomicReference<>();
    ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
    List<Map<String, String>> callArgs = new ArrayList<>();
    for (String a : addrs) {
      callArgs.add(
          Map.of(
              "to", MULTICALL3, "data", "0x" + GET_ETH_BALANCE + "0".repeat(24) + a.substring(2)));
    }
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int seed = t;
      workers.add(
          Thread.ofPlatform()
              .daemon()
              .start(() -> {
                for (int i = seed; ; i++) {
                  long t0 = System.nanoTime();
                  if (t0 >= end) {
                    return;
                  }
                  int k = i % addrs.size();
                  try {
                    if (call) {
                      rpc.call("eth_call", callArgs.get(k), "latest");
                    } else {
                      rpc.call("eth_getBalance", addrs.get(k), "latest");
                    }
                  } catch (CliException e) {
                    if (failed.incrementAndGet() == 1) {
                      firstFailure.set(e.getMessage());
                    }
                    continue;
                  }
                  if (t0 >= windowStart) {
                    latencies.add(System.nanoTime() - t0);
                  }
                }
              }));
    }
    for (Thread w : workers) {
      w.join();
    }
    Percentiles l = Percentiles.of(latencies);
    out.printf(
        "%s: %,.0f requests/s over %d s with %d threads (%d failed)%n",
        call ? "eth_call (Multicall3.getEthBalance)" : "eth_getBalance",
        l.count() / (double) seconds,
        seconds,
        threads,
        failed.get());
    if (firstFailure.get() != null) {
      out.printf("first failure: %s%n", firstFailure.get());
    }
    if (l.count() > 0) {
      out.printf("latency: median %d us, p99 %d us%n", l.median() / 1000, l.p99() / 1000);
    }
  }
}
