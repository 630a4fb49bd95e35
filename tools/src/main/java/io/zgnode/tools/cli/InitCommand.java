package io.zgnode.tools.cli;

import io.zgnode.genesis.AppGenesis;
import io.zgnode.genesis.GenesisException;
import io.zgnode.tools.CliException;
import io.zgnode.tools.comet.CometLocator;
import io.zgnode.tools.devnet.Devnet;
import io.zgnode.tools.home.AbciTransport;
import io.zgnode.tools.home.CometConfig;
import io.zgnode.tools.home.HomeInitializer;
import io.zgnode.tools.home.InitSpec;
import io.zgnode.tools.home.NodeHome;
import io.zgnode.tools.home.Ports;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    description = {
      "Create a node home: CometBFT's config and keys (cometbft init), the application's"
          + " config/app.toml, and a genesis with default application state.",
      "Everything listens on 127.0.0.1. An existing, non-empty home is refused unless"
          + " --overwrite is given."
    })
public final class InitCommand implements Callable<Integer> {
  /** Largest EIP-155 chain id that keeps v = 2 * id + 36 inside a uint64 (EIP-2294). */
  static final long MAX_EVM_CHAIN_ID = 9_223_372_036_854_775_771L;

  private final CliContext ctx;

  @Parameters(index = "0", paramLabel = "MONIKER", description = "The node's name.")
  String moniker;

  @Option(names = "--home", required = true, paramLabel = "DIR", description = "Node home.")
  String home;

  @Option(
      names = "--chain-id",
      required = true,
      paramLabel = "ID",
      description = "CometBFT chain id.")
  String chainId;

  @Option(
      names = "--evm-chain-id",
      paramLabel = "N",
      description = "EIP-155 chain id (default ${DEFAULT-VALUE}).",
      defaultValue = "" + Devnet.DEVNET_EVM_CHAIN_ID)
  long evmChainId;

  @Option(
      names = "--abci",
      paramLabel = "grpc|socket",
      converter = TransportConverter.class,
      defaultValue = "grpc",
      description =
          "ABCI transport between CometBFT and the app (default ${DEFAULT-VALUE}: CometBFT's"
              + " socket client costs it far more CPU per CheckTx under load).")
  AbciTransport transport;

  @Option(
      names = "--timeout-commit",
      paramLabel = "DURATION",
      defaultValue = CometConfig.DEFAULT_TIMEOUT_COMMIT,
      description = "CometBFT consensus timeout_commit (default ${DEFAULT-VALUE}).")
  String timeoutCommit;

  @Option(
      names = "--overwrite",
      description = "Replace the config and genesis of an existing home (keys are kept).")
  boolean overwrite;

  @Mixin PortOptions ports;

  public InitCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() throws Exception {
    AppGenesis app = appGenesis(evmChainId, () -> AppGenesis.defaults(evmChainId));
    InitSpec spec =
        new InitSpec(
            moniker, chainId, app, transport, ports.over(Ports.DEFAULTS), timeoutCommit, overwrite);
    NodeHome nodeHome = NodeHome.of(home);
    new HomeInitializer(CometLocator.system().require()).init(nodeHome, spec);
    ctx.out()
        .println(
            "initialized node home "
                + nodeHome
                + " (moniker "
                + moniker
                + ", chain id "
                + chainId
                + ", EVM chain id "
                + evmChainId
                + ", ABCI "
                + transport
                + ", JSON-RPC port "
                + spec.ports().jsonRpc()
                + ")");
    return 0;
  }

  /** Builds an application genesis, turning a bad parameter into a one-line user error. */
  static AppGenesis appGenesis(long evmChainId, java.util.function.Supplier<AppGenesis> build) {
    if (evmChainId < 1 || evmChainId > MAX_EVM_CHAIN_ID) {
      throw new CliException(
          "--evm-chain-id must be between 1 and " + MAX_EVM_CHAIN_ID + ", got " + evmChainId);
    }
    try {
      return build.get();
    } catch (GenesisException e) {
      throw new CliException("cannot build the genesis: " + e.getMessage(), e);
    }
  }
}
