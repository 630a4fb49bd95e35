package io.zgnode.tools.comet;

import io.zgnode.tools.CliException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Runs {@code scripts/install-cometbft.sh}, which installs the pinned CometBFT with Go. */
public final class CometInstaller {
  /** Set by the {@code ./zgnode} launcher to the repository root. */
  public static final String ROOT_PROPERTY = "zgnode.root";

  private CometInstaller() {}

  /** Installs (or finds) the pinned CometBFT and returns the binary's path. */
  public static Path install() {
    Path script = script();
    System.err.println("[zgnode] CometBFT is missing; installing it with " + script);
    try {
      Process p =
          new ProcessBuilder(List.of("bash", script.toString()))
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
      p.getOutputStream().close();
      String out;
      try (InputStream in = p.getInputStream()) {
        out = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
      }
      int code = p.waitFor();
      if (code != 0) {
        throw new CliException(
            CometLocator.INSTALL_SCRIPT + " failed with exit code " + code + " (see above)");
      }
      List<String> lines = out.lines().toList();
      Path bin = lines.isEmpty() ? null : Path.of(lines.get(lines.size() - 1).strip());
      if (bin == null || !Files.isExecutable(bin)) {
        throw new CliException(
            CometLocator.INSTALL_SCRIPT + " did not print the path of an executable: " + out);
      }
      return bin;
    } catch (IOException e) {
      throw new CliException("cannot run " + script + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException("interrupted while installing CometBFT", e);
    }
  }

  private static Path script() {
    String root = System.getProperty(ROOT_PROPERTY);
    Path dir = root != null ? Path.of(root) : jarRoot();
    Path script = dir == null ? null : dir.resolve(CometLocator.INSTALL_SCRIPT);
    if (script == null || !Files.isRegularFile(script)) {
      throw new CliException(
          "CometBFT is not installed and "
              + CometLocator.INSTALL_SCRIPT
              + " was not found (run zgnode through the ./zgnode launcher of a checkout, or set "
              + CometLocator.ENV_OVERRIDE
              + ")");
    }
    return script;
  }

  /** The checkout that holds this jar ({@code ROOT/tools/target/zgnode-tools-*.jar}). */
  private static Path jarRoot() {
    try {
      var source = CometInstaller.class.getProtectionDomain().getCodeSource();
      if (source == null) {
        return null;
      }
      Path p = Path.of(source.getLocation().toURI());
      // tools/target/x.jar or tools/target/classes -> up three levels is the root
      Path root = p.getParent() == null ? null : p.getParent().getParent();
      return root == null ? null : root.getParent();
    } catch (java.net.URISyntaxException | IllegalArgumentException | SecurityException e) {
      return null;
    }
  }
}
