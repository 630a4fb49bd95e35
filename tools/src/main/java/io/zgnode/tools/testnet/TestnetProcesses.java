package io.zgnode.tools.testnet;

import com.fasterxml.jackson.databind.JsonNode;
import io.zgnode.tools.CliException;
import io.zgnode.tools.node.SelfCommand;
import io.zgnode.tools.rpc.CometRpc;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs the nodes of a testnet as background processes ({@code zgnode start --home DIR/nodeI}, one
 * JVM each supervising its CometBFT), with their output in {@code node.log} and their pid in {@code
 * node.pid}, and stops them with SIGTERM: the same clean stop a Ctrl-C gives a foreground node.
 */
public final class TestnetProcesses {
  public static final String LOG = "node.log";

  /** The height every node must reach before {@code start} reports the network up. */
  public static final long READY_HEIGHT = 2;

  private static final Duration POLL = Duration.ofMillis(250);

  private final Path dir;
  private final TestnetManifest manifest;
  private final PrintStream out;

  public TestnetProcesses(Path dir, PrintStream out) {
    this.dir = dir.toAbsolutePath().normalize();
    this.manifest = TestnetManifest.read(this.dir);
    this.out = out;
  }

  public TestnetManifest manifest() {
    return manifest;
  }

  public Path home(TestnetManifest.NodeEntry n) {
    return dir.resolve(n.home());
  }

