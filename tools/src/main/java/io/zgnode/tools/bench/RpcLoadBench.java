package io.zgnode.tools.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.zgnode.evm.bytes.Hex;
import io.zgnode.evm.crypto.Keccak256;
import io.zgnode.evm.crypto.Secp256k1;
import io.zgnode.evm.crypto.hd.HdKeys;
import io.zgnode.evm.tx.Transaction;
import io.zgnode.evm.tx.TransactionBuilder;
import io.zgnode.evm.types.Address;
import io.zgnode.tools.CliException;
import io.zgnode.tools.rpc.EthRpc;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * Load through the Ethereum JSON-RPC, as wallets and scripts send it: signed native transfers and
 * token transfers (a contract doing an ERC-20 transfer's storage and log work, see {@link
 * BenchToken}) from many accounts, sent with {@code eth_sendRawTransaction} in JSON-RPC batches at
 * a fixed offered rate over several connections. Inclusion is observed by polling blocks, so the
 * time to inclusion has the poll interval (25 ms) as resolution.
 *
 * <p>Setup (not measured): the development accounts fund the bench accounts, deploy the token and
 * hand each account tokens; then every transaction of the run is signed ahead, so the measured
 * phase costs the load generator only HTTP.
 */
public final class RpcLoadBench {
  private static final BigInteger GWEI = BigInteger.TEN.pow(9);
  private static final BigInteger ETHER = BigInteger.TEN.pow(18);
  private static final int DEV_ACCOUNTS = 10;

  /**
   * What to offer.
   *
   * @param accounts sending accounts (each sends its nonces in order; many accounts keep any one
   *     sender's transactions far apart in the stream)
   * @param rate offered transactions per second
   * @param tokenPercent share of token transfers, 0..100
   * @param batch transactions per JSON-RPC batch
   * @param connections batches in flight at once
   */
  public record Settings(
      int accounts,
      int rate,
      int warmupSeconds,
      int seconds,
      int tokenPercent,
      int batch,
      int connections) {
    public Settings {
      if (accounts < 1 || rate < 1 || seconds < 1 || warmupSeconds < 0) {
        throw new CliException("--accounts, --rate and --duration must be positive");
      }
      if (tokenPercent < 0 || tokenPercent > 100) {
        throw new CliException("--token-percent must be 0..100");
      }
      if (batch < 1 || batch > 1000 || connections < 1 || connections > 256) {
        throw new CliException("--batch must be 1..1000 and --connections 1..256");
      }
    }
  }

  private final EthRpc rpc;
  private final Settings s;
  private final PrintStream out;

  public RpcLoadBench(EthRpc rpc, Settings settings, PrintStream out) {
    this.rpc = rpc;
    this.s = settings;
    this.out = out;
  }

