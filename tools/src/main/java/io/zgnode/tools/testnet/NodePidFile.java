package io.zgnode.tools.testnet;

import io.zgnode.tools.CliException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code node.pid} in a node home: the pid of the node's JVM that {@code testnet start} launched. A
 * pid file is only believed while its process is alive and is a zgnode node of this home, so a
 * stale file (a crash, a reboot, a reused pid) is recognised and never gets a signal sent to a
 * stranger.
 */
public record NodePidFile(Path file, Path home) {
  public static final String NAME = "node.pid";

  public static NodePidFile of(Path home) {
    return new NodePidFile(home.resolve(NAME), home);
  }

  /** The pid written in the file, if there is a file. */
  public Optional<Long> pid() {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.US_ASCII).strip();
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new CliException("cannot read " + file + ": " + e.getMessage(), e);
    }
    try {
      return Optional.of(Long.parseLong(text));
    } catch (NumberFormatException e) {
      // A torn or edited file names no process we can trust: treat it as stale.
      return Optional.of(-1L);
    }
  }

  /** The node's process when the file names a live zgnode process running this home. */
  public Optional<ProcessHandle> runningProcess() {
    return pid().filter(p -> p > 0).flatMap(ProcessHandle::of).filter(this::isThisNode);
  }

  public Optional<Long> runningPid() {
    return runningProcess().map(ProcessHandle::pid);
  }

  /** True when there is a file but no live node behind it. */
  public boolean isStale() {
    return pid().isPresent() && runningProcess().isEmpty();
  }

  public void write(long pid) throws IOException {
    Path tmp = file.resolveSibling(NAME + ".tmp");
    Files.writeString(tmp, pid + "\n", StandardCharsets.US_ASCII);
    Files.move(
        tmp,
        file,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  public void delete() throws IOException {
    Files.deleteIfExists(file);
  }

  private boolean isThisNode(ProcessHandle h) {
    if (!h.isAlive()) {
      return false;
    }
    // Without a visible command line (another user's process, some platforms) trust the file.
    return h.info()
        .commandLine()
        .map(cl -> cl.contains("io.zgnode.tools") && cl.contains(home.toString()))
        .orElse(true);
  }
}
