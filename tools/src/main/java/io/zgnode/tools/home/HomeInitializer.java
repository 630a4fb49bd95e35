package io.zgnode.tools.home;

import io.zgnode.tools.CliException;
import io.zgnode.tools.toml.TomlDocument;
import io.zgnode.tools.toml.TomlException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Writes a node home: {@code cometbft init} makes CometBFT's keys, config and genesis, then zgnode
 * edits the genesis (chain id, block limits, {@code app_state}) and the config (moniker, loopback
 * listen addresses, ABCI transport, mempool and consensus tuning) and adds {@code config/app.toml}.
 */
public final class HomeInitializer {
  private final Path cometbft;

  public HomeInitializer(Path cometbft) {
    this.cometbft = cometbft;
  }

  public void init(NodeHome home, InitSpec spec) throws IOException {
    prepare(home, spec.overwrite());
    runCometInit(home);

    GenesisFile genesis = GenesisFile.read(home.genesisJson());
    genesis
        .setChainId(spec.chainId())
        .setBlockLimits(GenesisFile.MAX_BLOCK_BYTES, spec.appGenesis().blockGasLimit())
        .setAppState(spec.appGenesis())
        .write();

    TomlDocument config = readToml(home.configToml());
    CometConfig.applyInit(config, spec.moniker(), spec.timeoutCommit());
    CometConfig.applyNetwork(config, spec.ports(), spec.transport());
    config.write(home.configToml());

    Files.deleteIfExists(home.appToml());
    AppConfig.initial(
            spec.transport(), spec.ports(), spec.appGenesis().evmChainId(), spec.corsOrigins())
        .write(home.appToml());
  }

  /**
   * Rewrites the listen ports and ABCI transport of an existing home (config.toml, app.toml); the
   * JSON-RPC keeps its host and moves to the given ports.
   */
  public static void updateNetwork(NodeHome home, Ports ports, AbciTransport transport)
      throws IOException {
    TomlDocument config = readToml(home.configToml());
    CometConfig.applyNetwork(config, ports, transport);
    config.write(home.configToml());
    AppConfig app = AppConfig.read(home.appToml());
    app.withTransport(transport)
        .withAbciAddress(ports.abciAddress())
        .withJsonRpcPorts(ports.jsonRpc(), ports.ws())
        .write(home.appToml());
  }

  /** The ports an existing home is configured with. */
  public static Ports currentPorts(NodeHome home) {
    TomlDocument config = readToml(home.configToml());
    int rpc = portOf(config, "rpc", home);
    int p2p = portOf(config, "p2p", home);
    AppConfig app = AppConfig.read(home.appToml());
    return new Ports(
        rpc, p2p, app.abciAddress().port(), app.jsonRpc().httpPort(), app.jsonRpc().wsPort());
  }

  /** Deletes a node home, refusing a directory that does not look like one. */
  public static void deleteHome(NodeHome home) throws IOException {
    Path dir = home.dir();
    if (!Files.exists(dir)) {
      return;
    }
    if (!Files.isDirectory(dir)) {
      throw new CliException(dir + " is not a directory");
    }
    boolean looksLikeHome =
        Files.exists(home.appToml()) || Files.exists(home.genesisJson()) || isEmpty(dir);
    if (!looksLikeHome) {
      throw new CliException(
          "refusing to delete "
              + dir
              + ": it does not look like a node home (no config/app.toml"
              + " or config/genesis.json)");
    }
    Files.walkFileTree(
        dir,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
            if (e != null) {
              throw e;
            }
            Files.delete(d);
            return FileVisitResult.CONTINUE;
          }
        });
  }

  /**
   * Checks the target: a new or empty directory is fine; an existing home needs {@code
   * --overwrite}, which replaces config and genesis but keeps the node and validator keys, and
   * refuses when chain data exists (it would not match the new genesis).
   */
  private static void prepare(NodeHome home, boolean overwrite) throws IOException {
    Path dir = home.dir();
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new CliException(dir + " exists and is not a directory");
    }
    if (Files.isDirectory(dir) && !isEmpty(dir)) {
      if (!overwrite) {
        throw new CliException(
            dir
                + " already exists and is not empty; pass --overwrite to replace its config and"
                + " genesis (keys are kept), or choose another --home");
      }
      if (Files.isDirectory(home.dataDir())) {
        try (Stream<Path> s = Files.list(home.dataDir())) {
          List<Path> chainData =
              s.filter(p -> !p.equals(home.privValidatorState())).sorted().toList();
          if (!chainData.isEmpty()) {
            throw new CliException(
                dir
                    + " holds chain data ("
                    + home.dir().relativize(chainData.get(0))
                    + "); --overwrite would leave it behind a new genesis. Delete "
                    + home.dataDir()
                    + " first, or choose another --home");
          }
        }
      }
      // A sign state without its key cannot be loaded; a key without its state either.
      if (Files.exists(home.privValidatorKey()) != Files.exists(home.privValidatorState())) {
        throw new CliException(
            dir
                + " has only one of config/priv_validator_key.json and"
                + " data/priv_validator_state.json; restore the other or choose another --home");
      }
      // cometbft init keeps existing files; these three are rewritten from scratch.
      Files.deleteIfExists(home.genesisJson());
      Files.deleteIfExists(home.configToml());
      Files.deleteIfExists(home.appToml());
    }
    Files.createDirectories(dir);
  }

  private void runCometInit(NodeHome home) throws IOException {
    Process p =
        new ProcessBuilder(List.of(cometbft.toString(), "init", "--home", home.dir().toString()))
            .redirectErrorStream(true)
            .start();
    p.getOutputStream().close();
    String output;
    try (InputStream in = p.getInputStream()) {
      output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    int code;
    try {
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new CliException("cometbft init did not finish within 60 s");
      }
      code = p.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException("interrupted while running cometbft init", e);
    }
    if (code != 0) {
      throw new CliException(
          "cometbft init failed with exit code " + code + ": " + lastLine(output));
    }
    for (Path f :
        List.of(home.configToml(), home.genesisJson(), home.nodeKey(), home.privValidatorKey())) {
      if (!Files.isRegularFile(f)) {
        throw new CliException("cometbft init did not write " + f + ": " + lastLine(output));
      }
    }
  }

  private static TomlDocument readToml(Path file) {
    try {
      return TomlDocument.read(file);
    } catch (IOException e) {
      throw new CliException("cannot read " + file + ": " + e.getMessage(), e);
    } catch (TomlException e) {
      throw new CliException(e.getMessage(), e);
    }
  }

  private static int portOf(TomlDocument config, String table, NodeHome home) {
    String laddr =
        config
            .getString(table, "laddr")
            .orElseThrow(
                () -> new CliException(home.configToml() + ": [" + table + "] laddr is missing"));
    return ListenAddress.parse(laddr).port();
  }

  private static boolean isEmpty(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.findAny().isEmpty();
    }
  }

  private static String lastLine(String output) {
    List<String> lines = output.strip().lines().toList();
    return lines.isEmpty() ? "(no output)" : lines.get(lines.size() - 1);
  }
}
