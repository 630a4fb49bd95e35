package io.zgnode.tools.home;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zgnode.jsonrpc.RpcConfig;
import io.zgnode.tools.CliException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppConfigTest {
  @Test
  void writesAndReadsBack(@TempDir Path tmp) throws Exception {
    Path f = tmp.resolve("app.toml");
    AppConfig c = new AppConfig(AbciTransport.GRPC, ListenAddress.loopback(4242), 36767);
    c.write(f);
    assertEquals(c, AppConfig.read(f));
    assertTrue(Files.readString(f).startsWith("# zgnode application settings."));
  }

  @Test
  void rewritingKeepsSectionsItDoesNotKnow(@TempDir Path tmp) throws Exception {
    Path f = tmp.resolve("app.toml");
    new AppConfig(AbciTransport.SOCKET, ListenAddress.loopback(26658), 7).write(f);
    Files.writeString(
        f,
        "\n[metrics]\n# later\naddress = \"127.0.0.1:26660\"\n",
        java.nio.file.StandardOpenOption.APPEND);
    AppConfig.read(f).withTransport(AbciTransport.GRPC).write(f);
    String text = Files.readString(f);
    assertTrue(text.contains("[metrics]\n# later\naddress = \"127.0.0.1:26660\"\n"), text);
    assertEquals(AbciTransport.GRPC, AppConfig.read(f).transport());
  }

  @Test
  void badValuesNameTheFile(@TempDir Path tmp) throws Exception {
    Path f = tmp.resolve("app.toml");
    Files.writeString(f, "[abci]\ntransport = \"carrier-pigeon\"\n[evm]\nchain_id = 1\n");
    CliException e = assertThrows(CliException.class, () -> AppConfig.read(f));
    assertEquals(
        f + ": unknown ABCI transport 'carrier-pigeon' (expected grpc or socket)", e.getMessage());
    Files.writeString(f, "[abci]\ntransport = \"grpc\"\n");
    e = assertThrows(CliException.class, () -> AppConfig.read(f));
    assertTrue(e.getMessage().contains("chain_id is missing"), e.getMessage());
    Files.writeString(f, "[evm]\nchain_id = \"x\"\n");
    e = assertThrows(CliException.class, () -> AppConfig.read(f));
    assertTrue(e.getMessage().contains("must be an integer"), e.getMessage());
  }

  @Test
  void listenAddressParsing() {
    assertEquals(new ListenAddress("127.0.0.1", 1), ListenAddress.parse("tcp://127.0.0.1:1"));
    assertEquals(new ListenAddress("::1", 2), ListenAddress.parse("[::1]:2"));
    assertEquals("[::1]:2", new ListenAddress("::1", 2).toString());
    assertThrows(CliException.class, () -> ListenAddress.parse("127.0.0.1"));
    assertThrows(CliException.class, () -> ListenAddress.parse("127.0.0.1:70000"));
    assertThrows(CliException.class, () -> ListenAddress.parse("::1:5"));
    assertThrows(CliException.class, () -> new Ports(1, 1, 2));
  }

  @Test
  void jsonRpcAndStateDefaultsAreWrittenOutAndReadBack(@TempDir Path tmp) throws Exception {
    Path f = tmp.resolve("app.toml");
    new AppConfig(AbciTransport.SOCKET, ListenAddress.loopback(26658), 7).write(f);
    String text = Files.readString(f);
    for (String line :
        List.of(
            "[json-rpc]",
            "enabled = true",
            "address = \"127.0.0.1:8545\"",
            "ws-address = \"127.0.0.1:8546\"",
            "cors-origins = []",
            "allowed-hosts = [\"localhost\", \"127.0.0.1\"]",
            "allow-unprotected-txs = false",
            "max-body-bytes = 5242880",
            "max-batch-items = 1000",
            "max-response-bytes = 25000000",
            "max-log-block-range = 10000",
            "max-log-results = 10000",
            "max-ws-connections = 100",
            "max-subscriptions-per-connection = 1000",
            "max-filters = 1000",
            "filter-timeout = \"5m\"",
            "gas-cap = 50000000",
            "evm-timeout = \"5s\"",
            "tx-fee-cap = 1000000000000000000",
            "worker-threads = 0",
            "max-queued-requests = 10000",
            "[state]",
            "retain-heights = 0")) {
      assertTrue(text.contains("\n" + line + "\n"), line + " missing in\n" + text);
    }
    AppConfig read = AppConfig.read(f);
    assertEquals(RpcConfig.DEFAULT, read.jsonRpc());
    assertEquals(0, read.retainHeights());
    assertFalse(read.allowUnprotectedTxs());
  }

  @Test
  void anOldFileWithoutTheNewSectionsGetsTheDefaults(@TempDir Path tmp) throws Exception {
    Path f = tmp.resolve("app.toml");
    Files.writeString(f, "[abci]\ntransport = \"socket\"\n[evm]\nchain_id = 7\n");
    AppConfig c = AppConfig.read(f);
    assertEquals(RpcConfig.DEFAULT, c.jsonRpc());
    // Rewriting it adds only what differs from the defaults.
    c.withJsonRpcPorts(9545, 9546).write(f);
    String text = Files.readString(f);
    assertTrue(
        text.contains(
            "[json-rpc]\naddress = \"127.0.0.1:9545\"\nws-address = \"127.0.0.1:9546\"\n"),
        text);
    assertFalse(text.contains("max-body-bytes"), text);
    assertEquals(9545, AppConfig.read(f).jsonRpc().httpPort());
    assertEquals(9546, AppConfig.read(f).jsonRpc().wsPort());
  }

  @Test
  void editedValuesAreParsed(@TempDir Path tmp) throws Exception {
    Path f = tmp.resolve("app.toml");
    new AppConfig(AbciTransport.SOCKET, ListenAddress.loopback(26658), 7).write(f);
    String text =
        Files.readString(f)
            .replace("enabled = true", "enabled = false")
            .replace("address = \"127.0.0.1:8545\"", "address = \"0.0.0.0:18545\"")
            .replace("ws-address = \"127.0.0.1:8546\"", "ws-address = \"\"")
            .replace(
                "cors-origins = []",
                "cors-origins = [\n  \"https://a.example\", # mine\n  'http://b',\n]")
            .replace("allowed-hosts = [\"localhost\", \"127.0.0.1\"]", "allowed-hosts = [\"*\"]")
            .replace("allow-unprotected-txs = false", "allow-unprotected-txs = true")
            .replace("max-body-bytes = 5242880", "max-body-bytes = 1_048_576")
            .replace("filter-timeout = \"5m\"", "filter-timeout = \"1m30s\"")
            .replace("evm-timeout = \"5s\"", "evm-timeout = \"250ms\"")
            .replace("tx-fee-cap = 1000000000000000000", "tx-fee-cap = \"100000000000000000000\"")
            .replace("worker-threads = 0", "worker-threads = 3")
            .replace("retain-heights = 0", "retain-heights = 1000");
    Files.writeString(f, text);
    AppConfig c = AppConfig.read(f);
    RpcConfig r = c.jsonRpc();
    assertFalse(r.enabled());
    assertEquals("0.0.0.0", r.host());
    assertEquals(18545, r.httpPort());
    assertEquals(0, r.wsPort());
    assertEquals(new ListenAddress("0.0.0.0", 18545), c.wsAddress());
    assertEquals(List.of("https://a.example", "http://b"), r.corsOrigins());
    assertEquals(List.of("*"), r.allowedHosts());
    assertTrue(c.allowUnprotectedTxs());
    assertEquals(1_048_576, r.maxBodyBytes());
    assertEquals(Duration.ofSeconds(90), r.filterTimeout());
    assertEquals(Duration.ofMillis(250), r.evmTimeout());
    assertEquals(new BigInteger("100000000000000000000"), r.txFeeCapWei());
    assertEquals(3, r.workerThreads());
    assertEquals(1000, c.retainHeights());
    // Writing it back unchanged keeps the file as it is.
    c.write(f);
    assertEquals(text, Files.readString(f));
  }

  @Test
  void badJsonRpcValuesAreClearErrors(@TempDir Path tmp) throws Exception {
    Path f = tmp.resolve("app.toml");
    String base = "[evm]\nchain_id = 1\n";
    List<List<String>> cases =
        List.of(
            List.of(
                "[json-rpc]\nmax-body-bytes = 10\n",
                "[json-rpc] max-body-bytes must be at least 1024, got 10"),
            List.of(
                "[json-rpc]\nmax-batch-items = 0\n",
                "[json-rpc] max-batch-items must be at least 1, got 0"),
            List.of(
                "[json-rpc]\nmax-ws-connections = 3000000000\n",
                "[json-rpc] max-ws-connections must be at most 2147483647, got 3000000000"),
            List.of(
                "[json-rpc]\nenabled = \"yes\"\n",
                "[json-rpc] enabled must be true or false, found \"yes\""),
            List.of(
                "[json-rpc]\ncors-origins = \"*\"\n",
                "[json-rpc] cors-origins must be an array of strings, found \"*\""),
            List.of(
                "[json-rpc]\ncors-origins = [1, 2]\n",
                "[json-rpc] cors-origins must be an array of strings, found [1, 2]"),
            List.of(
                "[json-rpc]\nfilter-timeout = \"soon\"\n",
                "[json-rpc] filter-timeout must be a positive duration such as \"5s\", \"300ms\" or \"5m\", got 'soon'"),
            List.of(
                "[json-rpc]\ntx-fee-cap = -1\n",
                "[json-rpc] tx-fee-cap must not be negative, found -1"),
            List.of(
                "[json-rpc]\naddress = \"127.0.0.1\"\n",
                "bad address '127.0.0.1' (expected host:port)"),
            List.of(
                "[json-rpc]\naddress = \"127.0.0.1:8545\"\nws-address = \"0.0.0.0:8546\"\n",
                "[json-rpc] ws-address (0.0.0.0:8546) must use the same host as address (127.0.0.1:8545); use \"\" for no separate WebSocket port"),
            List.of(
                "[state]\nretain-heights = -5\n",
                "[state] retain-heights must be 0 (archive) or a number of heights, got -5"),
            List.of(
                "[state]\nretain-heights = \"all\"\n",
                "key 'retain-heights' in [state] must be an integer, found \"all\""));
    for (List<String> c : cases) {
      Files.writeString(f, base + c.get(0));
      CliException e = assertThrows(CliException.class, () -> AppConfig.read(f), c.get(0));
      assertEquals(f + ": " + c.get(1), e.getMessage());
    }
  }

  @Test
  void portsMustDiffer() {
    assertThrows(CliException.class, () -> new Ports(1, 2, 3, 2, 5));
    assertThrows(CliException.class, () -> new Ports(1, 2, 3, 4, 4));
    assertEquals(0, new Ports(1, 2, 3, 4, 0).ws(), "0 = no separate WebSocket port");
    assertEquals(new Ports(1, 2, 3, 8545, 8546), new Ports(1, 2, 3));
  }
}
