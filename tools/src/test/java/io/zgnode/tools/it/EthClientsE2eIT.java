package io.zgnode.tools.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The npm end-to-end suite ({@code e2e/test/*.test.mjs}: ethers v6 and viem over HTTP and
 * WebSocket, contracts compiled by the npm solc) against a real single-validator node. The suite's
 * output streams to this test's output; it must pass within {@link #SUITE_LIMIT}.
 */
class EthClientsE2eIT {
  /** The suite takes about a minute on the 2-core machine; the rest is margin for a loaded CI. */
  private static final Duration SUITE_LIMIT = Duration.ofMinutes(4);

  private static final Pattern SUMMARY = Pattern.compile("^\\S*\\s*(tests|pass|fail) (\\d+)$");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void ethersAndViemSuitePasses(@TempDir Path tmp) throws Exception {
    Path e2e = NodeProcess.root().resolve("e2e");
    List<String> testFiles = testFiles(e2e);
    assertFalse(testFiles.isEmpty(), "no test files under " + e2e.resolve("test"));
    runChecked(List.of("node", "lib/contracts.mjs"), e2e, Duration.ofMinutes(2));

    try (NodeProcess node =
        NodeProcess.create(
            tmp.resolve("home"), "socket", DevAccounts.first(10), DevAccounts.FUNDS)) {
      node.start();
      awaitJsonRpc(node, Duration.ofSeconds(120));

      List<String> cmd = new ArrayList<>();
      // --test-force-exit: a client library's stray timer must not hold a finished file open
      cmd.addAll(
          List.of(
              "node",
              "--test",
              "--test-concurrency=4",
              "--test-force-exit",
              "--test-reporter=spec"));
      cmd.addAll(testFiles);
      ProcessBuilder pb = new ProcessBuilder(cmd).directory(e2e.toFile()).redirectErrorStream(true);
      pb.environment().put("ZGNODE_RPC_HTTP", node.rpcHttpUrl().toString());
      pb.environment().put("ZGNODE_RPC_WS", node.rpcWsUrl().toString());
      pb.environment().put("NO_COLOR", "1");
      long started = System.nanoTime();
      Process suite = pb.start();
      Output out = Output.stream(suite);
      if (!suite.waitFor(SUITE_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
        suite.descendants().forEach(ProcessHandle::destroyForcibly);
        suite.destroyForcibly();
        fail("the e2e suite did not finish within " + SUITE_LIMIT + ":\n" + out.tail());
      }
      out.join();
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      System.out.println("[e2e] finished in " + took.toMillis() + " ms");
      assertEquals(
          0, suite.exitValue(), "e2e suite failed:\n" + out.tail() + "\n" + node.logTail());
      assertTrue(out.count("tests") > 0, "the suite ran no test:\n" + out.tail());
      assertEquals(0, out.count("fail"), out.tail());
      assertEquals(out.count("tests"), out.count("pass"), out.tail());
      assertEquals(0, node.stop(), node.logTail());
    }
  }

  /** The suite's files, in a stable order, relative to {@code e2e/}. */
  private static List<String> testFiles(Path e2e) throws IOException {
    try (Stream<Path> files = Files.list(e2e.resolve("test"))) {
      return files
          .map(p -> "test/" + p.getFileName())
          .filter(n -> n.endsWith(".test.mjs"))
          .sorted()
          .toList();
    }
  }

  private static void awaitJsonRpc(NodeProcess node, Duration timeout) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest req =
        HttpRequest.newBuilder(node.rpcHttpUrl())
            .timeout(Duration.ofSeconds(5))
            .header("content-type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_blockNumber\",\"params\":[]}"))
            .build();
    try {
      NodeProcess.waitFor(
          timeout,
          () -> {
            try {
              HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
              JsonNode body = JSON.readTree(r.body());
              // a first block committed: the suite's clients read "latest" right away
              return r.statusCode() == 200 && Long.decode(body.path("result").asText("0")) >= 1;
            } catch (IOException | NumberFormatException e) {
              return false;
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              return false;
            }
          });
    } catch (AssertionError e) {
      throw new AssertionError(
          "the JSON-RPC at " + node.rpcHttpUrl() + " did not answer:\n" + node.logTail(), e);
    }
  }

  private static void runChecked(List<String> cmd, Path dir, Duration timeout) throws Exception {
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
    Output out = Output.stream(p);
    if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail(String.join(" ", cmd) + " did not finish within " + timeout);
    }
    out.join();
    assertEquals(
        0,
        p.exitValue(),
        String.join(" ", cmd) + " failed (run `npm ci` in e2e/ first):\n" + out.tail());
  }

  /** A child's output, echoed line by line as it comes, with the last lines and counts kept. */
  private static final class Output {
    private final Deque<String> last = new ArrayDeque<>();
    private final java.util.Map<String, Integer> summary = new java.util.HashMap<>();
    private Thread reader;

    static Output stream(Process p) {
      Output o = new Output();
      o.reader =
          Thread.ofPlatform()
              .daemon()
              .name("e2e-output")
              .start(() -> {
                try (BufferedReader r =
                    new BufferedReader(
                        new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                  for (String line; (line = r.readLine()) != null; ) {
                    o.add(line);
                  }
                } catch (IOException e) {
                  o.add("(output ended: " + e + ")");
                }
              });
      return o;
    }

    private synchronized void add(String line) {
      System.out.println("[e2e] " + line);
      last.addLast(line);
      if (last.size() > 200) {
        last.removeFirst();
      }
      Matcher m = SUMMARY.matcher(line.strip());
      if (m.matches()) {
        summary.put(m.group(1), Integer.parseInt(m.group(2)));
      }
    }

    void join() throws InterruptedException {
      reader.join(Duration.ofSeconds(10));
    }

    synchronized int count(String what) {
      return summary.getOrDefault(what, -1);
    }

    synchronized String tail() {
      return String.join("\n", last);
    }
  }
}
