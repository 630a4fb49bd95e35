package io.zgnode.tools.cli;

import io.zgnode.tools.CliException;
import io.zgnode.tools.comet.CometInstaller;
import io.zgnode.tools.comet.CometLocator;
import io.zgnode.tools.devnet.Devnet;
import io.zgnode.tools.home.AbciTransport;
import io.zgnode.tools.home.CometConfig;
import io.zgnode.tools.testnet.TestnetGenesis;
import io.zgnode.tools.testnet.TestnetInitializer;
import io.zgnode.tools.testnet.TestnetLayout;
import io.zgnode.tools.testnet.TestnetManifest;
import io.zgnode.tools.testnet.TestnetProcesses;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "testnet",
    mixinStandardHelpOptions = true,
    description = {
      "A local network of N validators on 127.0.0.1, each a real zgnode with its own CometBFT:"
          + " node i uses every default port plus 100 x i (plus --base-port-offset).",
      "  zgnode testnet init --validators 4 --output ./testnet",
      "  zgnode testnet start ./testnet",
      "  zgnode testnet stop ./testnet"
    },
    subcommands = {
      TestnetCommand.Init.class,
      TestnetCommand.Start.class,
      TestnetCommand.Stop.class
    })
public final class TestnetCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing subcommand: init, start or stop");
  }

  @Command(
      name = "init",
      mixinStandardHelpOptions = true,
      description = {
        "Create N node homes DIR/node0..node<N-1> (each as 'zgnode init' makes it) and one shared"
            + " genesis: the 10 development accounts funded as on the devnet, and per node an"
            + " operator account (development mnemonic, m/44'/60'/0'/0/(100+i)) that stakes"
            + " (i+1) x 100 tokens for the node's consensus key, so node i has power (i+1) x 100.",
        "Every node has the others as persistent peers. DIR/testnet.json lists nodes, ports,"
            + " operators and node IDs. An existing non-empty DIR is refused unless --force"
            + " (which replaces an earlier testnet that is not running)."
      })
  public static final class Init implements Callable<Integer> {
    private final CliContext ctx;

    @Option(
        names = "--validators",
        paramLabel = "N",
        defaultValue = "4",
        description = "Number of validator nodes (default ${DEFAULT-VALUE}).")
    int validators;

    @Option(
        names = "--output",
        required = true,
        paramLabel = "DIR",
        description = "Directory for the network.")
    Path output;

    @Option(
        names = "--chain-id",
        paramLabel = "ID",
        defaultValue = "zgnode-testnet",
        description = "CometBFT chain id (default ${DEFAULT-VALUE}).")
    String chainId;

    @Option(
        names = "--evm-chain-id",
        paramLabel = "N",
        defaultValue = "" + Devnet.DEVNET_EVM_CHAIN_ID,
        description = "EIP-155 chain id (default ${DEFAULT-VALUE}).")
    long evmChainId;

    @Option(
        names = "--timeout-commit",
        paramLabel = "DURATION",
        defaultValue = CometConfig.DEFAULT_TIMEOUT_COMMIT,
        description = "CometBFT consensus timeout_commit (default ${DEFAULT-VALUE}).")
    String timeoutCommit;

    @Option(
        names = "--abci",
        paramLabel = "grpc|socket",
        converter = TransportConverter.class,
        defaultValue = "grpc",
        description = "ABCI transport of every node (default ${DEFAULT-VALUE}).")
    AbciTransport transport;

    @Option(
        names = "--base-port-offset",
        paramLabel = "N",
        defaultValue = "0",
        description =
            "Added to every port of every node, to keep clear of another network"
                + " (default ${DEFAULT-VALUE}).")
    int portOffset;

    @Option(
        names = "--slashing-param",
        paramLabel = "KEY=VALUE",
        description =
            "An app_state.slashing.params field (repeatable), e.g. signed_blocks_window=10,"
                + " min_signed_per_window=0.5, downtime_jail_duration=60.")
    Map<String, String> slashingParams = new LinkedHashMap<>();

    @Option(names = "--force", description = "Replace an earlier testnet in DIR (not running).")
    boolean force;

    public Init(CliContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
      // Checks the chain id range with the same message as 'init'.
      InitCommand.appGenesis(evmChainId, () -> io.zgnode.genesis.AppGenesis.defaults(evmChainId));
      TestnetLayout layout = new TestnetLayout(validators, portOffset);
      Path comet = CometLocator.system().locate().orElseGet(CometInstaller::install);
      TestnetManifest m =
          new TestnetInitializer(comet)
              .init(
                  new TestnetInitializer.Spec(
                      output,
                      layout,
                      chainId,
                      evmChainId,
                      timeoutCommit,
                      transport,
                      slashingParams,
                      force));
      Path dir = output.toAbsolutePath().normalize();
      ctx.out()
          .println(
              "initialized a "
                  + validators
                  + "-validator testnet in "
                  + dir
                  + " (chain id "
                  + chainId
                  + ", EVM chain id "
                  + evmChainId
                  + ")");
      for (TestnetManifest.NodeEntry n : m.nodes()) {
        ctx.out()
            .printf(
                "  %-7s power %-5d operator %s  CometBFT RPC %s  JSON-RPC %s%n",
                n.moniker(), n.power(), n.operator().toChecksumHex(), n.cometRpc(), n.jsonRpc());
      }
      ctx.out()
          .println(
              "details in "
                  + TestnetManifest.file(dir)
                  + "; operators use m/44'/60'/0'/0/"
                  + TestnetGenesis.OPERATOR_INDEX_BASE
                  + "+i of the development mnemonic; start with: zgnode testnet start "
                  + dir);
      return 0;
    }
  }

  @Command(
      name = "start",
      mixinStandardHelpOptions = true,
      description = {
        "Start every node of DIR in the background ('zgnode start --home DIR/nodeI', output in"
            + " DIR/nodeI/node.log, pid in DIR/nodeI/node.pid), wait until all of them have"
            + " reached height 2 and print the endpoints. Nodes already running are left alone."
      })
  public static final class Start implements Callable<Integer> {
    private final CliContext ctx;

    @Parameters(index = "0", paramLabel = "DIR", description = "The testnet directory.")
    Path dir;

    @Option(
        names = "--timeout",
        paramLabel = "SECONDS",
        defaultValue = "120",
        description = "How long to wait for the network (default ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    public Start(CliContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
      requirePositive(timeoutSeconds);
      CometLocator.system().require();
      TestnetProcesses p = new TestnetProcesses(dir, ctx.out());
      p.start(Duration.ofSeconds(timeoutSeconds));
      ctx.out().println("testnet is running (chain id " + p.manifest().chainId() + ")");
      for (TestnetManifest.NodeEntry n : p.manifest().nodes()) {
        ctx.out()
            .printf(
                "  %-7s CometBFT RPC %s  JSON-RPC %s  %s%n",
                n.moniker(), n.cometRpc(), n.jsonRpc(), n.webSocket());
      }
      ctx.out().println("stop with: zgnode testnet stop " + dir.toAbsolutePath().normalize());
      return 0;
    }
  }

  @Command(
      name = "stop",
      mixinStandardHelpOptions = true,
      description = {
        "Send SIGTERM to every node of DIR (or only --node I) and wait for a clean stop; a node"
            + " still running after --timeout is killed. Stale pid files are removed."
      })
  public static final class Stop implements Callable<Integer> {
    private final CliContext ctx;

    @Parameters(index = "0", paramLabel = "DIR", description = "The testnet directory.")
    Path dir;

    @Option(names = "--node", paramLabel = "I", description = "Stop only node I.")
    Integer node;

    @Option(
        names = "--timeout",
        paramLabel = "SECONDS",
        defaultValue = "60",
        description = "How long to wait for each stop (default ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    public Stop(CliContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
      requirePositive(timeoutSeconds);
      TestnetProcesses p = new TestnetProcesses(dir, ctx.out());
      Duration timeout = Duration.ofSeconds(timeoutSeconds);
      boolean clean = node != null ? p.stopNode(node, timeout) : p.stop(timeout);
      if (!clean) {
        throw new CliException("a node did not stop cleanly and was killed (see its node.log)");
      }
      return 0;
    }
  }

  private static void requirePositive(long seconds) {
    if (seconds < 1) {
      throw new CliException("--timeout must be at least 1 second, got " + seconds);
    }
  }
}
