package io.zgnode.tools.comet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zgnode.tools.CliException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CometLocatorTest {
  private static Path fakeBinary(Path dir) throws Exception {
    Files.createDirectories(dir);
    Path bin = dir.resolve("cometbft");
    Files.writeString(bin, "#!/bin/sh\necho 0.38.26\n");
    Files.setPosixFilePermissions(bin, PosixFilePermissions.fromString("rwxr-xr-x"));
    return bin;
  }

  @Test
  void lookupOrderIsOverrideGobinGopathHomePath(@TempDir Path tmp) throws Exception {
    Path gobin = tmp.resolve("gobin");
    Path gopath = tmp.resolve("gopath");
    Path home = tmp.resolve("home");
    Path pathDir = tmp.resolve("path");
    Map<String, String> env =
        Map.of("GOBIN", gobin.toString(), "GOPATH", gopath.toString(), "PATH", pathDir.toString());
    CometLocator locator = new CometLocator(env, home);
    assertEquals(
        java.util.List.of(
            gobin.resolve("cometbft"),
            gopath.resolve("bin/cometbft"),
            home.resolve("go/bin/cometbft"),
            pathDir.resolve("cometbft")),
        locator.candidates());

    assertEquals(Optional.empty(), locator.locate());
    Path onPath = fakeBinary(pathDir);
    assertEquals(Optional.of(onPath), locator.locate());
    Path inHome = fakeBinary(home.resolve("go/bin"));
    assertEquals(Optional.of(inHome), locator.locate());
    Path inGopath = fakeBinary(gopath.resolve("bin"));
    assertEquals(Optional.of(inGopath), locator.locate());
    Path inGobin = fakeBinary(gobin);
    assertEquals(Optional.of(inGobin), locator.locate());

    Path override = fakeBinary(tmp.resolve("custom"));
    Map<String, String> withOverride =
        Map.of("ZGNODE_COMETBFT", override.toString(), "GOBIN", gobin.toString());
    assertEquals(Optional.of(override), new CometLocator(withOverride, home).locate());
    assertEquals(Optional.of("0.38.26"), CometLocator.version(override));
  }

  @Test
  void badOverrideAndMissingBinaryAreClearErrors(@TempDir Path tmp) {
    CometLocator bad =
        new CometLocator(Map.of("ZGNODE_COMETBFT", tmp.resolve("nope").toString()), tmp);
    CliException e = assertThrows(CliException.class, bad::locate);
    assertTrue(e.getMessage().startsWith("ZGNODE_COMETBFT="), e.getMessage());

    CometLocator none =
        new CometLocator(
            Map.of("GOBIN", tmp.toString(), "GOPATH", tmp.toString(), "PATH", ""), tmp);
    e = assertThrows(CliException.class, none::require);
    assertTrue(e.getMessage().endsWith("install it with scripts/install-cometbft.sh"));
  }
}
