package io.zgnode.tools.comet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Supervision of a child process, with small shell scripts standing in for CometBFT. */
class CometProcessTest {
  private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
  private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
  private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

  private static Path script(Path dir, String body) throws Exception {
    Path s = dir.resolve("fake-cometbft");
    Files.writeString(s, "#!/bin/sh\n" + body);
    Files.setPosixFilePermissions(s, PosixFilePermissions.fromString("rwx------"));
    return s;
  }

  @Test
  void forwardsBothStreamsWithPrefixAndReportsExitCode(@TempDir Path tmp) throws Exception {
    Path bin = script(tmp, "echo \"args: $*\"\necho oops >&2\nexit 3\n");
    CometProcess p = CometProcess.start(bin, List.of("start", "--home", "/h"), out, err);
    assertEquals(3, p.onExit().get(10, TimeUnit.SECONDS));
    p.drain();
    assertEquals("[cometbft] args: start --home /h\n", outBytes.toString(StandardCharsets.UTF_8));
    assertEquals("[cometbft] oops\n", errBytes.toString(StandardCharsets.UTF_8));
  }

  @Test
  void stopSendsSigtermAndWaits(@TempDir Path tmp) throws Exception {
    Path ready = tmp.resolve("ready");
    Path bin =
        script(
            tmp,
            "trap 'echo got TERM; exit 0' TERM\ntouch "
                + ready
                + "\nwhile true; do sleep 0.1; done\n");
    CometProcess p = CometProcess.start(bin, List.of(), out, err);
    awaitFile(ready);
    CometProcess.StopResult r = p.stop(Duration.ofSeconds(10));
    assertEquals(new CometProcess.StopResult(0, false), r);
    assertFalse(p.isAlive());
    assertTrue(outBytes.toString(StandardCharsets.UTF_8).contains("[cometbft] got TERM"));
  }

  @Test
  void aChildThatIgnoresSigtermIsKilledAfterTheGrace(@TempDir Path tmp) throws Exception {
    Path ready = tmp.resolve("ready");
    Path bin = script(tmp, "trap '' TERM\ntouch " + ready + "\nwhile true; do sleep 0.1; done\n");
    CometProcess p = CometProcess.start(bin, List.of(), out, err);
    awaitFile(ready);
    CometProcess.StopResult r = p.stop(Duration.ofMillis(300));
    assertTrue(r.killed());
    assertEquals(137, r.exitCode(), "128 + SIGKILL");
    assertFalse(p.isAlive());
  }

  private static void awaitFile(Path f) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!Files.exists(f)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the child did not start within 10 s");
      }
      Thread.sleep(10);
    }
  }
}
