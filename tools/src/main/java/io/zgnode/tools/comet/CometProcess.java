package io.zgnode.tools.comet;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * CometBFT running as a child process. Its stdout and stderr are copied line by line to ours with a
 * {@code [cometbft] } prefix, so one terminal or journal holds both processes' logs.
 */
public final class CometProcess {
  public static final String PREFIX = "[cometbft] ";

  private final Process process;
  private final List<Thread> pumps;

  private CometProcess(Process process, List<Thread> pumps) {
    this.process = process;
    this.pumps = pumps;
  }

  /** Starts {@code binary args...}; the child gets no stdin. */
  public static CometProcess start(Path binary, List<String> args, PrintStream out, PrintStream err)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(binary.toString());
    command.addAll(args);
    Process p = new ProcessBuilder(command).start();
    p.getOutputStream().close();
    List<Thread> pumps =
        List.of(
            pump("cometbft-stdout", p.getInputStream(), out),
            pump("cometbft-stderr", p.getErrorStream(), err));
    return new CometProcess(p, pumps);
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** Completes with the exit code when the process ends, for whatever reason. */
  public CompletableFuture<Integer> onExit() {
    return process.onExit().thenApply(Process::exitValue);
  }

  /**
   * Stops CometBFT: SIGTERM (it stops its services and flushes its stores), then SIGKILL if it is
   * still running after {@code grace}. Returns the result; waits for the last log lines.
   */
  public StopResult stop(Duration grace) throws InterruptedException {
    boolean killed = false;
    if (process.isAlive()) {
      // Signal through the handle: Process.destroy() also closes our end of the child's stdout
      // and stderr, and CometBFT, logging its shutdown, would then die of SIGPIPE.
      process.toHandle().destroy();
      if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        process.toHandle().destroyForcibly();
        process.waitFor();
        killed = true;
      }
    }
    drain();
    return new StopResult(process.exitValue(), killed);
  }

  /** Waits (briefly) until the output of a finished process has been copied. */
  public void drain() throws InterruptedException {
    for (Thread t : pumps) {
      t.join(Duration.ofSeconds(2));
    }
  }

  /** How the process ended: its exit code, and whether it had to be killed. */
  public record StopResult(int exitCode, boolean killed) {}

  private static Thread pump(String name, InputStream in, PrintStream to) {
    Thread t =
        Thread.ofPlatform()
            .name(name)
            .daemon(true)
            .start(() -> {
              try (BufferedReader r =
                  new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                  to.println(PREFIX + line);
                }
              } catch (IOException e) {
                // The pipe closes when the child dies; nothing left to copy.
              }
            });
    return t;
  }
}
