package io.zgnode.tools.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zgnode.evm.types.Address;
import io.zgnode.genesis.AppGenesis;
import io.zgnode.genesis.Predeploys;
import io.zgnode.tools.toml.TomlDocument;
import io.zgnode.tools.toml.TomlValue;
import java.io.IOException;
import java.math.BigInteger;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A real node for integration tests: a home made by {@code zgnode init}, then {@code zgnode start}
 * as a child process that itself supervises CometBFT. Ports are free loopback ports so tests never
 * collide with a devnet on the default ports.
 */
final class NodeProcess implements AutoCloseable {
  static final long EVM_CHAIN_ID = 36767;

  final Path home;
  final int rpcPort;
  final int p2pPort;
  final int abciPort;
  final int jsonRpcPort;
  final int wsPort;
  private String transport;
  private final Path log;
  private Process process;
  private String javaOptions = "";

  private NodeProcess(Path home, String transport) throws IOException {
    this.home = home;
    this.transport = transport;
    int[] ports = freePorts(5);
    this.rpcPort = ports[0];
    this.p2pPort = ports[1];
    this.abciPort = ports[2];
    this.jsonRpcPort = ports[3];
    this.wsPort = ports[4];
    this.log = home.resolveSibling(home.getFileName() + ".log");
  }

  static Path root() {
    return Paths.get(System.getProperty("zgnode.root", "..")).toAbsolutePath().normalize();
  }

  /** Makes a home whose genesis funds {@code funded} with {@code each}. */
  static NodeProcess create(Path home, String transport, List<Address> funded, BigInteger each)
      throws Exception {
    return create(home, transport, funded, each, "300ms");
  }

  /**
   * Makes a home whose genesis funds {@code funded} with {@code each}, with CometBFT's
   * timeout_commit set to {@code timeoutCommit} (e.g. "300ms"; shorter makes blocks faster).
   */
  static NodeProcess create(
      Path home, String transport, List<Address> funded, BigInteger each, String timeoutCommit)
      throws Exception {
    NodeProcess n = new NodeProcess(home, transport);
    run(
        List.of(
            root().resolve("zgnode").toString(),
            "init",
            "it-node",
            "--home",
            home.toString(),
            "--chain-id",
            "zgnode-it",
            "--evm-chain-id",
            Long.toString(EVM_CHAIN_ID),
            "--abci",
            transport,
            "--timeout-commit",
            timeoutCommit,
            "--rpc-port",
            Integer.toString(n.rpcPort),
            "--p2p-port",
            Integer.toString(n.p2pPort),
            "--abci-port",
            Integer.toString(n.abciPort),
            "--json-rpc-port",
            Integer.toString(n.jsonRpcPort),
            "--ws-port",
            Integer.toString(n.wsPort)),
        Duration.ofMinutes(5));
    ObjectMapper json = new ObjectMapper();
    Path genesis = home.resolve("config/genesis.json");
    ObjectNode g = (ObjectNode) json.readTree(genesis.toFile());
    // As every genesis zgnode writes: with the predeploys (Multicall3, the CREATE2 deployer).
    g.set(
        "app_state", Predeploys.addTo(AppGenesis.devnet(EVM_CHAIN_ID, funded, each)).toJsonNode());
    json.writerWithDefaultPrettyPrinter().writeValue(genesis.toFile(), g);
    return n;
  }

  /** Sets {@code [table] key} in the home's config/app.toml (before {@link #start()}). */
  void setAppConfig(String table, String key, TomlValue value) throws IOException {
    Path file = home.resolve("config/app.toml");
    TomlDocument.read(file).set(table, key, value).write(file);
  }

  /**
   * JVM options for the node's Java process from the next {@link #start()} on (e.g. "-Xmx256m"),
   * passed through the launcher's ZGNODE_JAVA_OPTS.
   */
  void javaOptions(String options) {
    this.javaOptions = options;
  }

  void start() throws IOException {
    ProcessBuilder pb =
        new ProcessBuilder(
                root().resolve("zgnode").toString(),
                "start",
                "--home",
                home.toString(),
                "--abci",
                transport)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    pb.environment().put("ZGNODE_SKIP_BUILD", "1");
    if (!javaOptions.isBlank()) {
      pb.environment().put("ZGNODE_JAVA_OPTS", javaOptions);
    }
    process = pb.start();
  }

  /**
   * The process id of the node's JVM (the launcher execs java, so it is the started process), in
   * which the application and the JSON-RPC run; CometBFT is its child.
   */
  long pid() {
    if (process == null) {
      throw new IllegalStateException("the node is not running");
    }
    return process.pid();
  }

  /** The node's output so far (its JVM's and CometBFT's). */
  String logText() throws IOException {
    return Files.readString(log, StandardCharsets.UTF_8);
  }

  /** The node's Ethereum JSON-RPC over HTTP. */
  java.net.URI rpcHttpUrl() {
    return java.net.URI.create("http://127.0.0.1:" + jsonRpcPort);
  }

  /** The node's Ethereum JSON-RPC over WebSocket. */
  java.net.URI rpcWsUrl() {
    return java.net.URI.create("ws://127.0.0.1:" + wsPort);
  }

  boolean alive() {
    return process != null && process.isAlive();
  }

  /** SIGKILL the node and its CometBFT child, as a power cut would. */
  void kill() throws InterruptedException {
    if (process == null) {
      return;
    }
    List<ProcessHandle> all = process.toHandle().descendants().toList();
    process.destroyForcibly();
    for (ProcessHandle h : all) {
      h.destroyForcibly();
    }
    process.waitFor(30, TimeUnit.SECONDS);
    waitFor(Duration.ofSeconds(30), () -> all.stream().noneMatch(ProcessHandle::isAlive));
    process = null;
  }

  /** Switches the ABCI transport for the next start (the home stays the same). */
  void useTransport(String t) {
    this.transport = t;
  }

  /** SIGTERM and wait for a clean exit; returns the exit code. */
  int stop() throws InterruptedException {
    if (process == null) {
      return 0;
    }
    List<ProcessHandle> all = process.toHandle().descendants().toList();
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      kill();
      return -1;
    }
    int code = process.exitValue();
    waitFor(Duration.ofSeconds(30), () -> all.stream().noneMatch(ProcessHandle::isAlive));
    process = null;
    return code;
  }

  String logTail() {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (alive()) {
      kill();
    }
  }

  static void waitFor(Duration timeout, BooleanSupplier condition) throws InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("condition not met within " + timeout);
      }
      Thread.sleep(50);
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** {@code n} different free ports (all held open while choosing, so none repeats). */
  static int[] freePorts(int n) throws IOException {
    ServerSocket[] held = new ServerSocket[n];
    try {
      int[] ports = new int[n];
      for (int i = 0; i < n; i++) {
        held[i] = new ServerSocket(0);
        ports[i] = held[i].getLocalPort();
      }
      return ports;
    } finally {
      for (ServerSocket s : held) {
        if (s != null) {
          s.close();
        }
      }
    }
  }

  private static void run(List<String> cmd, Duration timeout) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("ZGNODE_SKIP_BUILD", "1");
    Process p = pb.start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new AssertionError(
          String.join(" ", cmd) + " failed:\n" + new String(out, StandardCharsets.UTF_8));
    }
  }
}