  public void run() throws InterruptedException {
    long chainId = Long.decode(rpc.call("eth_chainId").asText());
    BigInteger gasPrice = new BigInteger(rpc.call("eth_gasPrice").asText().substring(2), 16);
    BigInteger maxFee = gasPrice.multiply(BigInteger.valueOf(4)).max(GWEI.multiply(BigInteger.TEN));
    BigInteger tip = GWEI.divide(BigInteger.TEN);
    BigInteger[] keys = new BigInteger[s.accounts()];
    Address[] addrs = new Address[s.accounts()];
    IntStream.range(0, s.accounts())
        .parallel()
        .forEach(i -> {
          keys[i] = benchKey(i);
          addrs[i] = Secp256k1.address(keys[i]);
        });
    out.printf("setup: funding %,d accounts and deploying the token...%n", s.accounts());
    Address token = setup(chainId, maxFee, tip, keys, addrs);

    int perAccount =
        (int) Math.ceil((double) s.rate() * (s.warmupSeconds() + s.seconds()) * 1.05 / s.accounts())
            + 1;
    int total = perAccount * s.accounts();
    out.printf("signing %,d transactions ahead (%d per account)...%n", total, perAccount);
    long[] baseNonce = nonces(addrs, "latest");
    String[] raw = new String[total];
    String[] hashes = new String[total];
    IntStream.range(0, s.accounts())
        .parallel()
        .forEach(a -> {
          TransactionBuilder b =
              TransactionBuilder.eip1559()
                  .chainId(chainId)
                  .maxPriorityFeePerGas(tip)
                  .maxFeePerGas(maxFee);
          Address to = addrs[(a + 1) % addrs.length];
          for (int r = 0; r < perAccount; r++) {
            boolean tokenTx = Math.floorMod(a * 31 + r, 100) < s.tokenPercent();
            b.nonce(baseNonce[a] + r);
            if (tokenTx) {
              b.gasLimit(80_000)
                  .to(token)
                  .value(BigInteger.ZERO)
                  .data(BenchToken.transfer(to, BigInteger.ONE));
            } else {
              b.gasLimit(21_000).to(to).value(BigInteger.ONE).data(new byte[0]);
            }
            Transaction tx = b.sign(keys[a]);
            int idx = r * s.accounts() + a;
            raw[idx] = Hex.encode(tx.encoded());
            hashes[idx] = Hex.encode(tx.hash().bytesUnsafe());
          }
        });
    Map<String, Integer> indexOf = new HashMap<>(total * 2);
    for (int i = 0; i < total; i++) {
      indexOf.put(hashes[i], i);
    }
    measure(raw, indexOf);
  }

  private void measure(String[] raw, Map<String, Integer> indexOf) throws InterruptedException {
    int total = raw.length;
    long[] sentAt = new long[total];
    long[] includedAt = new long[total];
    AtomicInteger nextBatch = new AtomicInteger();
    AtomicLong refused = new AtomicLong();
    Map<String, Integer> errors = new ConcurrentHashMap<>();
    long start = System.nanoTime() + 200_000_000L;
    long windowStart = start + s.warmupSeconds() * 1_000_000_000L;
    long end = windowStart + s.seconds() * 1_000_000_000L;
    double nanosPerTx = 1e9 / s.rate();
    int batches = (total + s.batch() - 1) / s.batch();
    List<Thread> senders = new ArrayList<>();
    for (int c = 0; c < s.connections(); c++) {
      Thread t =
          Thread.ofPlatform()
              .name("rpc-load-" + c)
              .daemon()
              .start(() -> {
                while (true) {
                  int b = nextBatch.getAndIncrement();
                  if (b >= batches) {
                    return;
                  }
                  long due = start + (long) (b * (double) s.batch() * nanosPerTx);
                  if (due >= end) {
                    return;
                  }
                  sleepUntil(due);
                  int from = b * s.batch();
                  int to = Math.min(total, from + s.batch());
                  List<Object[]> params = new ArrayList<>(to - from);
                  for (int i = from; i < to; i++) {
                    params.add(new Object[] {raw[i]});
                  }
                  long now = System.nanoTime();
                  for (int i = from; i < to; i++) {
                    sentAt[i] = now;
                  }
                  JsonNode[] answers;
                  try {
                    answers = rpc.batch("eth_sendRawTransaction", params);
                  } catch (CliException e) {
                    refused.addAndGet(to - from);
                    errors.merge(e.getMessage(), to - from, Integer::sum);
                    continue;
                  }
                  for (JsonNode a : answers) {
                    if (a == null || a.has("error")) {
                      refused.incrementAndGet();
                      String m = a == null ? "no answer" : a.path("error").path("message").asText();
                      errors.merge(m, 1, Integer::sum);
                    }
                  }
                }
              });
      senders.add(t);
    }
    long lastSeen = Long.decode(rpc.call("eth_blockNumber").asText());
    long blocks = 0;
    long txsInWindowBlocks = 0;
    int maxBlockTxs = 0;
    long includedInWindow = 0;
    long observeUntil = end + 5_000_000_000L;
    while (System.nanoTime() < observeUntil) {
      Thread.sleep(25);
      long head = Long.decode(rpc.call("eth_blockNumber").asText());
      for (long n = lastSeen + 1; n <= head; n++) {
        JsonNode block = rpc.call("eth_getBlockByNumber", "0x" + Long.toHexString(n), false);
        long now = System.nanoTime();
        JsonNode txs = block.path("transactions");
        if (now >= windowStart && now < end) {
          blocks++;
          txsInWindowBlocks += txs.size();
          maxBlockTxs = Math.max(maxBlockTxs, txs.size());
        }
        for (JsonNode h : txs) {
          Integer i = indexOf.get(h.asText());
          if (i != null) {
            includedAt[i] = now;
            if (now >= windowStart && now < end) {
              includedInWindow++;
            }
          }
        }
      }
      lastSeen = head;
    }
    for (Thread t : senders) {
      t.join(1000);
    }
    List<Long> lat = new ArrayList<>();
    long sentInWindow = 0;
    long missing = 0;
    for (int i = 0; i < total; i++) {
      if (sentAt[i] >= windowStart && sentAt[i] < end) {
        sentInWindow++;
        if (includedAt[i] != 0) {
          lat.add(includedAt[i] - sentAt[i]);
        } else {
          missing++;
        }
      }
    }
    Percentiles l = Percentiles.of(lat);
    out.printf(
        "offered: %,d tx/s (%d accounts, %d%% token transfers, batches of %d, %d connections)%n",
        s.rate(), s.accounts(), s.tokenPercent(), s.batch(), s.connections());
    out.printf(
        "sent:      %,.0f tx/s over the %d s window (%,d refused in total)%n",
        sentInWindow / (double) s.seconds(), s.seconds(), refused.get());
    out.printf(
        "sustained: %,.0f tx/s included over %d s (%d blocks, %.0f txs per block, max %d)%n",
        includedInWindow / (double) s.seconds(),
        s.seconds(),
        blocks,
        blocks == 0 ? 0.0 : txsInWindowBlocks / (double) blocks,
        maxBlockTxs);
    if (l.count() > 0) {
      out.printf(
          "time to inclusion: median %d ms, p99 %d ms (%,d samples; %,d sent in the window not"
              + " included 5 s after it)%n",
          l.median() / 1_000_000, l.p99() / 1_000_000, l.count(), missing);
    }
    errors.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .limit(5)
        .forEach(e -> out.printf("  refused %,d x: %s%n", e.getValue(), e.getKey()));
  }

