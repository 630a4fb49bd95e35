package io.zgnode.tools.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code zgnode testnet init|start|stop} end to end: four real validators (each a zgnode JVM with
 * its CometBFT) with powers 100..400 from their genesis stakes. The weakest (node 0, 100 of 1000)
 * is stopped: the other 900 keep the chain live, and after the 10-block signing window slashing
 * jails it and it leaves CometBFT's validator set.
 */
class FourValidatorsIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration STEP_TIMEOUT = Duration.ofSeconds(60);

  @Test
  void fourValidatorsWithStakedPowersSurviveTheWeakestStoppingAndJailIt(@TempDir Path tmp)
      throws Exception {
    Path dir = tmp.resolve("net");
    int offset = freeOffset();
    zgnode(
        "testnet",
        "init",
        "--validators",
        "4",
        "--output",
        dir.toString(),
        "--base-port-offset",
        Integer.toString(offset),
        "--timeout-commit",
        "300ms",
        "--slashing-param",
        "signed_blocks_window=10",
        "--slashing-param",
        "min_signed_per_window=0.5",
        "--slashing-param",
        "downtime_jail_duration=600");
    JsonNode manifest = JSON.readTree(dir.resolve("testnet.json").toFile());
    JsonNode nodes = manifest.path("nodes");
    assertEquals(4, nodes.size());
    List<CometRpc> rpcs = new ArrayList<>();
    Map<String, Long> powerByKey = new TreeMap<>();
    for (JsonNode n : nodes) {
      int i = n.path("index").asInt();
      assertEquals(26657 + offset + 100 * i, n.path("ports").path("rpc").asInt());
      assertEquals(8545 + offset + 100 * i, n.path("ports").path("json_rpc").asInt());
      rpcs.add(new CometRpc(n.path("ports").path("rpc").asInt()));
      powerByKey.put(n.path("consensus_pubkey").asText(), n.path("power").asLong());
    }
    assertEquals(
        Map.copyOf(powerByKey).values().stream().sorted().toList(),
        List.of(100L, 200L, 300L, 400L));
    String weakestKey = nodes.get(0).path("consensus_pubkey").asText();
    assertEquals(100, nodes.get(0).path("power").asLong());

    try {
      zgnode("testnet", "start", dir.toString(), "--timeout", "90");
      for (int i = 0; i < 4; i++) {
        assertTrue(Files.isRegularFile(dir.resolve("node" + i + "/node.pid")), "pid of node" + i);
      }

      // CometBFT's set is the genesis stakes: each node's key with (i + 1) x 100.
      CometRpc observer = rpcs.get(1);
      Map<String, Long> set = validators(observer);
      assertEquals(powerByKey, set);

      // Blocks advance on all four, and all four sign them.
      long[] start = new long[4];
      for (int i = 0; i < 4; i++) {
        start[i] = rpcs.get(i).height();
      }
      for (int i = 0; i < 4; i++) {
        CometRpc rpc = rpcs.get(i);
        long target = start[i] + 3;
        await("node" + i + " to reach height " + target, () -> rpc.heightOrMinusOne() >= target);
      }
      assertEquals(4, observer.get("/net_info").path("n_peers").asInt() + 1, "a full mesh");

      // The weakest validator stops: 900 of 1000 remain, more than 2/3.
      zgnode("testnet", "stop", dir.toString(), "--node", "0");
      assertTrue(Files.notExists(dir.resolve("node0/node.pid")));
      long stoppedAt = observer.height();
      await(
          "the chain to go on 6 blocks without node0",
          () -> observer.heightOrMinusOne() >= stoppedAt + 6);
      for (int i = 1; i < 4; i++) {
        CometRpc rpc = rpcs.get(i);
        await("node" + i + " to follow", () -> rpc.heightOrMinusOne() >= stoppedAt + 6);
      }

      // Missing more than half of the 10-block window jails it: it leaves CometBFT's set.
      await(
          "node0's validator to leave CometBFT's set",
          () -> {
            try {
              return !validators(observer).containsKey(weakestKey);
            } catch (IOException e) {
              return false;
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              return false;
            }
          });
      Map<String, Long> after = validators(observer);
      Map<String, Long> expected = new TreeMap<>(powerByKey);
      expected.remove(weakestKey);
      assertEquals(expected, after);
      long jailedAt = observer.height();
      await("blocks after the jailing", () -> observer.heightOrMinusOne() >= jailedAt + 2);
    } finally {
      stopAll(dir);
    }
  }

  /** CometBFT's validator set: base64 consensus key to voting power. */
  private static Map<String, Long> validators(CometRpc rpc)
      throws IOException, InterruptedException {
    JsonNode r = rpc.get("/validators?per_page=100");
    Map<String, Long> out = new TreeMap<>();
    for (JsonNode v : r.path("validators")) {
      out.put(v.path("pub_key").path("value").asText(), v.path("voting_power").asLong());
    }
    return out;
  }

  /** {@code testnet stop}, then, whatever it did, no process of this network is left. */
  private static void stopAll(Path dir) throws Exception {
    List<ProcessHandle> left = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      Path pid = dir.resolve("node" + i + "/node.pid");
      if (Files.exists(pid)) {
        ProcessHandle.of(Long.parseLong(Files.readString(pid).strip()))
            .ifPresent(h -> {
              left.add(h);
              left.addAll(h.descendants().toList());
            });
      }
    }
    try {
      zgnode("testnet", "stop", dir.toString(), "--timeout", "60");
    } finally {
      for (ProcessHandle h : left) {
        if (h.isAlive()) {
          h.destroyForcibly();
        }
      }
    }
  }

  /** A port offset where all 4 nodes' ports are free now (24 ports; not a reservation). */
  private static int freeOffset() throws IOException {
    for (int offset = 11_000; offset <= 38_000; offset += 1_000) {
      if (allFree(offset)) {
        return offset;
      }
    }
    throw new IOException("no port offset with 24 free ports");
  }

  private static boolean allFree(int offset) {
    int[] base = {26657, 26656, 26658, 8545, 8546, 26661};
    for (int i = 0; i < 4; i++) {
      for (int b : base) {
        try (ServerSocket s =
            new ServerSocket(b + offset + 100 * i, 1, InetAddress.getLoopbackAddress())) {
          s.setReuseAddress(true);
        } catch (IOException e) {
          return false;
        }
      }
    }
    return true;
  }

  private static void await(String what, Supplier<Boolean> condition) throws InterruptedException {
    Instant deadline = Instant.now().plus(STEP_TIMEOUT);
    while (!condition.get()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError(
            "timed out after " + STEP_TIMEOUT.toSeconds() + " s waiting for " + what);
      }
      Thread.sleep(200);
    }
  }

  private static String zgnode(String... args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(NodeProcess.root().resolve("zgnode").toString());
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("ZGNODE_SKIP_BUILD", "1");
    Process p = pb.start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(180, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError(String.join(" ", cmd) + " did not finish:\n" + out);
    }
    if (p.exitValue() != 0) {
      throw new AssertionError(
          String.join(" ", cmd) + " failed with exit code " + p.exitValue() + ":\n" + out);
    }
    return out;
  }
}
