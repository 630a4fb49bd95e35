package io.zgnode.tools.cli;

import io.zgnode.chain.ChainOptions;
import io.zgnode.genesis.AppGenesis;
import io.zgnode.tools.BuildInfo;
import io.zgnode.tools.CliException;
import io.zgnode.tools.comet.CometLocator;
import io.zgnode.tools.home.AbciTransport;
import io.zgnode.tools.home.AppConfig;
import io.zgnode.tools.home.CometConfig;
import io.zgnode.tools.home.GenesisFile;
import io.zgnode.tools.home.GenesisHash;
import io.zgnode.tools.home.NodeHome;
import io.zgnode.tools.node.NodeSupervisor;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "start",
    mixinStandardHelpOptions = true,
    description = {
      "Run the node: the application behind its ABCI server, the Ethereum JSON-RPC ([json-rpc]"
          + " in config/app.toml), and CometBFT as a supervised child process (its log lines are"
          + " prefixed [cometbft]).",
      "SIGINT/SIGTERM stop the JSON-RPC, then CometBFT, then the application (exit 0). If"
          + " CometBFT exits on its own or the application hits a fatal error, everything stops"
          + " and the exit code is 1."
    })
public final class StartCommand implements Callable<Integer> {
  private final CliContext ctx;

  @Option(names = "--home", required = true, paramLabel = "DIR", description = "Node home.")
  String home;

  @Option(
      names = "--abci",
      paramLabel = "grpc|socket",
      converter = TransportConverter.class,
      description = "ABCI transport for this run (default: config/app.toml).")
  AbciTransport transport;

  @Option(
      names = "--genesis-sha256",
      paramLabel = "HEX",
      description =
          "Refuse to start unless config/genesis.json has this SHA-256 (the network's published"
              + " hash; also [genesis] sha256 in app.toml).")
  String genesisSha256;

  @Option(names = "--no-comet", description = "Serve ABCI only, for a CometBFT started separately.")
  boolean noComet;

  public StartCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() throws Exception {
    NodeHome nodeHome = NodeHome.of(home).requireInitialized();
    Optional<Path> comet = noComet ? Optional.empty() : Optional.of(findComet(ctx));
    if (genesisSha256 != null) {
      GenesisHash.verify(nodeHome.genesisJson(), Optional.of(genesisSha256), "--genesis-sha256");
    }
    NodeSupervisor.Options options = prepare(nodeHome, transport, comet, ctx.verbose());
    return new NodeSupervisor(options, ctx.out(), ctx.err()).run(() -> {});
  }

  /**
   * Checks a home before anything starts (the genesis parses, app.toml agrees with it) and builds
   * the supervisor's options; {@code transport} overrides app.toml when not null.
   */
  static NodeSupervisor.Options prepare(
      NodeHome home, AbciTransport transport, Optional<Path> comet, boolean verbose) {
    AppConfig config = AppConfig.read(home.appToml());
    GenesisHash.verify(
        home.genesisJson(),
        GenesisHash.configured(home.appToml()),
        home.appToml() + " [genesis] sha256");
    AppGenesis genesis = GenesisFile.read(home.genesisJson()).appGenesis();
    if (genesis.evmChainId() != config.evmChainId()) {
      throw new CliException(
          "EVM chain id mismatch: config/app.toml has "
              + config.evmChainId()
              + " but genesis.json app_state has "
              + genesis.evmChainId()
              + "; set [evm] chain_id in "
              + home.appToml()
              + " to the genesis value");
    }
    return new NodeSupervisor.Options(
        home,
        transport != null ? transport : config.transport(),
        config.abciAddress(),
        comet,
        verbose,
        config.jsonRpc(),
        new ChainOptions(config.allowUnprotectedTxs(), config.retainHeights()),
        CometConfig.rpcUrl(home.configToml()));
  }

  /** The installed CometBFT; warns when its version is not the one zgnode is built for. */
  static Path findComet(CliContext ctx) {
    Path bin = CometLocator.system().require();
    warnOnVersionMismatch(ctx, bin);
    return bin;
  }

  static void warnOnVersionMismatch(CliContext ctx, Path bin) {
    String want = BuildInfo.load().cometbftVersionPlain();
    Optional<String> have = CometLocator.version(bin);
    if (have.isEmpty()) {
      throw new CliException(bin + " does not run ('" + bin + " version' failed)");
    }
    if (!want.equals("unknown") && !have.get().equals(want)) {
      ctx.err()
          .println(
              "[zgnode] warning: "
                  + bin
                  + " is CometBFT "
                  + have.get()
                  + ", zgnode is built for "
                  + want
                  + " (install it with "
                  + CometLocator.INSTALL_SCRIPT
                  + ")");
    }
  }
}
