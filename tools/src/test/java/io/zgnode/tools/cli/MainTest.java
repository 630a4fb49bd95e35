package io.zgnode.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zgnode.genesis.AppGenesis;
import io.zgnode.tools.Main;
import io.zgnode.tools.comet.CometLocator;
import io.zgnode.tools.rpc.FakeCometRpc;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MainTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What one run printed, and its exit code. */
  record Run(int code, String out, String err) {
    List<String> errLines() {
      return err.lines().toList();
    }
  }

  static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Main.execute(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private static void assertOneLineError(Run r, int code, String expected) {
    assertEquals(code, r.code(), r.toString());
    assertEquals(List.of(expected), r.errLines(), r.toString());
    assertEquals("", r.out());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "init", "start", "devnet", "status", "version", "query", "query account"})
  void everyVerbAnswersHelp(String verb) {
    List<String> args = new java.util.ArrayList<>(List.of(verb.split(" ")));
    args.removeIf(String::isEmpty);
    args.add("--help");
    Run r = run(args.toArray(String[]::new));
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().startsWith("Usage: zgnode"), r.out());
    assertEquals("", r.err());
  }

  @Test
  void usageErrorsAreOneLineWithExitCode2() {
    assertOneLineError(run(), 2, "error: missing command (see 'zgnode --help')");
    assertOneLineError(
        run("frobnicate"),
        2,
        "error: Unmatched argument at index 0: 'frobnicate' (see 'zgnode --help')");
    assertOneLineError(
        run("init", "m", "--chain-id", "c"),
        2,
        "error: Missing required option: '--home=DIR' (see 'zgnode init --help')");
    assertOneLineError(
        run("start", "--home", "/x", "--abci", "pigeon"),
        2,
        "error: Invalid value for option '--abci': unknown ABCI transport 'pigeon' (expected grpc"
            + " or socket) (see 'zgnode start --help')");
    assertOneLineError(
        run("status"),
        2,
        "error: Missing required option: '--home=DIR' (see 'zgnode status --help')");
    assertOneLineError(
        run("query"),
        2,
        "error: missing what to query (e.g. 'zgnode query account ADDRESS') (see 'zgnode query"
            + " --help')");
    assertOneLineError(
        run("devnet", "--rpc-port", "many"),
        2,
        "error: Invalid value for option '--rpc-port': 'many' is not an int (see 'zgnode devnet"
            + " --help')");
  }

  @Test
  void userErrorsAreOneLineWithExitCode1(@TempDir Path tmp) {
    assertOneLineError(
        run("query", "account", "0x1234"),
        1,
        "error: bad address '0x1234' (expected 0x followed by 40 hex digits)");
    Path missing = tmp.resolve("nohome");
    assertOneLineError(
        run("start", "--home", missing.toString()),
        1,
        "error: node home "
            + missing
            + " does not exist (create it with 'zgnode init MONIKER --home "
            + missing
            + " --chain-id ID')");
    assertOneLineError(
        run("init", "m", "--home", tmp.toString(), "--chain-id", "c", "--evm-chain-id", "-5"),
        1,
        "error: --evm-chain-id must be between 1 and 9223372036854775771, got -5");
  }

  @Test
  void devnetNeverDeletesADirectoryThatIsNotANodeHome(@TempDir Path tmp) throws Exception {
    assumeTrue(
        CometLocator.system().locate().isPresent(),
        "CometBFT is not installed: devnet would try to install it first");
    Path dir = Files.createDirectories(tmp.resolve("project"));
    Files.writeString(dir.resolve("notes.txt"), "keep me");
    assertOneLineError(
        run("devnet", "--home", dir.toString()),
        1,
        "error: "
            + dir
            + " exists but is not a complete zgnode home (config/app.toml, config.toml or"
            + " genesis.json is missing); pass --fresh to recreate it, or choose another --home");
    assertOneLineError(
        run("devnet", "--home", dir.toString(), "--fresh"),
        1,
        "error: refusing to delete "
            + dir
            + ": it does not look like a node home (no config/app.toml or config/genesis.json)");
    assertTrue(Files.exists(dir.resolve("notes.txt")));
  }

  @Test
  void verboseAddsTheStackTrace(@TempDir Path tmp) {
    Run r = run("--verbose", "start", "--home", tmp.resolve("x").toString());
    assertEquals(1, r.code());
    assertTrue(r.errLines().size() > 1);
    assertTrue(r.errLines().get(0).startsWith("error: node home "));
    assertTrue(r.err().contains("at io.zgnode.tools"), r.err());
  }

  @Test
  void versionPrintsTheBuildFacts() throws Exception {
    Run text = run("version");
    assertEquals(0, text.code());
    assertTrue(text.out().startsWith("zgnode "), text.out());
    assertTrue(text.out().contains("\ncommit: "), text.out());
    assertTrue(text.out().contains("\ncometbft: v0.38."), text.out());

    Run json = run("version", "--json");
    assertEquals(0, json.code());
    assertEquals(1, json.out().lines().count());
    JsonNode v = JSON.readTree(json.out());
    assertFalse(v.path("version").asText().isEmpty());
    assertTrue(v.path("commit").asText().matches("[0-9a-f]{7,40}|unknown"), v.toString());
    assertTrue(v.path("cometbft").asText().startsWith("v0.38."), v.toString());
  }

  @Test
  void queryAccountPrintsTheAppAnswerAsOneJsonLine() throws Exception {
    String answer =
        "{\"address\":\"0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266\","
            + "\"balance\":\"10000000000000000000000\",\"nonce\":3}";
    try (FakeCometRpc rpc = new FakeCometRpc()) {
      rpc.result(
          "{\"response\":{\"value\":\""
              + Base64.getEncoder().encodeToString(answer.getBytes(StandardCharsets.UTF_8))
              + "\",\"height\":\"9\"}}");
      Run r =
          run(
              "query",
              "account",
              "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266",
              "--node",
              rpc.url().toString());
      assertEquals(0, r.code(), r.toString());
      assertEquals(answer + "\n", r.out());
      assertEquals(
          "path=\"/evm/account\"&data=0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266",
          rpc.requests().get(0).getQuery());
    }
  }

  @Test
  void queryAccountReportsANonZeroCode() throws Exception {
    try (FakeCometRpc rpc = new FakeCometRpc()) {
      rpc.result("{\"response\":{\"code\":2,\"log\":\"unknown query path\",\"codespace\":\"zg\"}}");
      Run r =
          run(
              "query",
              "account",
              "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266",
              "--node",
              rpc.url().toString());
      assertOneLineError(
          r, 1, "error: query /evm/account failed with code 2 (zg): unknown query path");
    }
  }

  @Test
  void statusMergesCometStatusWithTheGenesisEvmChainId(@TempDir Path tmp) throws Exception {
    Path config = Files.createDirectories(tmp.resolve("config"));
    Files.writeString(
        config.resolve("genesis.json"),
        "{\"chain_id\":\"c\",\"app_state\":" + AppGenesis.defaults(777).toJson() + "}");
    try (FakeCometRpc rpc = new FakeCometRpc()) {
      Files.writeString(
          config.resolve("config.toml"),
          "[rpc]\nladdr = \"tcp://127.0.0.1:" + rpc.url().getPort() + "\"\n");
      rpc.result(
          "{\"node_info\":{\"network\":\"c\"},\"sync_info\":{\"latest_block_height\":\"5\"},"
              + "\"validator_info\":{}}");
      Run r = run("status", "--home", tmp.toString());
      assertEquals(0, r.code(), r.toString());
      assertEquals(1, r.out().lines().count());
      JsonNode s = JSON.readTree(r.out());
      assertEquals("c", s.at("/node_info/network").asText());
      assertEquals("5", s.at("/sync_info/latest_block_height").asText());
      assertEquals(777, s.path("evm_chain_id").asLong());
      assertTrue(s.path("evm_chain_id").isNumber());
      assertEquals("/status", rpc.requests().get(0).getPath());
    }
  }

  @Test
  void statusOfAStoppedNodeFails(@TempDir Path tmp) throws Exception {
    Path config = Files.createDirectories(tmp.resolve("config"));
    Files.writeString(
        config.resolve("genesis.json"),
        "{\"chain_id\":\"c\",\"app_state\":" + AppGenesis.defaults(1).toJson() + "}");
    int port;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Files.writeString(
        config.resolve("config.toml"), "[rpc]\nladdr = \"tcp://0.0.0.0:" + port + "\"\n");
    assertOneLineError(
        run("status", "--home", tmp.toString()),
        1,
        "error: cannot reach CometBFT's RPC at http://127.0.0.1:"
            + port
            + " (is the node running?)");
  }
}
