package io.zgnode.tools.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zgnode.evm.bytes.Hex;
import io.zgnode.evm.fork.Fork;
import io.zgnode.evm.frame.Code;
import io.zgnode.evm.frame.MessageFrame;
import io.zgnode.evm.processor.BlockContext;
import io.zgnode.evm.processor.Evm;
import io.zgnode.evm.processor.EvmConfig;
import io.zgnode.evm.processor.ExecutionContext;
import io.zgnode.evm.tracing.StandardJsonTracer;
import io.zgnode.evm.tracing.Tracer;
import io.zgnode.evm.types.Address;
import io.zgnode.evm.types.Hash;
import io.zgnode.evm.world.MapEvmWorld;
import io.zgnode.evm.world.TxScope;
import io.zgnode.tools.CliException;
import io.zgnode.tools.statetest.StateTestResult;
import io.zgnode.tools.statetest.StateTestRunner;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "evm",
    mixinStandardHelpOptions = true,
    description = "Run the EVM: Ethereum state tests, or bytecode on its own.",
    subcommands = {EvmCommand.StateTest.class, EvmCommand.Run.class})
public final class EvmCommand implements Runnable {
  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        new picocli.CommandLine(this), "name a subcommand: statetest, run");
  }

  private static Fork fork(String name) {
    if (name == null) {
      return null;
    }
    try {
      return Fork.fromName(name);
    } catch (IllegalArgumentException e) {
      throw new CliException(e.getMessage());
    }
  }

  @Command(
      name = "statetest",
      mixinStandardHelpOptions = true,
      description =
          "Run Ethereum state tests (GeneralStateTests format; files or folders, *.json only)."
              + " Prints one line per failing vector and then 'N passed, M failed'; exits 1 if"
              + " any failed.")
  public static final class StateTest implements Callable<Integer> {
    private final CliContext ctx;

    @Option(names = "--fork", description = "Run only this fork's entries (e.g. Cancun, London).")
    String fork;

    @Option(
        names = "--bench",
        description =
            "Time each transaction (after 0.5 s of JIT warm-up, the median of ~50 ms batches over"
                + " at least 1 s); print gas used, time and Mgas/s per vector.")
    boolean bench;

    @Option(names = "--json", description = "Print one JSON object per vector.")
    boolean json;

    @Option(names = "--trace", description = "Print EIP-3155 trace lines to stderr.")
    boolean trace;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "State-test files or folders.")
    List<Path> paths;

    public StateTest(CliContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() {
      Supplier<Tracer> tracers = trace ? () -> new StandardJsonTracer(ctx.err()) : null;
      StateTestRunner runner = new StateTestRunner(fork(fork), bench, tracers);
      ObjectMapper mapper = new ObjectMapper();
      int[] counts = new int[2];
      for (Path path : paths) {
        try {
          runner.run(
              path,
              r -> {
                counts[r.pass() ? 0 : 1]++;
                if (json) {
                  ctx.out().println(toJson(mapper, r));
                } else if (bench) {
                  ctx.out().println(benchLine(r));
                } else if (!r.pass()) {
                  ctx.out().println("FAIL " + r.id() + ": " + r.reason());
                }
              });
        } catch (IllegalArgumentException e) {
          throw new CliException(e.getMessage());
        }
      }
      ctx.out().println(counts[0] + " passed, " + counts[1] + " failed");
      return counts[1] == 0 ? 0 : 1;
    }

    private ObjectNode toJson(ObjectMapper mapper, StateTestResult r) {
      ObjectNode o = mapper.createObjectNode();
      o.put("name", r.file() + ":" + r.name() + "/" + r.index());
      o.put("fork", r.fork());
      o.put("pass", r.pass());
      o.put("stateRoot", r.stateRoot() == null ? null : r.stateRoot().toHex());
      if (!r.pass()) {
        o.put("error", r.reason());
      }
      if (bench) {
        o.put("timeNs", r.timeNs());
        o.put("gasUsed", r.gasUsed());
      }
      return o;
    }

    private static String benchLine(StateTestResult r) {
      double mgas = r.timeNs() == 0 ? 0 : r.gasUsed() * 1000.0 / r.timeNs();
      return String.format(
          Locale.ROOT,
          "%s %s gas=%d time=%.3fms %.1f Mgas/s%s",
          r.pass() ? "ok  " : "FAIL",
          r.id(),
          r.gasUsed(),
          r.timeNs() / 1e6,
          mgas,
          r.pass() ? "" : " (" + r.reason() + ")");
    }
  }

  @Command(
      name = "run",
      mixinStandardHelpOptions = true,
      description =
          "Run bytecode as the code of a contract called in a fresh state and print its output,"
              + " gas used and how it ended.")
  public static final class Run implements Callable<Integer> {
    private static final Address SENDER =
        Address.fromHex("0x1000000000000000000000000000000000000001");
    private static final Address CONTRACT =
        Address.fromHex("0x2000000000000000000000000000000000000002");

    private final CliContext ctx;

    @Option(names = "--code", required = true, description = "The bytecode, in hex.")
    String code;

    @Option(names = "--input", defaultValue = "", description = "The call data, in hex.")
    String input;

    @Option(names = "--gas", defaultValue = "10000000", description = "The gas to run with.")
    long gas;

    @Option(names = "--fork", defaultValue = "Osaka", description = "The fork's rules to run.")
    String fork;

    @Option(names = "--bench", description = "Repeat until the JIT is warm; print the mean time.")
    boolean bench;

    @Option(names = "--trace", description = "Print EIP-3155 trace lines to stderr.")
    boolean trace;

    public Run(CliContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() {
      if (gas < 0) {
        throw new CliException("--gas must not be negative: " + gas);
      }
      byte[] bytecode;
      byte[] data;
      try {
        bytecode = Hex.decode(code.strip());
        data = Hex.decode(input.strip());
      } catch (IllegalArgumentException e) {
        throw new CliException(e.getMessage());
      }
      Fork f = fork(fork);
      EvmConfig config = EvmConfig.forFork(f);
      MapEvmWorld pre = new MapEvmWorld();
      pre.setBalance(SENDER, BigInteger.TEN.pow(24));
      pre.setCode(CONTRACT, bytecode);
      BlockContext block =
          new BlockContext(
              1,
              1,
              Address.ZERO,
              Long.MAX_VALUE,
              BigInteger.ZERO,
              BigInteger.ZERO,
              Hash.ZERO,
              BigInteger.ONE,
              BigInteger.ONE,
              n -> Hash.ZERO);
      Code analysed = new Code(bytecode);
      long nanos = 0;
      if (bench) {
        long warmEnd = System.nanoTime() + 500_000_000L;
        while (System.nanoTime() < warmEnd) {
          runOnce(config, pre.copy(), block, analysed, data, Tracer.NO_OP);
        }
        long total = 0;
        int runs = 0;
        while (total < 1_000_000_000L || runs < 5) {
          MapEvmWorld w = pre.copy();
          long t0 = System.nanoTime();
          runOnce(config, w, block, analysed, data, Tracer.NO_OP);
          total += System.nanoTime() - t0;
          runs++;
        }
        nanos = total / runs;
      }
      Tracer tracer = trace ? new StandardJsonTracer(ctx.err()) : Tracer.NO_OP;
      MessageFrame frame = runOnce(config, pre.copy(), block, analysed, data, tracer);
      long used = gas - frame.gasRemaining();
      ctx.out().println("output: " + Hex.encode(frame.output()));
      ctx.out().println("gas used: " + used);
      String end =
          switch (frame.state()) {
            case SUCCESS -> "success";
            case REVERT -> "reverted";
            default -> "halted: " + frame.haltReason().message();
          };
      ctx.out().println("result: " + end);
      if (bench) {
        ctx.out()
            .println(
                String.format(
                    Locale.ROOT,
                    "time: %.3f ms (%.1f Mgas/s)",
                    nanos / 1e6,
                    nanos == 0 ? 0 : used * 1000.0 / nanos));
      }
      return 0;
    }

    private MessageFrame runOnce(
        EvmConfig config,
        MapEvmWorld world,
        BlockContext block,
        Code analysed,
        byte[] data,
        Tracer tracer) {
      TxScope scope = new TxScope();
      scope.warmAddress(SENDER);
      scope.warmAddress(CONTRACT);
      for (Address p : config.precompiles().keySet()) {
        scope.warmAddress(p);
      }
      ExecutionContext ec =
          new ExecutionContext(
              config, world, scope, block, SENDER, BigInteger.ONE, List.of(), tracer);
      MessageFrame frame =
          new MessageFrame(
              ec,
              MessageFrame.Type.MESSAGE_CALL,
              MessageFrame.CallKind.CALL,
              0,
              false,
              SENDER,
              CONTRACT,
              CONTRACT,
              BigInteger.ZERO,
              BigInteger.ZERO,
              data,
              analysed,
              null,
              gas,
              ec.stackFor(0),
              ec.memoryFor(0));
      Evm.execute(frame);
      return frame;
    }
  }
}
