package io.zgnode.tools.home;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.zgnode.tools.comet.CometLocator;
import java.nio.file.Path;
import java.util.Optional;

/** The real CometBFT binary for tests that run {@code cometbft init}, found as the CLI finds it. */
final class TestComet {
  private TestComet() {}

  static Path requireOrSkip() {
    Optional<Path> bin = CometLocator.system().locate();
    assumeTrue(
        bin.isPresent(),
        "CometBFT is not installed (run scripts/install-cometbft.sh); tests that run the real"
            + " 'cometbft init' are skipped");
    return bin.get();
  }
}
