package io.zgnode.tools.cli;

import io.zgnode.tools.bench.TransferBench;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Benchmarks that print figures (they never fail on timing).",
    subcommands = {BenchCommand.Transfers.class, BenchCommand.Load.class, BenchCommand.Rpc.class})
public final class BenchCommand implements Runnable {
  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        new picocli.CommandLine(this), "name a benchmark: transfers, load, rpc");
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
          "Send signed native and token transfers from many accounts through the JSON-RPC's"
              + " eth_sendRawTransaction at an offered rate and print sustained transactions per"
              + " second and the median and p99 time to inclusion.")
  public static final class Load implements Callable<Integer> {
    private final CliContext ctx;

    @picocli.CommandLine.Mixin JsonRpcEndpoint endpoint;

    @Option(names = "--accounts", defaultValue = "2000", description = "Sending accounts.")
    int accounts;

    @Option(names = "--rate", defaultValue = "2500", description = "Offered transactions/s.")
    int rate;

    @Option(names = "--duration", defaultValue = "60", description = "Measured seconds.")
    int seconds;

    @Option(names = "--warmup", defaultValue = "10", description = "Seconds before measuring.")
    int warmup;

    @Option(
        names = "--token-percent",
        defaultValue = "50",
        description = "Share of token (ERC-20-like) transfers, 0-100.")
    int tokenPercent;

    @Option(names = "--batch", defaultValue = "50", description = "Transactions per batch.")
    int batch;

    @Option(names = "--connections", defaultValue = "8", description = "Batches in flight.")
    int connections;

    public Load(CliContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
      new io.zgnode.tools.bench.RpcLoadBench(
              endpoint.client(),
              new io.zgnode.tools.bench.RpcLoadBench.Settings(
                  accounts, rate, warmup, seconds, tokenPercent, batch, connections),
              ctx.out())
          .run();
      return 0;
    }
  }

  @Command(
      name = "rpc",
      mixinStandardHelpOptions = true,
      description =
          "Read load on the JSON-RPC over loopback: eth_getBalance or eth_call requests per second"
              + " and latency.")
  public static final class Rpc implements Callable<Integer> {
    private final CliContext ctx;

    @picocli.CommandLine.Mixin JsonRpcEndpoint endpoint;

    @Option(names = "--method", defaultValue = "balance", description = "balance or call.")
    String method;

    @Option(names = "--threads", defaultValue = "8", description = "Concurrent clients.")
    int threads;

    @Option(names = "--duration", defaultValue = "10", description = "Measured seconds.")
    int seconds;

    @Option(names = "--warmup", defaultValue = "3", description = "Seconds before measuring.")
    int warmup;

    public Rpc(CliContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
      new io.zgnode.tools.bench.RpcReadBench(endpoint.client(), ctx.out())
          .run(method, threads, warmup, seconds);
      return 0;
    }
  }

  /** The --rpc option the JSON-RPC benchmarks share. */
  static final class JsonRpcEndpoint {
    @Option(
        names = "--rpc",
        defaultValue = "http://127.0.0.1:8545",
        description = "JSON-RPC HTTP endpoint.")
    String url;

    io.zgnode.tools.rpc.EthRpc client() {
      return new io.zgnode.tools.rpc.EthRpc(java.net.URI.create(url));
    }
  }
}
