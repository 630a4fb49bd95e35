package io.zgnode.tools.home;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zgnode.genesis.AppGenesis;
import io.zgnode.tools.CliException;
import io.zgnode.tools.devnet.DevAccounts;
import io.zgnode.tools.devnet.Devnet;
import io.zgnode.tools.toml.TomlDocument;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real {@code cometbft init}; skipped with a reason when CometBFT is not installed. */
class HomeInitializerTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static InitSpec spec(boolean overwrite) {
    return new InitSpec(
        "node-a",
        "zg-test-1",
        AppGenesis.devnet(4242, DevAccounts.ADDRESSES.subList(0, 2), Devnet.BALANCE_PER_ACCOUNT),
        AbciTransport.GRPC,
        new Ports(36657, 36656, 36658),
        "750ms",
        overwrite);
  }

  @Test
  void writesTheCosmosHomeLayout(@TempDir Path tmp) throws Exception {
    NodeHome home = new NodeHome(tmp.resolve("home"));
    new HomeInitializer(TestComet.requireOrSkip()).init(home, spec(false));

    for (Path p :
        new Path[] {
          home.configToml(),
          home.genesisJson(),
          home.nodeKey(),
          home.privValidatorKey(),
          home.privValidatorState(),
          home.appToml()
        }) {
      assertTrue(Files.isRegularFile(p), "missing " + p);
    }
    assertTrue(home.isInitialized());

    JsonNode g = JSON.readTree(Files.readString(home.genesisJson()));
    assertEquals("zg-test-1", g.path("chain_id").asText());
    assertEquals("4194304", g.at("/consensus_params/block/max_bytes").asText());
    AppGenesis app = AppGenesis.parse(g.path("app_state").toString());
    assertEquals(4242, app.evmChainId());
    assertEquals(
        Long.toString(app.blockGasLimit()), g.at("/consensus_params/block/max_gas").asText());
    assertEquals(1, g.path("validators").size(), "cometbft init's validator is kept");
    assertEquals("10", g.at("/validators/0/power").asText());
    assertFalse(g.path("genesis_time").asText().isEmpty());

    TomlDocument config = TomlDocument.read(home.configToml());
    assertEquals(Optional.of("node-a"), config.getString("", "moniker"));
    assertEquals(Optional.of("127.0.0.1:36658"), config.getString("", "proxy_app"));
    assertEquals(Optional.of("grpc"), config.getString("", "abci"));
    assertEquals(Optional.of("tcp://127.0.0.1:36657"), config.getString("rpc", "laddr"));
    assertEquals(Optional.of("tcp://127.0.0.1:36656"), config.getString("p2p", "laddr"));
    assertEquals(Optional.of("750ms"), config.getString("consensus", "timeout_commit"));
    assertEquals(Optional.of(20_000L), config.getLong("mempool", "size"));
    assertEquals(Optional.of(50_000L), config.getLong("mempool", "cache_size"));
    assertEquals(Optional.of(1L << 30), config.getLong("mempool", "max_txs_bytes"));

    assertEquals(
        new AppConfig(AbciTransport.GRPC, ListenAddress.loopback(36658), 4242),
        AppConfig.read(home.appToml()));
    assertEquals(new Ports(36657, 36656, 36658), HomeInitializer.currentPorts(home));
  }

  @Test
  void refusesAnExistingHomeWithoutOverwrite(@TempDir Path tmp) throws Exception {
    HomeInitializer init = new HomeInitializer(TestComet.requireOrSkip());
    NodeHome home = new NodeHome(tmp);
    init.init(home, spec(false));
    CliException e = assertThrows(CliException.class, () -> init.init(home, spec(false)));
    assertTrue(e.getMessage().contains("--overwrite"), e.getMessage());
  }

  @Test
  void overwriteKeepsKeysAndReplacesGenesis(@TempDir Path tmp) throws Exception {
    HomeInitializer init = new HomeInitializer(TestComet.requireOrSkip());
    NodeHome home = new NodeHome(tmp);
    init.init(home, spec(false));
    String key = Files.readString(home.privValidatorKey());
    String nodeKey = Files.readString(home.nodeKey());
    String genesis = Files.readString(home.genesisJson());
    init.init(home, spec(true));
    assertEquals(key, Files.readString(home.privValidatorKey()));
    assertEquals(nodeKey, Files.readString(home.nodeKey()));
    assertNotEquals(genesis, Files.readString(home.genesisJson()), "genesis time is new");
  }

  @Test
  void overwriteRefusesAHomeWithChainData(@TempDir Path tmp) throws Exception {
    HomeInitializer init = new HomeInitializer(TestComet.requireOrSkip());
    NodeHome home = new NodeHome(tmp);
    init.init(home, spec(false));
    Files.createDirectories(home.dataDir().resolve("blockstore.db"));
    CliException e = assertThrows(CliException.class, () -> init.init(home, spec(true)));
    assertTrue(e.getMessage().contains("chain data (data/blockstore.db)"), e.getMessage());
  }

  @Test
  void updateNetworkRewritesPortsAndTransport(@TempDir Path tmp) throws Exception {
    NodeHome home = new NodeHome(tmp);
    new HomeInitializer(TestComet.requireOrSkip()).init(home, spec(false));
    HomeInitializer.updateNetwork(home, new Ports(1, 2, 3), AbciTransport.SOCKET);
    assertEquals(new Ports(1, 2, 3), HomeInitializer.currentPorts(home));
    TomlDocument config = TomlDocument.read(home.configToml());
    assertEquals(Optional.of("tcp://127.0.0.1:3"), config.getString("", "proxy_app"));
    assertEquals(AbciTransport.SOCKET, AppConfig.read(home.appToml()).transport());
  }

  @Test
  void deleteHomeRefusesSomethingElse(@TempDir Path tmp) throws Exception {
    Path other = Files.createDirectories(tmp.resolve("photos"));
    Files.writeString(other.resolve("cat.jpg"), "meow");
    CliException e =
        assertThrows(CliException.class, () -> HomeInitializer.deleteHome(new NodeHome(other)));
    assertTrue(e.getMessage().startsWith("refusing to delete"), e.getMessage());
    assertTrue(Files.exists(other.resolve("cat.jpg")));

    Path home = Files.createDirectories(tmp.resolve("h/config"));
    Files.writeString(home.resolve("app.toml"), "");
    HomeInitializer.deleteHome(new NodeHome(tmp.resolve("h")));
    assertFalse(Files.exists(tmp.resolve("h")));
  }

  @Test
  void specValidation() {
    AppGenesis g = AppGenesis.defaults(1);
    assertThrows(
        CliException.class,
        () -> new InitSpec(" ", "c", g, AbciTransport.SOCKET, Ports.DEFAULTS, "1s", false));
    assertThrows(
        CliException.class,
        () -> new InitSpec("m", "a b", g, AbciTransport.SOCKET, Ports.DEFAULTS, "1s", false));
    assertThrows(
        CliException.class,
        () ->
            new InitSpec(
                "m", "x".repeat(51), g, AbciTransport.SOCKET, Ports.DEFAULTS, "1s", false));
    assertThrows(
        CliException.class,
        () -> new InitSpec("m", "c", g, AbciTransport.SOCKET, Ports.DEFAULTS, "soon", false));
    new InitSpec("m", "c", g, AbciTransport.SOCKET, Ports.DEFAULTS, "1m30.5s", false);
  }
}
