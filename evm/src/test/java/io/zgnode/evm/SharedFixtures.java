package io.zgnode.evm;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the read-only ethereum/tests fixtures in the shared folder beside the repository. */
public final class SharedFixtures {
  private SharedFixtures() {}

  /** The shared folder: the {@code zgnode.shared} property, else {@code ../shared} of the repo. */
  public static Path shared() {
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

  /** A folder of the ethereum/tests fixtures; fails clearly when it is missing. */
  public static Path ethereumTests(String folder) {
    Path p = shared().resolve("ethereum-tests").resolve(folder);
    if (!Files.isDirectory(p)) {
      throw new IllegalStateException(
          "ethereum/tests fixtures not found at "
              + p
              + " (set -Dzgnode.shared to the shared folder)");
    }
    return p;
  }
}
