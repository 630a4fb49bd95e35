package io.zgnode.tools.home;

import io.zgnode.tools.CliException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A node's home directory, laid out as Cosmos operators expect: CometBFT's files under {@code
 * config/} and {@code data/}, the application's config beside them, its database in {@code
 * data/zgnode.db}.
 */
public record NodeHome(Path dir) {
  public NodeHome {
    dir = dir.toAbsolutePath().normalize();
  }

  public static NodeHome of(String dir) {
    return new NodeHome(Path.of(expandTilde(dir)));
  }

  public Path configDir() {
    return dir.resolve("config");
  }

  public Path dataDir() {
    return dir.resolve("data");
  }

  public Path configToml() {
    return configDir().resolve("config.toml");
  }

  public Path appToml() {
    return configDir().resolve("app.toml");
  }

  public Path genesisJson() {
    return configDir().resolve("genesis.json");
  }

  public Path nodeKey() {
    return configDir().resolve("node_key.json");
  }

  public Path privValidatorKey() {
    return configDir().resolve("priv_validator_key.json");
  }

  public Path privValidatorState() {
    return dataDir().resolve("priv_validator_state.json");
  }

  public Path appDatabase() {
    return dataDir().resolve("zgnode.db");
  }

  public boolean isInitialized() {
    return Files.isRegularFile(configToml())
        && Files.isRegularFile(genesisJson())
        && Files.isRegularFile(appToml());
  }

  /** Fails with a message that says how to make a home when this one is not complete. */
  public NodeHome requireInitialized() {
    if (!Files.isDirectory(dir)) {
      throw new CliException(
          "node home "
              + dir
              + " does not exist (create it with 'zgnode init MONIKER --home "
              + dir
              + " --chain-id ID')");
    }
    for (Path p : new Path[] {configToml(), genesisJson(), appToml()}) {
      if (!Files.isRegularFile(p)) {
        throw new CliException(
            dir
                + " is not a zgnode home: "
                + dir.relativize(p)
                + " is missing (create one with"
                + " 'zgnode init MONIKER --home DIR --chain-id ID')");
      }
    }
    return this;
  }

  private static String expandTilde(String dir) {
    if (dir.equals("~") || dir.startsWith("~/")) {
      return System.getProperty("user.home") + dir.substring(1);
    }
    return dir;
  }

  @Override
  public String toString() {
    return dir.toString();
  }
}
