package io.zgnode.tools.node;

import io.zgnode.abci.app.ZgApplication;
import io.zgnode.abci.node.AbciNode;
import io.zgnode.chain.ChainOptions;
import io.zgnode.jsonrpc.JsonRpcService;
import io.zgnode.jsonrpc.RpcConfig;
import io.zgnode.jsonrpc.eth.CometTxBroadcaster;
import io.zgnode.tools.CliException;
import io.zgnode.tools.comet.CometProcess;
import io.zgnode.tools.home.AbciTransport;
import io.zgnode.tools.home.ListenAddress;
import io.zgnode.tools.home.NodeHome;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a node: the application behind its ABCI server, the Ethereum JSON-RPC, and (unless told
 * otherwise) CometBFT as a child process. Whatever ends the run (a signal, CometBFT exiting, a
 * fatal application error), the stop order is the same: the JSON-RPC first, so no client call
 * reaches a stopping node, then CometBFT, so it never talks to a closed application, then the ABCI
 * server, then the application, which closes its database.
 */
public final class NodeSupervisor {
  /** How long CometBFT gets to stop after SIGTERM before it is killed. */
  static final Duration COMET_STOP_GRACE = Duration.ofSeconds(10);

  /**
   * A Ctrl-C in a terminal reaches the whole process group, so CometBFT may exit a moment before
   * our own shutdown hook runs. An exit followed by a signal within this window is a clean stop.
   */
  static final Duration SIGNAL_RACE_WINDOW = Duration.ofSeconds(2);

  /** Upper bound for the whole stop sequence as seen from the shutdown hook. */
  static final Duration HOOK_WAIT = COMET_STOP_GRACE.plusSeconds(30);

  /**
   * What to run. An empty {@code cometBinary} serves ABCI only, for an external CometBFT.
   *
   * @param jsonRpc the JSON-RPC settings; not served when not {@code enabled()}
   * @param chainOptions the operator's chain options (replay protection, state retention)
   * @param cometRpc CometBFT's RPC, where eth_sendRawTransaction hands transactions over
   */
  public record Options(
      NodeHome home,
      AbciTransport transport,
      ListenAddress abciAddress,
      Optional<Path> cometBinary,
      boolean verbose,
      RpcConfig jsonRpc,
      ChainOptions chainOptions,
      URI cometRpc) {}

  /** What the JSON-RPC runs on; closed together, the service first. */
  private record Rpc(JsonRpcService service, CometTxBroadcaster broadcaster) {}

  private sealed interface Event {
    record Signal() implements Event {}

    record CometExited(int code) implements Event {}

    record Fatal(String method, Throwable cause) implements Event {}
  }

  private final Options options;
  private final PrintStream out;
  private final PrintStream err;
  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private final CountDownLatch finished = new CountDownLatch(1);
  private final AtomicInteger exitCode = new AtomicInteger(1);

  public NodeSupervisor(Options options, PrintStream out, PrintStream err) {
    this.options = options;
    this.out = out;
    this.err = err;
  }

