package io.zgnode.tools.testnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** node.pid is believed only for a live zgnode process of the same home. */
class TestnetPidFileTest {
  @Test
  void noFileIsNeitherRunningNorStale(@TempDir Path home) {
    NodePidFile f = NodePidFile.of(home);
    assertEquals(Optional.empty(), f.runningPid());
    assertFalse(f.isStale());
  }

  @Test
  void deadGarbageOrForeignPidsAreStale(@TempDir Path home) throws Exception {
    NodePidFile f = NodePidFile.of(home);
    f.write(Long.MAX_VALUE - 1);
    assertTrue(f.isStale());
    Files.writeString(f.file(), "not a pid\n");
    assertTrue(f.isStale());
    // A live process that is not a node of this home (this test JVM): never signalled.
    f.write(ProcessHandle.current().pid());
    assertTrue(f.isStale());
    f.delete();
    assertFalse(Files.exists(f.file()));
  }

  @Test
  void aLiveNodeOfThisHomeIsRunning(@TempDir Path home) throws Exception {
    // A stand-in whose command line names the CLI's package and this home, as a node's does.
    Process p =
        new ProcessBuilder("/bin/sh", "-c", "sleep 60", "io.zgnode.tools.Main", home.toString())
            .start();
    try {
      NodePidFile f = NodePidFile.of(home);
      f.write(p.pid());
      assertEquals(Optional.of(p.pid()), f.runningPid());
      assertFalse(f.isStale());
      assertTrue(NodePidFile.of(home.resolve("other")).runningPid().isEmpty());
    } finally {
      p.destroyForcibly();
      p.waitFor(10, TimeUnit.SECONDS);
    }
  }
}
