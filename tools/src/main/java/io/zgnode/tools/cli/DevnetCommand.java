package io.zgnode.tools.cli;

import io.zgnode.genesis.AppGenesis;
import io.zgnode.tools.CliException;
import io.zgnode.tools.comet.CometInstaller;
import io.zgnode.tools.comet.CometLocator;
import io.zgnode.tools.devnet.DevAccounts;
import io.zgnode.tools.devnet.Devnet;
import io.zgnode.tools.home.AbciTransport;
import io.zgnode.tools.home.AppConfig;
import io.zgnode.tools.home.CometConfig;
import io.zgnode.tools.home.GenesisFile;
import io.zgnode.tools.home.HomeInitializer;
import io.zgnode.tools.home.InitSpec;
import io.zgnode.tools.home.NodeHome;
import io.zgnode.tools.home.Ports;
import io.zgnode.tools.node.NodeSupervisor;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "devnet",
    mixinStandardHelpOptions = true,
    description = {
      "One command to a running single-validator chain: creates the home if needed, installs the"
          + " pinned CometBFT if it is missing, starts the application, the Ethereum JSON-RPC and"
          + " CometBFT, prints the endpoints and runs until SIGINT/SIGTERM.",
      "The 10 standard development accounts (mnemonic \""
          + DevAccounts.MNEMONIC
          + "\") get "
          + "10,000 tokens each. Without --fresh an existing devnet resumes."
    })
public final class DevnetCommand implements Callable<Integer> {
  private final CliContext ctx;

  @Option(
      names = "--home",
      paramLabel = "DIR",
      defaultValue = Devnet.DEFAULT_HOME,
      description = "Devnet home (default ./${DEFAULT-VALUE}).")
  String home;

  @Option(names = "--fresh", description = "Delete the home first and start a new chain.")
  boolean fresh;

  @Option(
      names = "--abci",
      paramLabel = "grpc|socket",
      converter = TransportConverter.class,
      description = "ABCI transport (default: the home's app.toml; grpc for a new home).")
  AbciTransport transport;

  @Mixin PortOptions ports;

  public DevnetCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() throws Exception {
    NodeHome nodeHome = NodeHome.of(home);
    Path comet = CometLocator.system().locate().orElseGet(CometInstaller::install);
    StartCommand.warnOnVersionMismatch(ctx, comet);

    if (fresh) {
      HomeInitializer.deleteHome(nodeHome);
    }
    if (!nodeHome.isInitialized()) {
      if (Files.isDirectory(nodeHome.dir()) && !isEmpty(nodeHome.dir())) {
        throw new CliException(
            nodeHome
                + " exists but is not a complete zgnode home (config/app.toml, config.toml or"
                + " genesis.json is missing); pass --fresh to recreate it, or choose another"
                + " --home");
      }
      AppGenesis genesis =
          InitCommand.appGenesis(
              Devnet.DEVNET_EVM_CHAIN_ID,
              () ->
                  AppGenesis.devnet(
                      Devnet.DEVNET_EVM_CHAIN_ID,
                      DevAccounts.ADDRESSES,
                      Devnet.BALANCE_PER_ACCOUNT));
      InitSpec spec =
          new InitSpec(
              Devnet.MONIKER,
              Devnet.CHAIN_ID,
              genesis,
              transport != null ? transport : AbciTransport.GRPC,
              ports.over(Ports.DEFAULTS),
              Devnet.TIMEOUT_COMMIT,
              false,
              // A developer's machine: let local dapps on any dev server port call the node.
              List.of("*"));
      new HomeInitializer(comet).init(nodeHome, spec);
      ctx.err().println("[zgnode] created devnet home " + nodeHome);
    } else {
      nodeHome.requireInitialized();
      if (ports.anySet()) {
        Ports updated = ports.over(HomeInitializer.currentPorts(nodeHome));
        AbciTransport t =
            transport != null ? transport : AppConfig.read(nodeHome.appToml()).transport();
        HomeInitializer.updateNetwork(nodeHome, updated, t);
      }
      ctx.err().println("[zgnode] resuming the devnet in " + nodeHome + " (--fresh starts over)");
    }

    NodeSupervisor.Options options =
        StartCommand.prepare(nodeHome, transport, Optional.of(comet), ctx.verbose());
    GenesisFile genesisFile = GenesisFile.read(nodeHome.genesisJson());
    String chainId = genesisFile.chainId();
    long evmChainId = genesisFile.appGenesis().evmChainId();
    String rpc = CometConfig.rpcUrl(nodeHome.configToml()).toString();
    return new NodeSupervisor(options, ctx.out(), ctx.err())
        .run(() -> banner(ctx.out(), nodeHome, chainId, evmChainId, rpc, options));
  }

  /** "http://127.0.0.1:8545 ws://127.0.0.1:8546" for the configured listeners. */
  static String jsonRpcEndpoints(io.zgnode.jsonrpc.RpcConfig c) {
    String host =
        switch (c.host()) {
          case "0.0.0.0", "" -> "127.0.0.1";
          case "::" -> "[::1]";
          default -> c.host().contains(":") ? "[" + c.host() + "]" : c.host();
        };
    int ws = c.wsPort() == 0 ? c.httpPort() : c.wsPort();
    return "http://" + host + ":" + c.httpPort() + "  ws://" + host + ":" + ws;
  }

  private static boolean isEmpty(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.findAny().isEmpty();
    }
  }

  private static void banner(
      PrintStream out,
      NodeHome home,
      String chainId,
      long evmChainId,
      String rpc,
      NodeSupervisor.Options options) {
    StringBuilder sb = new StringBuilder();
    sb.append("\nzgnode devnet is running\n");
    sb.append("  home           ").append(home).append('\n');
    sb.append("  chain id       ").append(chainId).append('\n');
    sb.append("  EVM chain id   ").append(evmChainId).append('\n');
    sb.append("  CometBFT RPC   ").append(rpc).append('\n');
    if (options.jsonRpc().enabled()) {
      sb.append("  JSON-RPC       ").append(jsonRpcEndpoints(options.jsonRpc())).append('\n');
    }
    sb.append("  ABCI           ")
        .append(options.abciAddress())
        .append(" (")
        .append(options.transport())
        .append(")\n");
    sb.append("  accounts       ")
        .append(DevAccounts.CHECKSUM_ADDRESSES.size())
        .append(" funded at genesis with ")
        .append(String.format(Locale.ROOT, "%,d", Devnet.TOKENS_PER_ACCOUNT))
        .append(" tokens each; mnemonic \"")
        .append(DevAccounts.MNEMONIC)
        .append("\", path ")
        .append(DevAccounts.DERIVATION_PATH)
        .append('\n');
    for (int i = 0; i < DevAccounts.CHECKSUM_ADDRESSES.size(); i++) {
      sb.append(
          String.format(Locale.ROOT, "    (%d) %s%n", i, DevAccounts.CHECKSUM_ADDRESSES.get(i)));
    }
    sb.append("  stop with Ctrl-C\n");
    out.print(sb);
    out.flush();
  }
}
