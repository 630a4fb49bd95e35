package io.zgnode.tools.comet;

import io.zgnode.tools.CliException;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Finds the CometBFT binary, in this order: {@code $ZGNODE_COMETBFT}, {@code $GOBIN/cometbft}, the
 * Go workspace's {@code bin/cometbft} ({@code $GOPATH}, then {@code ~/go}), then {@code PATH}.
 * {@code GOBIN} and {@code GOPATH} not set in the environment are asked of {@code go env}. The
 * install script puts the binary where {@code go install} does, so this finds it.
 */
public final class CometLocator {
  public static final String ENV_OVERRIDE = "ZGNODE_COMETBFT";
  public static final String INSTALL_SCRIPT = "scripts/install-cometbft.sh";

  private final Map<String, String> env;
  private final Path userHome;

  public CometLocator(Map<String, String> env, Path userHome) {
    this.env = env;
    this.userHome = userHome;
  }

  public static CometLocator system() {
    return new CometLocator(System.getenv(), Path.of(System.getProperty("user.home")));
  }

  /** The places looked at after {@code $ZGNODE_COMETBFT}, in order. */
  public List<Path> candidates() {
    List<Path> out = new ArrayList<>();
    GoSettings go = goSettings();
    if (!go.gobin().isBlank()) {
      out.add(Path.of(go.gobin(), "cometbft"));
    }
    List<Path> workspaces = new ArrayList<>();
    for (String ws : go.gopath().split(File.pathSeparator)) {
      if (!ws.isBlank()) {
        workspaces.add(Path.of(ws));
      }
    }
    workspaces.add(userHome.resolve("go"));
    for (Path ws : workspaces) {
      addOnce(out, ws.resolve("bin").resolve("cometbft"));
    }
    for (String dir : env.getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (!dir.isBlank()) {
        addOnce(out, Path.of(dir, "cometbft"));
      }
    }
    return out;
  }

  /**
   * {@code GOBIN} and {@code GOPATH}: from the environment, else as {@code go env} reports them
   * (which includes settings saved with {@code go env -w}, where the install script's {@code go
   * install} puts the binary).
   */
  private GoSettings goSettings() {
    String gobin = env.getOrDefault("GOBIN", "");
    String gopath = env.getOrDefault("GOPATH", "");
    if (gobin.isBlank() || gopath.isBlank()) {
      List<String> lines = run(List.of("go", "env", "GOBIN", "GOPATH")).orElse(List.of());
      if (lines.size() >= 2) {
        gobin = gobin.isBlank() ? lines.get(0).strip() : gobin;
        gopath = gopath.isBlank() ? lines.get(1).strip() : gopath;
      }
    }
    return new GoSettings(gobin, gopath);
  }

  private record GoSettings(String gobin, String gopath) {}

  private static void addOnce(List<Path> list, Path p) {
    if (!list.contains(p)) {
      list.add(p);
    }
  }

  /** The binary, or empty when none is installed. An override that is not usable is an error. */
  public Optional<Path> locate() {
    String override = env.get(ENV_OVERRIDE);
    if (override != null && !override.isBlank()) {
      Path p = Path.of(override);
      if (!Files.isRegularFile(p) || !Files.isExecutable(p)) {
        throw new CliException(ENV_OVERRIDE + "=" + override + " is not an executable file");
      }
      return Optional.of(p.toAbsolutePath());
    }
    return candidates().stream()
        .filter(p -> Files.isRegularFile(p) && Files.isExecutable(p))
        .findFirst();
  }

  /** The binary; when missing, an error that names the install script. */
  public Path require() {
    return locate()
        .orElseThrow(() ->
            new CliException(
                "CometBFT is not installed (looked at $"
                    + ENV_OVERRIDE
                    + ", $GOBIN, the Go workspace's bin and PATH); install it with "
                    + INSTALL_SCRIPT));
  }

  /** What {@code cometbft version} prints (e.g. {@code 0.38.26}), empty if it cannot be run. */
  public static Optional<String> version(Path binary) {
    return run(List.of(binary.toString(), "version"))
        .flatMap(lines -> lines.stream().map(String::strip).filter(l -> !l.isEmpty()).findFirst());
  }

  /** The stdout lines of a short command, or empty if it cannot run or fails. */
  private static Optional<List<String>> run(List<String> command) {
    try {
      Process p =
          new ProcessBuilder(command)
              .redirectErrorStream(false)
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      p.getOutputStream().close();
      String out;
      try (InputStream in = p.getInputStream()) {
        out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return Optional.empty();
      }
      if (p.exitValue() != 0) {
        return Optional.empty();
      }
      return Optional.of(out.lines().toList());
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
