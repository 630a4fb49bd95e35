package io.zgnode.tools.statetest;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the read-only shared folder beside the repository (fixtures, benchmarks). */
final class SharedFolder {
  private SharedFolder() {}

  /** The {@code zgnode.shared} property, else {@code ../shared} of the repository root. */
  static Path shared() {
    String prop = System.getProperty("zgnode.shared");
    if (prop != null && !prop.isBlank()) {
      return Path.of(prop).toAbsolutePath().normalize();
    }
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
      dir = dir.getParent();
    }
    Path root = dir == null ? Path.of("").toAbsolutePath() : dir;
    return root.resolve("../shared").normalize();
  }

  static Path ethereumTests(String folder) {
    Path p = shared().resolve("ethereum-tests").resolve(folder);
    if (!Files.isDirectory(p)) {
      throw new IllegalStateException(
          "ethereum/tests fixtures not found at " + p + " (set -Dzgnode.shared)");
    }
    return p;
  }
}
