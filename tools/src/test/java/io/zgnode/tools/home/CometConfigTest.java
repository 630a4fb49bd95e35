package io.zgnode.tools.home;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zgnode.tools.CliException;
import io.zgnode.tools.toml.TomlDocument;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CometConfigTest {
  /** Shaped like CometBFT's config.toml: documented keys in sections, some values to change. */
  private static final String CONFIG =
      """
      # This is a TOML config file.

      ### Main Base Config Options ###

      # TCP or UNIX socket address of the ABCI application
      proxy_app = "tcp://127.0.0.1:26658"

      # A custom human readable name for this node
      moniker = "host"

      # Mechanism to connect to the ABCI application: socket | grpc
      abci = "socket"

      [rpc]

      # TCP or UNIX socket address for the RPC server to listen on
      laddr = "tcp://127.0.0.1:26657"
      cors_allowed_methods = ["HEAD", "GET", "POST", ]
      max_request_batch_size = 10

      [p2p]

      # Address to listen for incoming connections
      laddr = "tcp://0.0.0.0:26656"
      addr_book_strict = true

      [mempool]
      size = 5000
      max_txs_bytes = 1073741824
      cache_size = 10000
      keep-invalid-txs-in-cache = false

      [consensus]
      timeout_commit = "1s"

      [instrumentation]
      prometheus = false
      prometheus_listen_addr = ":26660"
      """;

  @Test
  void initAndNetworkEditsChangeOnlyTheirLines() {
    TomlDocument doc = TomlDocument.parse(CONFIG);
    CometConfig.applyInit(doc, "val-0", "500ms");
    CometConfig.applyNetwork(doc, new Ports(1657, 1656, 1658), AbciTransport.GRPC);
    List<String> before = CONFIG.lines().toList();
    List<String> after = doc.render().lines().toList();
    assertEquals(before.size(), after.size(), "no line added or removed");
    List<String> changed = new ArrayList<>();
    for (int i = 0; i < before.size(); i++) {
      if (!before.get(i).equals(after.get(i))) {
        changed.add(after.get(i));
      }
    }
    assertEquals(
        List.of(
            "proxy_app = \"127.0.0.1:1658\"",
            "moniker = \"val-0\"",
            "abci = \"grpc\"",
            "laddr = \"tcp://127.0.0.1:1657\"",
            "max_request_batch_size = 200",
            "laddr = \"tcp://127.0.0.1:1656\"",
            "addr_book_strict = false",
            "size = 20000",
            "cache_size = 50000",
            "timeout_commit = \"500ms\"",
            "prometheus_listen_addr = \"127.0.0.1:26661\""),
        changed);
  }

  @Test
  void socketTransportUsesTcpScheme() {
    TomlDocument doc = TomlDocument.parse(CONFIG);
    CometConfig.applyNetwork(doc, Ports.DEFAULTS, AbciTransport.SOCKET);
    assertEquals(Optional.of("tcp://127.0.0.1:26658"), doc.getString("", "proxy_app"));
    assertEquals(Optional.of("socket"), doc.getString("", "abci"));
  }

  @Test
  void realCometConfigKeepsAllCommentsAndOtherLines(@TempDir Path tmp) throws Exception {
    Path comet = TestComet.requireOrSkip();
    Process p =
        new ProcessBuilder(comet.toString(), "init", "--home", tmp.toString())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    assertEquals(0, p.waitFor());
    Path file = tmp.resolve("config/config.toml");
    String original = Files.readString(file);
    TomlDocument doc = TomlDocument.read(file);
    CometConfig.applyInit(doc, "m", "1s");
    CometConfig.applyNetwork(doc, Ports.DEFAULTS, AbciTransport.SOCKET);
    doc.write(file);
    List<String> before = original.lines().toList();
    List<String> after = Files.readString(file).lines().toList();
    assertEquals(before.size(), after.size());
    Set<String> editedKeys =
        Set.of(
            "proxy_app",
            "moniker",
            "abci",
            "laddr",
            "addr_book_strict",
            "size",
            "max_txs_bytes",
            "cache_size",
            "max_request_batch_size",
            "timeout_commit",
            "prometheus",
            "prometheus_listen_addr");
    for (int i = 0; i < before.size(); i++) {
      String b = before.get(i);
      if (!b.equals(after.get(i))) {
        String key = b.substring(0, b.indexOf('=')).strip();
        assertTrue(editedKeys.contains(key), "unexpected change of line " + (i + 1) + ": " + b);
      }
    }
    long comments = before.stream().filter(l -> l.strip().startsWith("#")).count();
    assertEquals(comments, after.stream().filter(l -> l.strip().startsWith("#")).count());
    TomlDocument reread = TomlDocument.read(file);
    assertEquals(Optional.of("tcp://127.0.0.1:26656"), reread.getString("p2p", "laddr"));
    assertEquals(Optional.of(20_000L), reread.getLong("mempool", "size"));
    assertEquals(URI.create("http://127.0.0.1:26657"), CometConfig.rpcUrl(file));
  }

  @Test
  void rpcUrlFromListenAddresses() {
    assertEquals(URI.create("http://127.0.0.1:26657"), CometConfig.rpcUrl("tcp://0.0.0.0:26657"));
    assertEquals(URI.create("http://10.1.2.3:9"), CometConfig.rpcUrl("tcp://10.1.2.3:9"));
    assertEquals(URI.create("http://[::1]:26657"), CometConfig.rpcUrl("tcp://[::]:26657"));
    assertEquals(URI.create("http://127.0.0.1:5"), CometConfig.rpcUrl("127.0.0.1:5"));
    assertTrue(
        assertThrows(CliException.class, () -> CometConfig.rpcUrl("unix:///tmp/rpc.sock"))
            .getMessage()
            .contains("--node"));
    assertThrows(CliException.class, () -> CometConfig.rpcUrl(""));
  }

  @Test
  void missingRpcLaddrIsAnError(@TempDir Path tmp) throws IOException {
    Path f = tmp.resolve("config.toml");
    Files.writeString(f, "[rpc]\nunsafe = false\n");
    CliException e = assertThrows(CliException.class, () -> CometConfig.rpcUrl(f));
    assertEquals(f + ": [rpc] laddr is missing", e.getMessage());
  }
}
