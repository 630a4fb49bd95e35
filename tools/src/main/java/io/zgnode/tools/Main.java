package io.zgnode.tools;

import io.zgnode.tools.cli.BenchCommand;
import io.zgnode.tools.cli.CliContext;
import io.zgnode.tools.cli.DevnetCommand;
import io.zgnode.tools.cli.EvmCommand;
import io.zgnode.tools.cli.InitCommand;
import io.zgnode.tools.cli.KeysCommand;
import io.zgnode.tools.cli.QueryCommand;
import io.zgnode.tools.cli.StartCommand;
import io.zgnode.tools.cli.StatusCommand;
import io.zgnode.tools.cli.TestnetCommand;
import io.zgnode.tools.cli.VersionCommand;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code zgnode} command line. Every verb answers {@code --help}; an error is one line on
 * stderr ({@code error: ...}) with exit code 2 for a usage mistake and 1 otherwise. Stack traces
 * only with {@code --verbose} or {@code ZGNODE_DEBUG} set.
 */
@Command(
    name = "zgnode",
    mixinStandardHelpOptions = true,
    versionProvider = Main.VersionProvider.class,
    description = "A Cosmos-style validator node: an ABCI 2.0 application driven by CometBFT.",
    subcommands = {
      InitCommand.class,
      StartCommand.class,
      DevnetCommand.class,
      TestnetCommand.class,
      StatusCommand.class,
      VersionCommand.class,
      QueryCommand.class,
      BenchCommand.class,
      EvmCommand.class,
      KeysCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {
  public static final int EXIT_ERROR = 1;
  public static final int EXIT_USAGE = 2;

  @Spec CommandSpec spec;

  @Option(
      names = "--verbose",
      scope = ScopeType.INHERIT,
      description = "Print stack traces with errors (also: ZGNODE_DEBUG=1).")
  boolean verbose;

  /**
   * One line per java.util.logging record, in the style of the node's own {@code [zgnode]} lines
   * (the JDK default spreads each record over two lines). An explicit -D setting wins.
   */
  static final String LOG_FORMAT = "[zgnode] %4$s %5$s%6$s%n";

  public static void main(String[] args) {
    if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
      System.setProperty("java.util.logging.SimpleFormatter.format", LOG_FORMAT);
    }
    int code = execute(args, System.out, System.err);
    System.out.flush();
    System.exit(code);
  }

  /** Runs one command line; returns the exit code. */
  public static int execute(String[] args, PrintStream out, PrintStream err) {
    return execute(args, System.in, out, err);
  }

  /** Runs one command line with {@code in} as its standard input; returns the exit code. */
  public static int execute(String[] args, InputStream in, PrintStream out, PrintStream err) {
    boolean verbose =
        Arrays.stream(args).takeWhile(a -> !a.equals("--")).anyMatch(a -> a.equals("--verbose"))
            || isSet(System.getenv("ZGNODE_DEBUG"));
    CliContext ctx = new CliContext(out, err, verbose, in);
    CommandLine cl = new CommandLine(new Main(), new Factory(ctx));
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    cl.setParameterExceptionHandler((ex, argv) -> {
      String name = ex.getCommandLine().getCommandSpec().qualifiedName();
      err.println("error: " + oneLine(ex.getMessage()) + " (see '" + name + " --help')");
      if (verbose) {
        ex.printStackTrace(err);
      }
      return EXIT_USAGE;
    });
    cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
      err.println("error: " + describe(ex));
      if (verbose) {
        ex.printStackTrace(err);
      } else if (!(ex instanceof CliException)) {
        err.println("(run with --verbose for the stack trace)");
      }
      return EXIT_ERROR;
    });
    return cl.execute(args);
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing command");
  }

  /** A user error's message as is; anything else with its type, as it is not expected. */
  static String describe(Throwable ex) {
    if (ex instanceof CliException) {
      return oneLine(ex.getMessage());
    }
    String msg = ex.getMessage();
    String type = ex.getClass().getSimpleName();
    return oneLine(msg == null || msg.isBlank() ? type : type + ": " + msg);
  }

  static String oneLine(String s) {
    return s == null ? "" : s.strip().replaceAll("\\s*\\R\\s*", " ");
  }

  private static boolean isSet(String v) {
    return v != null && !v.isBlank() && !v.equals("0") && !v.equalsIgnoreCase("false");
  }

  /** Gives each command the shared {@link CliContext} through its constructor. */
  private record Factory(CliContext ctx) implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> cls) throws Exception {
      try {
        Constructor<K> c = cls.getDeclaredConstructor(CliContext.class);
        return c.newInstance(ctx);
      } catch (NoSuchMethodException e) {
        return CommandLine.defaultFactory().create(cls);
      }
    }
  }

  /** {@code zgnode --version}: the same facts as the {@code version} verb. */
  static final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      BuildInfo info = BuildInfo.load();
      return new String[] {
        "zgnode " + info.version(),
        "commit: " + info.commit(),
        "cometbft: " + info.cometbftVersion()
      };
    }
  }
}
