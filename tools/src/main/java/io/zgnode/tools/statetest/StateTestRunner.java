package io.zgnode.tools.statetest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zgnode.evm.bytes.Hex;
import io.zgnode.evm.crypto.Keccak256;
import io.zgnode.evm.fork.Fork;
import io.zgnode.evm.gas.BlobFees;
import io.zgnode.evm.gas.GasCalculator;
import io.zgnode.evm.processor.BlockContext;
import io.zgnode.evm.processor.EvmConfig;
import io.zgnode.evm.processor.TransactionProcessor;
import io.zgnode.evm.processor.TransactionRejectedException;
import io.zgnode.evm.processor.TransactionResult;
import io.zgnode.evm.tracing.Tracer;
import io.zgnode.evm.tx.AccessListEntry;
import io.zgnode.evm.tx.InvalidTransactionException;
import io.zgnode.evm.tx.Transaction;
import io.zgnode.evm.tx.TransactionBuilder;
import io.zgnode.evm.tx.TransactionDecoder;
import io.zgnode.evm.types.Address;
import io.zgnode.evm.types.Hash;
import io.zgnode.evm.world.Log;
import io.zgnode.evm.world.MapEvmWorld;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Runs Ethereum state tests (the GeneralStateTests format): for each test, each fork zgnode
 * supports and each entry of that fork's {@code post} list, it builds the pre-state and the block,
 * takes the transaction from {@code txbytes} (or builds it from the template with the entry's
 * indexes and signs it with {@code secretKey}), applies it, and compares the state root and the
 * logs hash with the expected ones. A transaction the fixture expects to be invalid must be
 * rejected and leave the pre-state; a valid one must not be rejected.
 *
 * <p>Block rules of the fixtures: the base fee defaults to 0x0a, PREVRANDAO is {@code
 * currentRandom}, the blob base fee follows from {@code currentExcessBlobGas}, BLOCKHASH(n) is
 * keccak256 of the decimal digits of n, and the chain id is 1.
 */
public final class StateTestRunner {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final BigInteger CHAIN_ID = BigInteger.ONE;
  private static final BigInteger DEFAULT_BASE_FEE = BigInteger.TEN;

  private final Fork onlyFork;
  private final boolean bench;
  private final Supplier<Tracer> tracers;
  private final EnumMap<Fork, TransactionProcessor> processors = new EnumMap<>(Fork.class);

  /**
   * @param onlyFork run only this fork's entries; null for every fork zgnode supports
   * @param bench time each transaction (repeated until the JIT is warm) instead of running once
   * @param tracers a tracer per vector (e.g. EIP-3155 lines), or null for none
   */
  public StateTestRunner(Fork onlyFork, boolean bench, Supplier<Tracer> tracers) {
    this.onlyFork = onlyFork;
    this.bench = bench;
    this.tracers = tracers;
  }

