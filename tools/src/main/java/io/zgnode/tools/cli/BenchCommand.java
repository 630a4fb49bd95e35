package io.zgnode.tools.cli;

import io.zgnode.tools.bench.TransferBench;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Benchmarks that print figures (they never fail on timing).",
    subcommands = {BenchCommand.Transfers.class, BenchCommand.Load.class})
public final class BenchCommand implements Runnable {
  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        new picocli.CommandLine(this), "name a benchmark: transfers, load");
  }

  @Command(
      name = "transfers",
      mixinStandardHelpOptions = true,
      description =
          "Execute blocks of signed native transfers in process (sender recovery, execution,"
              + " state roots, atomic RocksDB commit) and print transfers per second, the median"
              + " of several runs.")
  public static final class Transfers implements Callable<Integer> {
    private final CliContext ctx;

    @Option(names = "--senders", defaultValue = "5000", description = "Funded sender accounts.")
    int senders;

    @Option(names = "--blocks", defaultValue = "10", description = "Blocks per run.")
    int blocks;

    @Option(names = "--txs", defaultValue = "2000", description = "Transfers per block.")
    int txs;

    @Option(names = "--runs", defaultValue = "5", description = "Measured runs (after a warm-up).")
    int runs;

    public Transfers(CliContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
      new TransferBench(senders, blocks, txs, ctx.out()).run(runs);
      return 0;
    }
  }

  @Command(
      name = "load",
      mixinStandardHelpOptions = true,
      description =
          "Send signed transfers from the funded development accounts to a running devnet through"
              + " CometBFT's broadcast_tx_sync and print sustained transfers per second and the"
              + " median and p99 time to inclusion.")
  public static final class Load implements Callable<Integer> {
    private final CliContext ctx;

    @Option(
        names = "--node",
        defaultValue = "http://127.0.0.1:26657",
        description = "CometBFT RPC.")
    String node;

    @Option(names = "--evm-chain-id", defaultValue = "36767", description = "EIP-155 chain id.")
    long evmChainId;

    @Option(names = "--senders", defaultValue = "10", description = "Dev accounts sending (1-10).")
    int senders;

    @Option(names = "--duration", defaultValue = "30", description = "Measured seconds.")
    int seconds;

    @Option(names = "--warmup", defaultValue = "5", description = "Seconds before measuring.")
    int warmup;

    public Load(CliContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
      io.zgnode.tools.rpc.CometRpc rpc =
          new io.zgnode.tools.rpc.CometRpc(io.zgnode.tools.rpc.CometRpc.parseNode(node));
      new io.zgnode.tools.bench.LoadBench(rpc, evmChainId, senders, ctx.out()).run(warmup, seconds);
      return 0;
    }
  }
}
