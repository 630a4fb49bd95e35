package io.zgnode.tools.cli;

import io.zgnode.tools.bench.TransferBench;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Benchmarks that print figures (they never fail on timing).",
    subcommands = {BenchCommand.Transfers.class})
public final class BenchCommand implements Runnable {
  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        new picocli.CommandLine(this), "name a benchmark: transfers");
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
}