  /**
   * Runs until a signal, CometBFT's exit or a fatal error; returns the process exit code (0 only
   * for a clean stop on a signal). {@code onStarted} runs once both processes are up.
   */
  public int run(Runnable onStarted) throws InterruptedException {
    Thread hook = Thread.ofPlatform().name("zgnode-shutdown").unstarted(this::onShutdownSignal);
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      int code = supervise(onStarted);
      exitCode.set(code);
      return code;
    } finally {
      finished.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // The JVM is already shutting down: the hook ends the process with our exit code.
      }
    }
  }

  private int supervise(Runnable onStarted) throws InterruptedException {
    ZgApplication app = openApplication();
    AbciNode abci;
    try {
      abci =
          AbciNode.start(
              app,
              AbciNode.Transport.parse(options.transport().configName()),
              options.abciAddress().host(),
              options.abciAddress().port(),
              (method, cause) -> events.add(new Event.Fatal(method, cause)));
    } catch (IOException | RuntimeException e) {
      closeQuietly(app);
      throw new CliException(
          "cannot serve ABCI on "
              + options.abciAddress()
              + ": "
              + withCause(e)
              + " (is another node using this port?)",
          e);
    }
    log("ABCI server (" + options.transport() + ") listening on " + options.abciAddress());

    Rpc rpc = null;
    if (options.jsonRpc().enabled()) {
      rpc = startJsonRpc(app, abci);
      log("JSON-RPC  " + rpc.service().httpUrl() + "  " + rpc.service().wsUrl());
    } else {
      log("JSON-RPC disabled ([json-rpc] enabled = false in " + options.home().appToml() + ")");
    }

    CometProcess comet = null;
    if (options.cometBinary().isPresent()) {
      try {
        comet = startComet(options.cometBinary().get());
      } catch (IOException e) {
        stopRpc(rpc);
        closeQuietly(abci);
        closeQuietly(app);
        throw new CliException("cannot start CometBFT: " + e.getMessage(), e);
      }
      comet.onExit().thenAccept(code -> events.add(new Event.CometExited(code)));
      log("CometBFT started (pid " + comet.pid() + ")");
    } else {
      log(
          "serving ABCI only (--no-comet); start CometBFT with --proxy_app "
              + options.transport().proxyApp(options.abciAddress())
              + " --abci "
              + options.transport().configName());
    }
    onStarted.run();

    Event first = events.take();
    return switch (first) {
      case Event.Signal s -> {
        log("signal received; stopping");
        yield stopAll(rpc, comet, abci, app) ? 0 : 1;
      }
      case Event.CometExited exited -> {
        Event next = events.poll(SIGNAL_RACE_WINDOW.toMillis(), TimeUnit.MILLISECONDS);
        if (next instanceof Event.Signal) {
          log("signal received; CometBFT already stopped (exit code " + exited.code() + ")");
          yield stopAll(rpc, comet, abci, app) ? 0 : 1;
        }
        stopAll(rpc, comet, abci, app);
        if (next instanceof Event.Fatal fatal) {
          // CometBFT stops itself when its ABCI connection fails: the application is the cause.
          yield reportFatal(fatal, comet != null);
        }
        err.println(
            "error: CometBFT exited on its own with exit code "
                + exited.code()
                + " (its log is above, prefixed "
                + CometProcess.PREFIX.strip()
                + "); the application was stopped");
        yield 1;
      }
      case Event.Fatal fatal -> {
        stopAll(rpc, comet, abci, app);
        yield reportFatal(fatal, comet != null);
      }
    };
  }

  private int reportFatal(Event.Fatal fatal, boolean withComet) {
    err.println(
        "error: the application failed in ABCI "
            + fatal.method()
            + ": "
            + fatal.cause()
            + "; the node was stopped"
            + (withComet ? " (CometBFT first)" : ""));
    if (options.verbose()) {
      fatal.cause().printStackTrace(err);
    }
    return 1;
  }

  private Rpc startJsonRpc(ZgApplication app, AbciNode abci) {
    RpcConfig config = options.jsonRpc();
    CometTxBroadcaster broadcaster = null;
    try {
      broadcaster = new CometTxBroadcaster(options.cometRpc());
      JsonRpcService service =
          JsonRpcService.start(app.chain(), config, broadcaster, clientVersion());
      return new Rpc(service, broadcaster);
    } catch (IOException | RuntimeException e) {
      if (broadcaster != null) {
        closeQuietly(broadcaster);
      }
      closeQuietly(abci);
      closeQuietly(app);
      throw new CliException(
          "cannot serve the JSON-RPC: "
              + withCause(e)
              + " (change [json-rpc] address / ws-address in "
              + options.home().appToml()
              + ", or set enabled = false)",
          e);
    }
  }

  /** What web3_clientVersion answers, shaped like geth's "Geth/v1.14.0/linux-amd64/go1.22". */
  static String clientVersion() {
    String version = io.zgnode.tools.BuildInfo.load().version();
    String os = System.getProperty("os.name", "unknown").toLowerCase(Locale.ROOT).split(" ")[0];
    String arch = System.getProperty("os.arch", "unknown");
    return "zgnode/v"
        + version
        + "/"
        + os
        + "-"
        + (arch.equals("x86_64") ? "amd64" : arch)
        + "/java"
        + Runtime.version().feature();
  }

  private void stopRpc(Rpc rpc) {
    if (rpc == null) {
      return;
    }
    log("stopping the JSON-RPC");
    closeQuietly(rpc.service());
    closeQuietly(rpc.broadcaster());
  }

  private ZgApplication openApplication() {
    try {
      return ZgApplication.open(
          options.home().dir(), io.zgnode.tools.BuildInfo.load().version(), options.chainOptions());
    } catch (RuntimeException e) {
      throw new CliException(
          "cannot open the application database "
              + options.home().appDatabase()
              + ": "
              + withCause(e),
          e);
    }
  }

  private CometProcess startComet(Path binary) throws IOException {
    List<String> args =
        List.of(
            "start",
            "--home",
            options.home().dir().toString(),
            "--proxy_app",
            options.transport().proxyApp(options.abciAddress()),
            "--abci",
            options.transport().configName());
    return CometProcess.start(binary, args, out, err);
  }

  /** Stops in order; true when everything stopped cleanly. */
  private boolean stopAll(Rpc rpc, CometProcess comet, AbciNode abci, ZgApplication app)
      throws InterruptedException {
    boolean clean = true;
    stopRpc(rpc);
    if (comet != null) {
      if (comet.isAlive()) {
        log("stopping CometBFT (pid " + comet.pid() + ")");
      }
      CometProcess.StopResult r = comet.stop(COMET_STOP_GRACE);
      if (r.killed()) {
        log("CometBFT did not stop within " + COMET_STOP_GRACE.toSeconds() + " s and was killed");
        clean = false;
      } else {
        log("CometBFT stopped (exit code " + r.exitCode() + ")");
        clean &= r.exitCode() == 0;
      }
    }
    boolean appClean = closeQuietly(abci);
    appClean &= closeQuietly(app);
    log(appClean ? "application stopped cleanly" : "application stopped with errors");
    return clean && appClean;
  }

  /** The shutdown hook: asks the supervising thread to stop, waits, and exits with its code. */
  private void onShutdownSignal() {
    events.add(new Event.Signal());
    try {
      if (!finished.await(HOOK_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        err.println("error: the node did not stop within " + HOOK_WAIT.toSeconds() + " s");
        Runtime.getRuntime().halt(1);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    err.flush();
    out.flush();
    // Without this the JVM reports 128+signal (143 for SIGTERM) even after a clean stop; a
    // supervisor (systemd, Cosmovisor, a test) should see 0 for a clean, requested stop.
    Runtime.getRuntime().halt(exitCode.get());
  }

  private boolean closeQuietly(AutoCloseable c) {
    try {
      c.close();
      return true;
    } catch (Exception e) {
      err.println("[zgnode] error while closing " + c.getClass().getSimpleName() + ": " + e);
      if (options.verbose()) {
        e.printStackTrace(err);
      }
      return false;
    }
  }

  /** A message and, when it adds something, its cause's ("Address already in use"). */
  private static String withCause(Throwable e) {
    String msg = String.valueOf(e.getMessage());
    Throwable c = e.getCause();
    if (c != null && c.getMessage() != null && !msg.contains(c.getMessage())) {
      return msg + ": " + c.getMessage();
    }
    return msg;
  }

  private void log(String message) {
    err.println("[zgnode] " + message);
  }
}
