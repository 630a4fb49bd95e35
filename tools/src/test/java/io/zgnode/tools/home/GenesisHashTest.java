package io.zgnode.tools.home;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zgnode.tools.CliException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenesisHashTest {
  /** sha256("abc"), FIPS 180-2's first example. */
  private static final String ABC =
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

  @Test
  void hashesTheFileBytes(@TempDir Path dir) throws Exception {
    Path g = Files.writeString(dir.resolve("genesis.json"), "abc");
    assertEquals(ABC, GenesisHash.of(g));
  }

  @Test
  void acceptsTheExpectedHashInAnyCaseWithOrWithout0x(@TempDir Path dir) throws Exception {
    Path g = Files.writeString(dir.resolve("genesis.json"), "abc");
    assertDoesNotThrow(() -> GenesisHash.verify(g, Optional.of(ABC), "test"));
    assertDoesNotThrow(() -> GenesisHash.verify(g, Optional.of("0x" + ABC.toUpperCase()), "test"));
    assertDoesNotThrow(() -> GenesisHash.verify(g, Optional.empty(), "test"));
  }

  @Test
  void refusesAnotherGenesisSayingBothHashes(@TempDir Path dir) throws Exception {
    Path g = Files.writeString(dir.resolve("genesis.json"), "abd");
    CliException e =
        assertThrows(CliException.class, () -> GenesisHash.verify(g, Optional.of(ABC), "app.toml"));
    assertTrue(e.getMessage().contains("expects " + ABC), e.getMessage());
    assertTrue(e.getMessage().contains("not the network's genesis"), e.getMessage());
  }

  @Test
  void refusesAMalformedExpectedHash(@TempDir Path dir) throws Exception {
    Path g = Files.writeString(dir.resolve("genesis.json"), "abc");
    CliException e =
        assertThrows(
            CliException.class,
            () -> GenesisHash.verify(g, Optional.of("abc123"), "--genesis-sha256"));
    assertTrue(e.getMessage().contains("must be 64 hex digits"), e.getMessage());
  }

  @Test
  void readsTheConfiguredHashFromAppToml(@TempDir Path dir) throws Exception {
    Path toml = Files.writeString(dir.resolve("app.toml"), "[genesis]\nsha256 = \"" + ABC + "\"\n");
    assertEquals(Optional.of(ABC), GenesisHash.configured(toml));
    Path empty = Files.writeString(dir.resolve("empty.toml"), "[genesis]\nsha256 = \"\"\n");
    assertEquals(Optional.empty(), GenesisHash.configured(empty));
  }
}
