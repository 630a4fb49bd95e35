package io.zgnode.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The real thing: {@code ./zgnode devnet} as a child process (the launcher, the jar, the
 * application and CometBFT), on free ports. It must reach height 3 within 60 s, stop cleanly on
 * SIGTERM (exit 0, CometBFT stopped first with exit 0, database closed), and resume the same chain.
 */
class DevnetIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long HEIGHT_DEADLINE_S = 60;

  private static Path root() {
    String p = System.getProperty("zgnode.root");
    return (p != null ? Path.of(p) : Path.of("..")).toAbsolutePath().normalize();
  }

  @ParameterizedTest
  @ValueSource(strings = {"socket", "grpc"})
  void devnetProducesBlocksStopsCleanlyAndResumes(String transport, @TempDir Path tmp)
      throws Exception {
    Path home = tmp.resolve("devnet");
    List<String> ports = freePorts();
    List<String> args =
        new ArrayList<>(
            List.of(
                "devnet",
                "--home",
                home.toString(),
                "--fresh",
                "--abci",
                transport,
                "--rpc-port",
                ports.get(0),
                "--p2p-port",
                ports.get(1),
                "--abci-port",
                ports.get(2),
                // Free ports for the JSON-RPC too, so a devnet on 8545/8546 cannot clash.
                "--json-rpc-port",
                ports.get(3),
                "--ws-port",
                ports.get(4)));

    Path log1 = tmp.resolve("run1.log");
    long height = runUntilHeight(args, home, log1, 3);
    String out = Files.readString(log1);
    assertTrue(out.contains("zgnode devnet is running"), out);
    assertTrue(out.contains("EVM chain id   36767"), out);
    assertTrue(out.contains("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"), out);
    assertTrue(
        out.contains(
            "JSON-RPC       http://127.0.0.1:" + ports.get(3) + "  ws://127.0.0.1:" + ports.get(4)),
        out);
    assertTrue(out.contains("[zgnode] CometBFT stopped (exit code 0)"), tail(out));
    assertTrue(out.contains("[zgnode] application stopped cleanly"), tail(out));

    // Without --fresh the same chain continues past where it stopped.
    args.remove("--fresh");
    Path log2 = tmp.resolve("run2.log");
    long resumed = runUntilHeight(args, home, log2, height + 2);
    assertTrue(resumed > height);
    assertTrue(
        Files.readString(log2).contains("resuming the devnet"), tail(Files.readString(log2)));
  }

  /** Starts the devnet, waits for {@code target} height, SIGTERMs it, checks a clean stop. */
  private static long runUntilHeight(List<String> args, Path home, Path log, long target)
      throws Exception {
    Process node = launcher(args).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    Optional<ProcessHandle> comet = Optional.empty();
    try {
      long height = -1;
      JsonNode status = null;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(HEIGHT_DEADLINE_S);
      while (height < target) {
        if (!node.isAlive()) {
          throw new AssertionError(
              "devnet exited with " + node.exitValue() + ":\n" + tail(Files.readString(log)));
        }
        if (System.nanoTime() > deadline) {
          throw new AssertionError(
              "height "
                  + height
                  + " < "
                  + target
                  + " after "
                  + HEIGHT_DEADLINE_S
                  + " s:\n"
                  + tail(Files.readString(log)));
        }
        Optional<JsonNode> s = status(home);
        if (s.isPresent()) {
          status = s.get();
          height = status.at("/sync_info/latest_block_height").asLong(-1);
        } else {
          node.waitFor(500, TimeUnit.MILLISECONDS);
        }
      }
      assertEquals("zgnode-devnet", status.at("/node_info/network").asText());
      assertEquals(36767, status.path("evm_chain_id").asLong());
      assertTrue(status.path("evm_chain_id").isNumber());

      comet =
          node.toHandle()
              .children()
              .filter(h -> h.info().command().orElse("").endsWith("cometbft"))
              .findFirst();
      assertTrue(comet.isPresent(), "CometBFT is a child of the node process");

      node.destroy(); // SIGTERM
      assertTrue(node.waitFor(40, TimeUnit.SECONDS), "the node did not stop within 40 s");
      String out = Files.readString(log);
      assertEquals(0, node.exitValue(), tail(out));
      comet.get().onExit().get(5, TimeUnit.SECONDS);
      assertFalse(comet.get().isAlive());
      return height;
    } finally {
      if (node.isAlive()) {
        node.destroyForcibly();
      }
      comet.filter(ProcessHandle::isAlive).ifPresent(ProcessHandle::destroyForcibly);
    }
  }

  /** {@code ./zgnode status}; empty while the node is not answering yet. */
  private static Optional<JsonNode> status(Path home) throws IOException, InterruptedException {
    Process p = launcher(List.of("status", "--home", home.toString())).start();
    p.getOutputStream().close();
    byte[] out;
    try (InputStream in = p.getInputStream()) {
      out = in.readAllBytes();
    }
    p.getErrorStream().transferTo(java.io.OutputStream.nullOutputStream());
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return Optional.empty();
    }
    if (p.exitValue() != 0) {
      return Optional.empty();
    }
    return Optional.of(JSON.readTree(new String(out, StandardCharsets.UTF_8)));
  }

  private static ProcessBuilder launcher(List<String> args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(root().resolve("zgnode").toString());
    cmd.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(root().toFile());
    // The jar was just packaged by this build; do not rebuild under Maven's feet.
    pb.environment().put("ZGNODE_SKIP_BUILD", "1");
    return pb;
  }

  /** CometBFT RPC, P2P, ABCI, JSON-RPC HTTP and WebSocket: five different free ports. */
  private static List<String> freePorts() throws IOException {
    List<ServerSocket> held = new ArrayList<>();
    try {
      List<String> ports = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        ServerSocket s = new ServerSocket(0);
        held.add(s);
        ports.add(Integer.toString(s.getLocalPort()));
      }
      return ports;
    } finally {
      for (ServerSocket s : held) {
        s.close();
      }
    }
  }

  private static String tail(String s) {
    List<String> lines = s.lines().toList();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
  }
}
