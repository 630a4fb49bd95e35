package io.zgnode.tools.bench;

import io.zgnode.chain.BlockInput;
import io.zgnode.chain.BlockResult;
import io.zgnode.chain.Chain;
import io.zgnode.chain.exec.TxOutcome;
import io.zgnode.chain.tx.TxDecoder;
import io.zgnode.evm.crypto.Secp256k1;
import io.zgnode.evm.tx.TransactionBuilder;
import io.zgnode.evm.types.Address;
import io.zgnode.genesis.AppGenesis;
import io.zgnode.state.store.StateDatabase;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.Stream;

/**
 * Executes blocks of signed native transfers in process, from raw bytes to committed RocksDB state,
 * the way FinalizeBlock and Commit do on a node: senders recovered with a cold cache (on all
 * cores), transactions executed, roots computed, the height written atomically. Signing happens
 * before the clock starts.
 */
public final class TransferBench {
  private static final long CHAIN_ID = 36767;
  private static final BigInteger GWEI = BigInteger.TEN.pow(9);

  /** One run's figures. */
  public record Run(int transfers, long nanos) {
    double perSecond() {
      return transfers * 1e9 / nanos;
    }
  }

  private final int senders;
  private final int blocks;
  private final int txsPerBlock;
  private final PrintStream out;

  public TransferBench(int senders, int blocks, int txsPerBlock, PrintStream out) {
    if (senders < 2 || blocks < 1 || txsPerBlock < 1) {
      throw new IllegalArgumentException("need at least 2 senders, 1 block and 1 tx per block");
    }
    this.senders = senders;
    this.blocks = blocks;
    this.txsPerBlock = txsPerBlock;
    this.out = out;
  }

  /** Runs {@code runs} times (plus one warm-up) and returns the runs' figures. */
  public List<Run> run(int runs) throws IOException {
    out.printf(
        "signing %d blocks x %d transfers from %d senders...%n", blocks, txsPerBlock, senders);
    List<BigInteger> keys = new ArrayList<>();
    List<Address> addresses = new ArrayList<>();
    for (int i = 0; i < senders; i++) {
      BigInteger k = BigInteger.valueOf(7_919L * (i + 1));
      keys.add(k);
      addresses.add(Secp256k1.address(k));
    }
    List<List<byte[]>> signed = sign(keys, addresses);
    String genesis = AppGenesis.devnet(CHAIN_ID, addresses, BigInteger.TEN.pow(24)).toJson();
    List<Run> results = new ArrayList<>();
    for (int r = 0; r <= runs; r++) {
      Run run = once(genesis, signed);
      if (r == 0) {
        out.printf("warm-up: %,.0f transfers/s%n", run.perSecond());
      } else {
        out.printf(
            "run %d: %,d transfers in %.3f s = %,.0f transfers/s%n",
            r, run.transfers(), run.nanos() / 1e9, run.perSecond());
        results.add(run);
      }
    }
    double[] rates = results.stream().mapToDouble(Run::perSecond).sorted().toArray();
    out.printf(
        "median: %,.0f transfers/s over %d runs (%d cores)%n",
        median(rates), runs, Runtime.getRuntime().availableProcessors());
    return results;
  }

  static double median(double[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private List<List<byte[]>> sign(List<BigInteger> keys, List<Address> addresses) {
    Random rnd = new Random(42);
    long[] nonces = new long[senders];
    List<List<byte[]>> out = new ArrayList<>();
    for (int b = 0; b < blocks; b++) {
      int[] from = new int[txsPerBlock];
      int[] to = new int[txsPerBlock];
      long[] nonce = new long[txsPerBlock];
      for (int t = 0; t < txsPerBlock; t++) {
        from[t] = (b * txsPerBlock + t) % senders;
        to[t] = (from[t] + 1 + rnd.nextInt(senders - 1)) % senders;
        nonce[t] = nonces[from[t]]++;
      }
      byte[][] block = new byte[txsPerBlock][];
      ForkJoinPool.commonPool()
          .submit(() ->
              java.util.stream.IntStream.range(0, txsPerBlock)
                  .parallel()
                  .forEach(t ->
                      block[t] =
                          TransactionBuilder.eip1559()
                              .chainId(CHAIN_ID)
                              .nonce(nonce[t])
                              .maxPriorityFeePerGas(GWEI)
                              .maxFeePerGas(GWEI.multiply(BigInteger.TEN))
                              .gasLimit(21_000)
                              .to(addresses.get(to[t]))
                              .value(BigInteger.valueOf(1_000 + t))
                              .sign(keys.get(from[t]))
                              .encoded()))
          .join();
      out.add(Arrays.asList(block));
    }
    return out;
  }

  private Run once(String genesis, List<List<byte[]>> signed) throws IOException {
    Path dir = Files.createTempDirectory("zgnode-bench");
    try (Chain chain = new Chain(StateDatabase.open(dir), TxDecoder.withDefaults(), false)) {
      chain.initChain("bench", 1, genesis);
      chain.finalizeBlock(new BlockInput(1, 1, new byte[20], List.of()));
      chain.commit();
      int executed = 0;
      long start = System.nanoTime();
      for (int b = 0; b < signed.size(); b++) {
        long h = b + 2;
        BlockResult r = chain.finalizeBlock(new BlockInput(h, h, new byte[20], signed.get(b)));
        chain.commit();
        for (TxOutcome o : r.txResults()) {
          if (!o.ok()) {
            throw new IllegalStateException("transfer failed in the benchmark: " + o.log());
          }
        }
        executed += r.txResults().size();
      }
      return new Run(executed, System.nanoTime() - start);
    } finally {
      deleteTree(dir);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