  /**
   * Starts every node that is not running, then waits until each answers on its CometBFT RPC at
   * height {@link #READY_HEIGHT} or more. A node that exits while waiting, or the deadline, is an
   * error naming the node and its log; the nodes already started keep running (stop them with
   * {@link #stop}).
   */
  public void start(Duration timeout) throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    List<Process> started = new ArrayList<>();
    List<TestnetManifest.NodeEntry> launched = new ArrayList<>();
    for (TestnetManifest.NodeEntry n : manifest.nodes()) {
      Path home = home(n);
      NodePidFile pidFile = NodePidFile.of(home);
      Optional<Long> running = pidFile.runningPid();
      if (running.isPresent()) {
        out.println(n.moniker() + ": already running (pid " + running.get() + ")");
        continue;
      }
      if (pidFile.isStale()) {
        out.println(n.moniker() + ": removing the stale " + pidFile.file());
        pidFile.delete();
      }
      Process p = launch(home);
      pidFile.write(p.pid());
      started.add(p);
      launched.add(n);
      out.println(n.moniker() + ": started (pid " + p.pid() + ", log " + home.resolve(LOG) + ")");
    }
    for (TestnetManifest.NodeEntry n : manifest.nodes()) {
      int k = launched.indexOf(n);
      awaitReady(n, k < 0 ? null : started.get(k), deadline, timeout);
    }
  }

  /**
   * Sends SIGTERM to every running node, then waits for all of them until the deadline; a node
   * still running then is killed (with its CometBFT). Stale pid files are removed. Returns true
   * when every node stopped cleanly (or was not running).
   */
  public boolean stop(Duration timeout) throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    record Stopping(
        TestnetManifest.NodeEntry node, ProcessHandle process, List<ProcessHandle> kids) {}
    List<Stopping> stopping = new ArrayList<>();
    for (TestnetManifest.NodeEntry n : manifest.nodes()) {
      NodePidFile pidFile = NodePidFile.of(home(n));
      Optional<ProcessHandle> h = pidFile.runningProcess();
      if (h.isEmpty()) {
        if (pidFile.isStale()) {
          pidFile.delete();
          out.println(n.moniker() + ": not running (stale pid file removed)");
        } else {
          out.println(n.moniker() + ": not running");
        }
        continue;
      }
      List<ProcessHandle> kids = h.get().descendants().toList();
      h.get().destroy();
      stopping.add(new Stopping(n, h.get(), kids));
    }
    boolean clean = true;
    for (Stopping s : stopping) {
      boolean exited = awaitExit(s.process(), deadline);
      if (!exited) {
        s.process().destroyForcibly();
        s.kids().forEach(ProcessHandle::destroyForcibly);
        clean = false;
        out.println(
            s.node().moniker()
                + ": did not stop within "
                + timeout.toSeconds()
                + " s; killed (pid "
                + s.process().pid()
                + ")");
      } else {
        // The node stops its CometBFT before it exits; one left over (a kill) goes too.
        s.kids().stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        out.println(s.node().moniker() + ": stopped (pid " + s.process().pid() + ")");
      }
      NodePidFile.of(home(s.node())).delete();
    }
    return clean;
  }

  /** Stops one node (by its index), as {@link #stop} does for all. */
  public boolean stopNode(int index, Duration timeout) throws IOException, InterruptedException {
    TestnetManifest.NodeEntry n = node(index);
    NodePidFile pidFile = NodePidFile.of(home(n));
    Optional<ProcessHandle> h = pidFile.runningProcess();
    if (h.isEmpty()) {
      pidFile.delete();
      out.println(n.moniker() + ": not running");
      return true;
    }
    List<ProcessHandle> kids = h.get().descendants().toList();
    h.get().destroy();
    boolean exited = awaitExit(h.get(), Instant.now().plus(timeout));
    if (!exited) {
      h.get().destroyForcibly();
      kids.forEach(ProcessHandle::destroyForcibly);
    }
    pidFile.delete();
    out.println(
        n.moniker() + (exited ? ": stopped" : ": killed after " + timeout.toSeconds() + " s"));
    return exited;
  }

  public TestnetManifest.NodeEntry node(int index) {
    if (index < 0 || index >= manifest.nodes().size()) {
      throw new CliException(
          "no node " + index + " in " + dir + " (it has " + manifest.nodes().size() + ")");
    }
    return manifest.nodes().get(index);
  }

  private Process launch(Path home) throws IOException {
    List<String> cmd = new ArrayList<>();
    SelfCommand.setsid().ifPresent(p -> cmd.add(p.toString()));
    cmd.addAll(SelfCommand.of(List.of("start", "--home", home.toString())));
    File log = home.resolve(LOG).toFile();
    return new ProcessBuilder(cmd)
        .directory(home.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log))
        .start();
  }

  private void awaitReady(
      TestnetManifest.NodeEntry n, Process process, Instant deadline, Duration timeout)
      throws IOException, InterruptedException {
    CometRpc rpc = new CometRpc(n.cometRpc());
    while (true) {
      if (process != null && !process.isAlive()) {
        NodePidFile.of(home(n)).delete();
        throw new CliException(
            n.moniker()
                + " exited with code "
                + process.exitValue()
                + " while starting; its log "
                + home(n).resolve(LOG)
                + " ends with: "
                + lastLine(home(n).resolve(LOG)));
      }
      long height = height(rpc);
      if (height >= READY_HEIGHT) {
        return;
      }
      if (Instant.now().isAfter(deadline)) {
        throw new CliException(
            n.moniker()
                + " did not reach height "
                + READY_HEIGHT
                + " within "
                + timeout.toSeconds()
                + " s (last seen "
                + (height < 0 ? "no answer from " + n.cometRpc() : "height " + height)
                + "); see "
                + home(n).resolve(LOG)
                + "; the started nodes keep running: zgnode testnet stop "
                + dir);
      }
      Thread.sleep(POLL.toMillis());
    }
  }

  /** The node's latest height, or -1 while its RPC does not answer. */
  static long height(CometRpc rpc) {
    try {
      JsonNode status = rpc.status();
      return status.path("sync_info").path("latest_block_height").asLong(-1);
    } catch (CliException e) {
      return -1;
    }
  }

  private static boolean awaitExit(ProcessHandle h, Instant deadline) throws InterruptedException {
    while (h.isAlive()) {
      if (Instant.now().isAfter(deadline)) {
        return false;
      }
      Thread.sleep(POLL.toMillis());
    }
    return true;
  }

  private static String lastLine(Path log) {
    try {
      List<String> lines =
          Files.readAllLines(log, StandardCharsets.UTF_8).stream()
              .filter(l -> !l.isBlank())
              .toList();
      return lines.isEmpty() ? "(empty)" : lines.get(lines.size() - 1).strip();
    } catch (IOException e) {
      return "(unreadable: " + e.getMessage() + ")";
    }
  }
}