  /** Funds the bench accounts, deploys the token and gives each account tokens. */
  private Address setup(
      long chainId, BigInteger maxFee, BigInteger tip, BigInteger[] keys, Address[] addrs)
      throws InterruptedException {
    BigInteger[] dev = new BigInteger[DEV_ACCOUNTS];
    Address[] devAddr = new Address[DEV_ACCOUNTS];
    for (int d = 0; d < DEV_ACCOUNTS; d++) {
      dev[d] = HdKeys.devAccount(d);
      devAddr[d] = Secp256k1.address(dev[d]);
    }
    long[] devNonce = nonces(devAddr, "pending");
    // Round k: dev account d funds bench account k * 10 + d, so a batch never holds two
    // transactions of one sender (batch entries may be processed in any order).
    int rounds = (addrs.length + DEV_ACCOUNTS - 1) / DEV_ACCOUNTS;
    List<Object[]> pending = new ArrayList<>();
    for (int k = 0; k < rounds; k++) {
      for (int d = 0; d < DEV_ACCOUNTS; d++) {
        int a = k * DEV_ACCOUNTS + d;
        if (a >= addrs.length) {
          continue;
        }
        Transaction tx =
            TransactionBuilder.eip1559()
                .chainId(chainId)
                .nonce(devNonce[d]++)
                .maxPriorityFeePerGas(tip)
                .maxFeePerGas(maxFee)
                .gasLimit(21_000)
                .to(addrs[a])
                .value(ETHER)
                .sign(dev[d]);
        pending.add(new Object[] {Hex.encode(tx.encoded())});
      }
      send(pending);
    }
    Transaction deploy =
        TransactionBuilder.eip1559()
            .chainId(chainId)
            .nonce(devNonce[0]++)
            .maxPriorityFeePerGas(tip)
            .maxFeePerGas(maxFee)
            .gasLimit(200_000)
            .data(BenchToken.INIT_CODE)
            .sign(dev[0]);
    pending.add(new Object[] {Hex.encode(deploy.encoded())});
    send(pending);
    JsonNode receipt = waitForReceipt(Hex.encode(deploy.hash().bytesUnsafe()));
    if (!"0x1".equals(receipt.path("status").asText())) {
      throw new CliException("the bench token deployment failed: " + receipt);
    }
    Address token = Address.fromHex(receipt.path("contractAddress").asText());
    for (Address a : addrs) {
      Transaction tx =
          TransactionBuilder.eip1559()
              .chainId(chainId)
              .nonce(devNonce[0]++)
              .maxPriorityFeePerGas(tip)
              .maxFeePerGas(maxFee)
              .gasLimit(80_000)
              .to(token)
              .data(BenchToken.transfer(a, ETHER))
              .sign(dev[0]);
      pending.add(new Object[] {Hex.encode(tx.encoded())});
      send(pending);
    }
    waitForNonce(devAddr[0], devNonce[0]);
    for (int d = 1; d < DEV_ACCOUNTS; d++) {
      waitForNonce(devAddr[d], devNonce[d]);
    }
    return token;
  }

