package io.zgnode.tools.testnet;

import io.zgnode.genesis.AppGenesis;
import io.zgnode.genesis.GenesisException;
import io.zgnode.tools.CliException;
import io.zgnode.tools.home.AbciTransport;
import io.zgnode.tools.home.GenesisFile;
import io.zgnode.tools.home.HomeInitializer;
import io.zgnode.tools.home.InitSpec;
import io.zgnode.tools.home.ListenAddress;
import io.zgnode.tools.home.NodeHome;
import io.zgnode.tools.toml.TomlDocument;
import io.zgnode.tools.toml.TomlException;
import io.zgnode.tools.toml.TomlValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes a local network: one home per node made by {@link HomeInitializer} (so each is exactly
 * what {@code zgnode init} makes), then one genesis for all of them with a staking validator per
 * node, and the peers wired on loopback.
 */
public final class TestnetInitializer {
  /**
   * What to make.
   *
   * @param slashingParams app_state.slashing.params fields (empty: the module's defaults)
   * @param force replace the homes and manifest of an earlier testnet in {@code dir}
   */
  public record Spec(
      Path dir,
      TestnetLayout layout,
      String chainId,
      long evmChainId,
      String timeoutCommit,
      AbciTransport transport,
      Map<String, String> slashingParams,
      boolean force) {
    public Spec {
      // Sorted: the genesis file lists the fields in a stable order.
      slashingParams =
          java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(slashingParams));
    }
  }

  private final Path cometbft;

  public TestnetInitializer(Path cometbft) {
    this.cometbft = cometbft;
  }

  public TestnetManifest init(Spec spec) throws IOException {
    Path dir = spec.dir().toAbsolutePath().normalize();
    TestnetLayout layout = spec.layout();
    try {
      TestnetGenesis.checkSlashingParams(spec.slashingParams());
    } catch (GenesisException e) {
      throw new CliException("cannot build the testnet genesis: " + e.getMessage(), e);
    }
    prepare(dir, layout, spec.force());

    // Each home first gets a genesis without validators; the shared one replaces it below.
    AppGenesis placeholder = AppGenesis.defaults(spec.evmChainId());
    HomeInitializer homes = new HomeInitializer(cometbft);
    List<NodeHome> nodeHomes = new ArrayList<>();
    List<TestnetGenesis.Member> members = new ArrayList<>();
    List<String> nodeIds = new ArrayList<>();
    for (int i = 0; i < layout.validators(); i++) {
      NodeHome home = new NodeHome(dir.resolve(layout.homeName(i)));
      homes.init(
          home,
          new InitSpec(
              layout.moniker(i),
              spec.chainId(),
              placeholder,
              spec.transport(),
              layout.ports(i),
              spec.timeoutCommit(),
              false));
      nodeHomes.add(home);
      members.add(
          new TestnetGenesis.Member(
              i, layout.moniker(i), CometKeys.validatorPublicKey(home.privValidatorKey())));
      nodeIds.add(CometKeys.nodeId(home.nodeKey()));
    }

    AppGenesis app;
    try {
      app = TestnetGenesis.build(spec.evmChainId(), members, spec.slashingParams());
    } catch (GenesisException e) {
      throw new CliException("cannot build the testnet genesis: " + e.getMessage(), e);
    }
    // One file, byte for byte, on every node (genesis time included).
    NodeHome first = nodeHomes.get(0);
    GenesisFile.read(first.genesisJson()).setAppState(app).clearValidators().write();
    for (NodeHome home : nodeHomes.subList(1, nodeHomes.size())) {
      Files.copy(first.genesisJson(), home.genesisJson(), StandardCopyOption.REPLACE_EXISTING);
    }

    for (int i = 0; i < layout.validators(); i++) {
      writePeers(nodeHomes.get(i), layout, i, nodeIds);
    }

    List<TestnetManifest.NodeEntry> entries = new ArrayList<>();
    for (int i = 0; i < layout.validators(); i++) {
      entries.add(
          new TestnetManifest.NodeEntry(
              i,
              layout.moniker(i),
              layout.homeName(i),
              nodeIds.get(i),
              layout.ports(i),
              layout.prometheusPort(i),
              TestnetGenesis.operator(i),
              TestnetGenesis.operatorPath(i),
              "0x" + HexFormat.of().formatHex(privateKeyBytes(i)),
              Base64.getEncoder().encodeToString(members.get(i).consensusPubKey()),
              TestnetGenesis.power(i),
              TestnetGenesis.stake(i)));
    }
    TestnetManifest manifest =
        new TestnetManifest(spec.chainId(), spec.evmChainId(), layout.portOffset(), entries);
    manifest.write(dir);
    return manifest;
  }

  /** The persistent_peers value of node {@code self}: every other node, in node order. */
  public static String persistentPeers(TestnetLayout layout, int self, List<String> nodeIds) {
    List<String> peers = new ArrayList<>();
    for (int j = 0; j < layout.validators(); j++) {
      if (j != self) {
        peers.add(layout.peerAddress(j, nodeIds.get(j)));
      }
    }
    return String.join(",", peers);
  }

  private static void writePeers(NodeHome home, TestnetLayout layout, int i, List<String> ids)
      throws IOException {
    TomlDocument config;
    try {
      config = TomlDocument.read(home.configToml());
    } catch (TomlException e) {
      throw new CliException(home.configToml() + ": " + e.getMessage(), e);
    }
    config.set("p2p", "persistent_peers", TomlValue.string(persistentPeers(layout, i, ids)));
    // All nodes share 127.0.0.1; CometBFT refuses a second peer from one IP unless told.
    config.set("p2p", "allow_duplicate_ip", TomlValue.bool(true));
    config.set("p2p", "addr_book_strict", TomlValue.bool(false));
    config.set(
        "instrumentation",
        "prometheus_listen_addr",
        TomlValue.string(ListenAddress.loopback(layout.prometheusPort(i)).toString()));
    config.write(home.configToml());
  }

  private static byte[] privateKeyBytes(int i) {
    byte[] raw = TestnetGenesis.operatorKey(i).toByteArray();
    byte[] out = new byte[32];
    int n = Math.min(raw.length, 32);
    System.arraycopy(raw, raw.length - n, out, 32 - n, n);
    return out;
  }

  /**
   * A new or empty directory is fine. An earlier testnet (its testnet.json is there) is replaced
   * with {@code --force} when none of its nodes runs; anything else is refused.
   */
  private static void prepare(Path dir, TestnetLayout layout, boolean force) throws IOException {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new CliException(dir + " exists and is not a directory");
    }
    if (Files.isDirectory(dir) && !isEmpty(dir)) {
      if (!force) {
        throw new CliException(
            dir
                + " already exists and is not empty; pass --force to replace it, or choose another"
                + " --output");
      }
      Path manifest = TestnetManifest.file(dir);
      if (!Files.exists(manifest)) {
        throw new CliException(
            "refusing to replace "
                + dir
                + ": it has no "
                + TestnetManifest.FILE
                + ", so it does not look like a testnet; choose an empty --output");
      }
      TestnetManifest old = TestnetManifest.read(dir);
      for (TestnetManifest.NodeEntry n : old.nodes()) {
        if (NodePidFile.of(dir.resolve(n.home())).runningPid().isPresent()) {
          throw new CliException(
              n.moniker()
                  + " of "
                  + dir
                  + " is running; stop it first: zgnode testnet stop "
                  + dir);
        }
      }
      for (TestnetManifest.NodeEntry n : old.nodes()) {
        HomeInitializer.deleteHome(new NodeHome(dir.resolve(n.home())));
      }
      Files.delete(manifest);
    }
    // A node directory left over from a bigger network in a reused --output is not ours to mix.
    for (int i = 0; i < layout.validators(); i++) {
      Path home = dir.resolve(layout.homeName(i));
      if (Files.isDirectory(home) && !isEmpty(home)) {
        throw new CliException(home + " already exists and is not empty; choose another --output");
      }
    }
    Files.createDirectories(dir);
  }

  private static boolean isEmpty(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.findAny().isEmpty();
    }
  }
}
