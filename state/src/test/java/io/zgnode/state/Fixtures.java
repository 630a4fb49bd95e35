package io.zgnode.state;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the shared Ethereum test fixtures (read-only, outside the repository). */
public final class Fixtures {
  private Fixtures() {}

  /**
   * The shared directory: the {@code zgnode.shared} system property (set by Surefire), else {@code
   * ../shared} next to the repository root, looked up from the working directory.
   */
  public static Path shared() {
    String prop = System.getProperty("zgnode.shared");
    if (prop != null && !prop.isBlank()) {
      return Path.of(prop).toAbsolutePath().normalize();
    }
    Path dir = Path.of("").toAbsolutePath();
    for (Path d = dir; d != null; d = d.getParent()) {
      if (Files.exists(d.resolve("mvnw"))) {
        return d.resolve("../shared").normalize();
      }
    }
    return dir.resolve("../shared").normalize();
  }

  public static Path ethereumTests(String sub) {
    Path p = shared().resolve("ethereum-tests").resolve(sub);
    if (!Files.isDirectory(p)) {
      throw new IllegalStateException(
          "Ethereum test fixtures not found at " + p + " (set -Dzgnode.shared=/path/to/shared)");
    }
    return p;
  }
}