  private void send(List<Object[]> batch) {
    if (batch.isEmpty()) {
      return;
    }
    for (JsonNode a : rpc.batch("eth_sendRawTransaction", batch)) {
      if (a == null || a.has("error")) {
        throw new CliException(
            "setup transaction refused: "
                + (a == null ? "no answer" : a.path("error").path("message").asText()));
      }
    }
    batch.clear();
  }

  private JsonNode waitForReceipt(String hash) throws InterruptedException {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (System.nanoTime() < deadline) {
      JsonNode r = rpc.call("eth_getTransactionReceipt", hash);
      if (r != null && r.isObject()) {
        return r;
      }
      Thread.sleep(50);
    }
    throw new CliException("transaction " + hash + " not included within 60 s");
  }

  private void waitForNonce(Address a, long nonce) throws InterruptedException {
    long deadline = System.nanoTime() + 120_000_000_000L;
    while (nonces(new Address[] {a}, "latest")[0] < nonce) {
      if (System.nanoTime() > deadline) {
        throw new CliException("setup transactions of " + a + " not included within 120 s");
      }
      Thread.sleep(100);
    }
  }

  private long[] nonces(Address[] addrs, String tag) {
    long[] out = new long[addrs.length];
    for (int from = 0; from < addrs.length; from += 500) {
      int to = Math.min(addrs.length, from + 500);
      List<Object[]> params = new ArrayList<>();
      for (int i = from; i < to; i++) {
        params.add(new Object[] {Hex.encode(addrs[i].bytesUnsafe()), tag});
      }
      JsonNode[] answers = rpc.batch("eth_getTransactionCount", params);
      for (int i = from; i < to; i++) {
        JsonNode a = answers[i - from];
        if (a == null || !a.path("result").isTextual()) {
          throw new CliException("cannot read the nonce of " + addrs[i] + ": " + a);
        }
        out[i] = Long.decode(a.path("result").asText());
      }
    }
    return out;
  }

  /** A deterministic key per bench account, so reruns reuse funded accounts. */
  static BigInteger benchKey(int i) {
    byte[] seed = Keccak256.hash(("zgnode/bench/" + i).getBytes(StandardCharsets.US_ASCII));
    return new BigInteger(1, seed).mod(Secp256k1.N.subtract(BigInteger.ONE)).add(BigInteger.ONE);
  }

  private static void sleepUntil(long nanoTime) {
    long wait;
    while ((wait = nanoTime - System.nanoTime()) > 0) {
      try {
        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