  /** The state-test files under {@code path} (itself if a file): *.json only, sorted. */
  public static List<Path> files(Path path) {
    if (Files.isRegularFile(path)) {
      return List.of(path);
    }
    if (!Files.isDirectory(path)) {
      throw new IllegalArgumentException("no such file or folder: " + path);
    }
    try (Stream<Path> s = Files.walk(path)) {
      return s.filter(p -> p.toString().endsWith(".json") && Files.isRegularFile(p))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + path, e);
    }
  }

  /** Runs every vector under {@code path}, handing each result to {@code sink} as it comes. */
  public void run(Path path, Consumer<StateTestResult> sink) {
    Path base = Files.isDirectory(path) ? path : path.getParent();
    for (Path file : files(path)) {
      String name = base == null ? file.toString() : base.relativize(file).toString();
      runFile(file, name, sink);
    }
  }

  /** Runs every vector of one file. */
  public void runFile(Path file, String displayName, Consumer<StateTestResult> sink) {
    for (Vector v : vectors(file, displayName)) {
      sink.accept(v.run());
    }
  }

  /**
   * One vector, ready to run: one entry of one fork of one test. Running it never throws; an
   * unexpected error is a failed result.
   */
  public interface Vector {
    /** "file:name/fork/index". */
    String id();

    StateTestResult run();
  }

  /**
   * The vectors of one file, for the forks this runner runs. A file that cannot be read or parsed
   * yields one failing vector that says so.
   */
  public List<Vector> vectors(Path file, String displayName) {
    JsonNode root;
    try {
      root = JSON.readTree(file.toFile());
    } catch (IOException e) {
      return List.of(failing(displayName, "-", "unreadable JSON: " + e.getMessage()));
    }
    List<Vector> out = new ArrayList<>();
    for (Map.Entry<String, JsonNode> test : root.properties()) {
      addVectors(displayName, test.getKey(), test.getValue(), out);
    }
    return out;
  }

  private static Vector failing(String file, String name, String reason) {
    StateTestResult r = new StateTestResult(file, name, "-", 0, false, reason, null, 0, 0);
    return new Vector() {
      @Override
      public String id() {
        return r.id();
      }

      @Override
      public StateTestResult run() {
        return r;
      }
    };
  }

  private void addVectors(String file, String name, JsonNode test, List<Vector> out) {
    JsonNode post = test.get("post");
    if (post == null || test.get("pre") == null || test.get("env") == null) {
      out.add(failing(file, name, "not a state test: needs pre, env, transaction and post"));
      return;
    }
    // The pre-state and its root are built once per test, on first use.
    MapEvmWorld[] pre = new MapEvmWorld[1];
    Hash[] preRoot = new Hash[1];
    for (Map.Entry<String, JsonNode> forkEntry : post.properties()) {
      String forkName = forkEntry.getKey();
      Fork fork = supportedFork(forkName);
      if (fork == null || (onlyFork != null && fork != onlyFork)) {
        continue;
      }
      int index = 0;
      for (JsonNode entry : forkEntry.getValue()) {
        int i = index++;
        String id = file + ":" + name + "/" + forkName + "/" + i;
        out.add(
            new Vector() {
              @Override
              public String id() {
                return id;
              }

              @Override
              public StateTestResult run() {
                try {
                  if (pre[0] == null) {
                    pre[0] = preState(test.get("pre"));
                    preRoot[0] = StateRoots.stateRoot(pre[0]);
                  }
                  return runVector(file, name, forkName, fork, i, test, entry, pre[0], preRoot[0]);
                } catch (RuntimeException e) {
                  return new StateTestResult(
                      file, name, forkName, i, false, "error: " + e, null, 0, 0);
                }
              }
            });
      }
    }
  }

  /** The fork for a fixture's fork name, or null for one zgnode does not run (before London). */
  public static Fork supportedFork(String name) {
    try {
      return Fork.fromName(name);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private StateTestResult runVector(
      String file,
      String name,
      String forkName,
      Fork fork,
      int index,
      JsonNode test,
      JsonNode entry,
      MapEvmWorld pre,
      Hash preRoot) {
    Hash expectedRoot = Hash.fromHex(entry.get("hash").asText());
    Hash expectedLogs = Hash.fromHex(entry.get("logs").asText());
    String expectException =
        entry.hasNonNull("expectException") ? entry.get("expectException").asText() : null;
    BlockContext block = block(test.get("env"), fork);
    TransactionProcessor processor = processor(fork);

    Transaction tx;
    try {
      tx = transaction(test.get("transaction"), entry);
    } catch (InvalidTransactionException e) {
      return rejected(
          file, name, forkName, index, expectException, expectedRoot, preRoot, e.getMessage());
    }
    MapEvmWorld world = pre.copy();
    Tracer tracer = tracers == null ? Tracer.NO_OP : tracers.get();
    TransactionResult result;
    long timeNs = 0;
    try {
      if (bench) {
        timeNs = time(processor, pre, block, tx);
      }
      result = processor.process(world, block, tx, tracer);
    } catch (TransactionRejectedException e) {
      return rejected(
          file, name, forkName, index, expectException, expectedRoot, preRoot, e.getMessage());
    }
    Hash root = StateRoots.stateRoot(world);
    Hash logs = StateRoots.logsHash(result.logs());
    String reason = null;
    if (expectException != null) {
      reason = "expected " + expectException + " but the transaction was valid";
    } else if (!root.equals(expectedRoot)) {
      reason =
          "state root "
              + root
              + ", expected "
              + expectedRoot
              + " ("
              + result.status()
              + (result.haltReason() == null ? "" : " " + result.haltReason())
              + ", gas used "
              + result.gasUsed()
              + ")";
    } else if (!logs.equals(expectedLogs)) {
      reason =
          "logs hash " + logs + ", expected " + expectedLogs + " (" + describe(result.logs()) + ")";
    }
    return new StateTestResult(
        file, name, forkName, index, reason == null, reason, root, result.gasUsed(), timeNs);
  }

  private static String describe(List<Log> logs) {
    return logs.size() + " logs";
  }

  private static StateTestResult rejected(
      String file,
      String name,
      String forkName,
      int index,
      String expectException,
      Hash expectedRoot,
      Hash preRoot,
      String message) {
    String reason = null;
    if (expectException == null) {
      reason = "valid transaction rejected: " + message;
    } else if (!preRoot.equals(expectedRoot)) {
      reason = "rejected (" + message + ") but the expected root is not the pre-state root";
    }
    return new StateTestResult(file, name, forkName, index, reason == null, reason, preRoot, 0, 0);
  }

  /**
   * Times the transaction: runs it on fresh copies of the pre-state until the JIT has settled (at
   * least 0.5 s), then in batches of runs on copies made beforehand (each batch about 50 ms) for at
   * least 1 s and 5 batches, and returns the median batch's nanoseconds per run. The median of
   * wall-clock batches keeps garbage collection in the figure while ignoring batches that other
   * load on the machine interrupted.
   */
  private static long time(
      TransactionProcessor processor, MapEvmWorld pre, BlockContext block, Transaction tx) {
    long warmStart = System.nanoTime();
    long warmEnd = warmStart + 500_000_000L;
    int runs = 0;
    while (System.nanoTime() < warmEnd || runs < 3) {
      processor.process(pre.copy(), block, tx);
      runs++;
    }
    long perRun = Math.max(1, (System.nanoTime() - warmStart) / runs);
    int batch = (int) Math.max(1, Math.min(64, 50_000_000L / perRun));
    MapEvmWorld[] copies = new MapEvmWorld[batch];
    List<Long> batches = new ArrayList<>();
    long total = 0;
    while (total < 1_000_000_000L || batches.size() < 5) {
      for (int i = 0; i < batch; i++) {
        copies[i] = pre.copy();
      }
      long t0 = System.nanoTime();
      for (int i = 0; i < batch; i++) {
        processor.process(copies[i], block, tx);
      }
      long t = System.nanoTime() - t0;
      batches.add(t);
      total += t;
    }
    Collections.sort(batches);
    return batches.get(batches.size() / 2) / batch;
  }

  private TransactionProcessor processor(Fork fork) {
    return processors.computeIfAbsent(fork, f -> new TransactionProcessor(EvmConfig.forFork(f)));
  }

  // ---- fixtures ---------------------------------------------------------------------------------

  static MapEvmWorld preState(JsonNode pre) {
    MapEvmWorld world = new MapEvmWorld();
    for (Map.Entry<String, JsonNode> a : pre.properties()) {
      Address address = Address.fromHex(a.getKey());
      JsonNode acc = a.getValue();
      world.createAccount(address);
      world.setNonce(address, quantity(acc.get("nonce")).longValue());
      world.setBalance(address, quantity(acc.get("balance")));
      byte[] code = Hex.decode(acc.get("code").asText());
      if (code.length > 0) {
        world.setCode(address, code);
      }
      for (Map.Entry<String, JsonNode> s : acc.get("storage").properties()) {
        Hash value = word(s.getValue().asText());
        if (!value.equals(Hash.ZERO)) {
          world.setStorage(address, word(s.getKey()), value);
        }
      }
    }
    return world;
  }

  static BlockContext block(JsonNode env, Fork fork) {
    long number = quantity(env.get("currentNumber")).longValue();
    BigInteger baseFee =
        env.hasNonNull("currentBaseFee") ? quantity(env.get("currentBaseFee")) : DEFAULT_BASE_FEE;
    BigInteger difficulty =
        env.hasNonNull("currentDifficulty")
            ? quantity(env.get("currentDifficulty"))
            : BigInteger.ZERO;
    Hash random =
        env.hasNonNull("currentRandom") ? word(env.get("currentRandom").asText()) : Hash.ZERO;
    BigInteger blobBaseFee = BigInteger.ZERO;
    if (fork.isAtLeast(Fork.CANCUN)) {
      long excess =
          env.hasNonNull("currentExcessBlobGas")
              ? quantity(env.get("currentExcessBlobGas")).longValue()
              : 0;
      blobBaseFee = BlobFees.blobBaseFee(excess, GasCalculator.forFork(fork));
    }
    return new BlockContext(
        number,
        quantity(env.get("currentTimestamp")).longValue(),
        Address.fromHex(env.get("currentCoinbase").asText()),
        quantity(env.get("currentGasLimit")).longValue(),
        baseFee,
        difficulty,
        random,
        blobBaseFee,
        CHAIN_ID,
        n ->
            Hash.wrapOwned(
                Keccak256.hash(Long.toUnsignedString(n).getBytes(StandardCharsets.US_ASCII))));
  }

  static Transaction transaction(JsonNode template, JsonNode entry) {
    if (entry.hasNonNull("txbytes")) {
      return TransactionDecoder.decode(Hex.decode(entry.get("txbytes").asText()));
    }
    JsonNode idx = entry.get("indexes");
    TransactionBuilder b;
    boolean blob = template.hasNonNull("blobVersionedHashes");
    boolean dynamic = template.hasNonNull("maxFeePerGas");
    boolean accessList = template.hasNonNull("accessLists");
    if (blob) {
      b = TransactionBuilder.blob();
    } else if (dynamic) {
      b = TransactionBuilder.eip1559();
    } else if (accessList) {
      b = TransactionBuilder.accessList();
    } else {
      b = TransactionBuilder.legacy();
    }
    if (dynamic || blob) {
      b.maxFeePerGas(quantity(template.get("maxFeePerGas")));
      b.maxPriorityFeePerGas(quantity(template.get("maxPriorityFeePerGas")));
    } else {
      b.gasPrice(quantity(template.get("gasPrice")));
    }
    if (blob || dynamic || accessList) {
      b.chainId(CHAIN_ID);
    }
    b.nonce(quantity(template.get("nonce")).longValue());
    b.gasLimit(quantity(template.get("gasLimit").get(idx.get("gas").asInt())).longValue());
    b.value(quantity(template.get("value").get(idx.get("value").asInt())));
    b.data(Hex.decode(template.get("data").get(idx.get("data").asInt()).asText()));
    String to = template.get("to").asText();
    b.to(to.isEmpty() ? null : Address.fromHex(to));
    if (accessList) {
      JsonNode lists = template.get("accessLists");
      JsonNode list = lists.get(idx.get("data").asInt());
      List<AccessListEntry> entries = new ArrayList<>();
      if (list != null && !list.isNull()) {
        for (JsonNode e : list) {
          List<Hash> keys = new ArrayList<>();
          for (JsonNode k : e.get("storageKeys")) {
            keys.add(word(k.asText()));
          }
          entries.add(new AccessListEntry(Address.fromHex(e.get("address").asText()), keys));
        }
      }
      b.accessList(entries);
    }
    if (blob) {
      b.maxFeePerBlobGas(quantity(template.get("maxFeePerBlobGas")));
      List<Hash> hashes = new ArrayList<>();
      for (JsonNode h : template.get("blobVersionedHashes")) {
        hashes.add(Hash.fromHex(h.asText()));
      }
      b.blobVersionedHashes(hashes);
    }
    return b.sign(quantity(template.get("secretKey")));
  }

  static BigInteger quantity(JsonNode n) {
    String s = n.asText();
    if (s.startsWith("0x") || s.startsWith("0X")) {
      return s.length() == 2 ? BigInteger.ZERO : new BigInteger(s.substring(2), 16);
    }
    return new BigInteger(s);
  }

  /** A 32-byte word from hex of any length up to 32 bytes (left-padded). */
  static Hash word(String hex) {
    byte[] b = Hex.decode(hex);
    int i = 0;
    while (i < b.length - 32 && b[i] == 0) {
      i++;
    }
    byte[] out = new byte[32];
    int n = b.length - i;
    if (n > 32) {
      throw new IllegalArgumentException("word longer than 32 bytes: " + hex);
    }
    System.arraycopy(b, i, out, 32 - n, n);
    return Hash.wrapOwned(out);
  }
}
