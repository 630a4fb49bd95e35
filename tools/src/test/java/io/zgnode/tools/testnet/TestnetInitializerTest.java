package io.zgnode.tools.testnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zgnode.tools.CliException;
import io.zgnode.tools.comet.CometLocator;
import io.zgnode.tools.home.AbciTransport;
import io.zgnode.tools.home.AppConfig;
import io.zgnode.tools.home.HomeInitializer;
import io.zgnode.tools.home.NodeHome;
import io.zgnode.tools.toml.TomlDocument;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real {@code cometbft init}; skipped with a reason when CometBFT is not installed. */
class TestnetInitializerTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Path comet() {
    Optional<Path> bin = CometLocator.system().locate();
    assumeTrue(
        bin.isPresent(),
        "CometBFT is not installed (run scripts/install-cometbft.sh); the testnet init test runs"
            + " the real 'cometbft init'");
    return bin.get();
  }

  private static TestnetInitializer.Spec spec(Path dir, boolean force) {
    return new TestnetInitializer.Spec(
        dir,
        new TestnetLayout(3, 20_000),
        "zg-testnet-1",
        4242,
        "300ms",
        AbciTransport.GRPC,
        Map.of("signed_blocks_window", "10"),
        force);
  }

  @Test
  void writesHomesOneGenesisPeersAndTheManifest(@TempDir Path tmp) throws Exception {
    Path comet = comet();
    Path dir = tmp.resolve("net");
    TestnetManifest m = new TestnetInitializer(comet).init(spec(dir, false));
    assertEquals(3, m.nodes().size());

    byte[] genesis0 = Files.readAllBytes(dir.resolve("node0/config/genesis.json"));
    JsonNode g = JSON.readTree(genesis0);
    assertEquals("zg-testnet-1", g.path("chain_id").asText());
    assertEquals(0, g.path("validators").size(), "the app returns the set at InitChain");
    JsonNode vals = g.path("app_state").path("staking").path("validators");
    assertEquals(3, vals.size());
    assertEquals(
        "10",
        g.path("app_state").path("slashing").path("params").path("signed_blocks_window").asText());

    for (int i = 0; i < 3; i++) {
      TestnetManifest.NodeEntry n = m.nodes().get(i);
      NodeHome home = new NodeHome(dir.resolve("node" + i));
      assertTrue(
          java.util.Arrays.equals(genesis0, Files.readAllBytes(home.genesisJson())),
          "node" + i + " has the same genesis file");
      // The staking validator is the node's own consensus key, with its stake.
      String pub =
          JSON.readTree(home.privValidatorKey().toFile()).path("pub_key").path("value").asText();
      assertEquals(pub, vals.get(i).path("consensus_pubkey").asText());
      assertEquals(pub, n.consensusPubKey());
      assertEquals(
          TestnetGenesis.stake(i).toString(), vals.get(i).path("self_delegation").asText());
      assertEquals(100L * (i + 1), n.power());
      // CometBFT computes the same node ID.
      assertEquals(showNodeId(comet, home.dir()), n.nodeId());

      TomlDocument config = TomlDocument.read(home.configToml());
      assertEquals(
          Optional.of("tcp://127.0.0.1:" + (26657 + 20_000 + 100 * i)),
          config.getString("rpc", "laddr"));
      assertEquals(
          Optional.of("tcp://127.0.0.1:" + (26656 + 20_000 + 100 * i)),
          config.getString("p2p", "laddr"));
      assertEquals(
          Optional.of("127.0.0.1:" + (26661 + 20_000 + 100 * i)),
          config.getString("instrumentation", "prometheus_listen_addr"));
      String peers = config.getString("p2p", "persistent_peers").orElseThrow();
      assertEquals(2, peers.split(",").length);
      assertTrue(!peers.contains(n.nodeId()), "no node peers with itself");
      assertEquals(
          Optional.of("true"), config.get("p2p", "allow_duplicate_ip").map(v -> v.render()));
      AppConfig app = AppConfig.read(home.appToml());
      assertEquals(4242, app.evmChainId());
      assertEquals(26658 + 20_000 + 100 * i, app.abciAddress().port());
      assertEquals(8545 + 20_000 + 100 * i, app.jsonRpc().httpPort());
    }
    assertTrue(
        TomlDocument.read(dir.resolve("node0/config/config.toml"))
            .getString("p2p", "persistent_peers")
            .orElseThrow()
            .contains(m.nodes().get(2).nodeId() + "@127.0.0.1:" + (26656 + 20_000 + 200)));

    TestnetManifest back = TestnetManifest.read(dir);
    assertEquals(m, back);
  }

  @Test
  void refusesANonEmptyDirectoryUnlessForcedOntoAnOldTestnet(@TempDir Path tmp) throws Exception {
    Path comet = comet();
    Path dir = tmp.resolve("net");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("notes.txt"), "mine", StandardCharsets.UTF_8);
    CliException e =
        assertThrows(
            CliException.class, () -> new TestnetInitializer(comet).init(spec(dir, false)));
    assertTrue(e.getMessage().contains("--force"), e.getMessage());
    e = assertThrows(CliException.class, () -> new TestnetInitializer(comet).init(spec(dir, true)));
    assertTrue(e.getMessage().contains("does not look like a testnet"), e.getMessage());
    Files.delete(dir.resolve("notes.txt"));

    TestnetManifest first = new TestnetInitializer(comet).init(spec(dir, false));
    // A bad parameter is refused before the earlier testnet is touched.
    TestnetInitializer.Spec bad =
        new TestnetInitializer.Spec(
            dir,
            new TestnetLayout(3, 20_000),
            "zg-testnet-1",
            4242,
            "300ms",
            AbciTransport.GRPC,
            Map.of("no_such_param", "1"),
            true);
    e = assertThrows(CliException.class, () -> new TestnetInitializer(comet).init(bad));
    assertTrue(e.getMessage().contains("no_such_param"), e.getMessage());
    assertEquals(first, TestnetManifest.read(dir));
    assertThrows(CliException.class, () -> new TestnetInitializer(comet).init(spec(dir, false)));
    TestnetManifest second = new TestnetInitializer(comet).init(spec(dir, true));
    assertTrue(
        !first.nodes().get(0).nodeId().equals(second.nodes().get(0).nodeId()),
        "--force made new keys");
    HomeInitializer.deleteHome(new NodeHome(dir.resolve("node0")));
  }

  private static String showNodeId(Path comet, Path home) throws Exception {
    Process p =
        new ProcessBuilder(comet.toString(), "show-node-id", "--home", home.toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), out);
    return out;
  }
}
