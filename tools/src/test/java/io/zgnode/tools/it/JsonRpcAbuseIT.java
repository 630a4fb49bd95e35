package io.zgnode.tools.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zgnode.evm.bytes.Hex;
import io.zgnode.evm.crypto.Keccak256;
import io.zgnode.evm.tx.TransactionBuilder;
import io.zgnode.evm.types.Address;
import io.zgnode.tools.toml.TomlValue;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad and abusive input against a real node whose JVM runs in a bounded heap ({@value #HEAP}):
 * every abuse gets geth's JSON-RPC error (or the documented HTTP status), and the node keeps
 * answering with its heap inside the bound and no OutOfMemoryError.
 *
 * <p>The node gets about {@value #TARGET_HEIGHT} blocks (fast ones: timeout_commit 20ms) and a
 * contract emitting one log per call, and app.toml lowers the log limits (block range {@value
 * #MAX_LOG_RANGE}, results {@value #MAX_LOG_RESULTS}) and the WebSocket connections ({@value
 * #MAX_WS}) so that each limit is reached cheaply.
 */
class JsonRpcAbuseIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The application JVM's heap bound, through the launcher's ZGNODE_JAVA_OPTS. */
  private static final String HEAP = "-Xmx256m";

  private static final long HEAP_BYTES = 256L << 20;
  private static final int TARGET_HEIGHT = 300;
  private static final int MAX_LOG_RANGE = 100;
  private static final int MAX_LOG_RESULTS = 50;
  private static final int MAX_WS = 16;

  /** max-subscriptions-per-connection: the default, left as init writes it. */
  private static final int MAX_SUBSCRIPTIONS = 1000;

  /** The default max-body-bytes (5 MiB). */
  private static final int MAX_BODY = 5 * 1024 * 1024;

  private static final int PINGS = 60;
  private static final int BALANCE_REQUESTS = 5000;
  private static final int BALANCE_IN_FLIGHT = 1000;
  private static final Duration STEP = Duration.ofSeconds(60);

  /** keccak256("Ping(uint256)"): the topic of the emitter's log. */
  private static final byte[] PING_TOPIC =
      Keccak256.hash("Ping(uint256)".getBytes(StandardCharsets.US_ASCII));

  @Test
  void abuseIsAnsweredWithJsonRpcErrorsAndTheNodeStaysUpInABoundedHeap(@TempDir Path tmp)
      throws Exception {
    long started = System.nanoTime();
    try (NodeProcess node =
        NodeProcess.create(
            tmp.resolve("home"), "socket", DevAccounts.first(2), DevAccounts.FUNDS, "20ms")) {
      node.setAppConfig("json-rpc", "max-log-block-range", TomlValue.integer(MAX_LOG_RANGE));
      node.setAppConfig("json-rpc", "max-log-results", TomlValue.integer(MAX_LOG_RESULTS));
      node.setAppConfig("json-rpc", "max-ws-connections", TomlValue.integer(MAX_WS));
      node.javaOptions(HEAP);
      node.start();
      Rpc rpc = new Rpc(node.rpcHttpUrl());
      awaitHeight(node, rpc, 1);
      System.out.printf(
          Locale.ROOT, "[abuse] node up after %d ms%n", (System.nanoTime() - started) / 1_000_000);

      Address emitter = deployEmitter(node, rpc);
      List<Long> pingBlocks = sendPings(node, rpc, emitter);
      awaitHeight(node, rpc, TARGET_HEIGHT);
      System.out.printf(
          Locale.ROOT,
          "[abuse] %d blocks, %d logs in blocks %d..%d, after %d ms%n",
          rpc.blockNumber(),
          PINGS,
          pingBlocks.getFirst(),
          pingBlocks.getLast(),
          (System.nanoTime() - started) / 1_000_000);

      malformedAndWrongTypes(rpc);
      oversizedBodyBatchAndNesting(rpc);
      logLimits(rpc, emitter, pingBlocks);
      webSocketFloods(node, rpc);
      String heapAfterFloods = heapInfo(node);
      balanceBurst(rpc);

      assertTrue(node.alive(), "the node is still running:\n" + node.logTail());
      long height = rpc.blockNumber();
      awaitHeight(node, rpc, height + 1);
      String heapAtEnd = heapInfo(node);
      String liveAfterGc = heapAfterFullGc(node);
      System.out.println("[abuse] heap after the WebSocket floods: " + heapAfterFloods);
      System.out.println("[abuse] heap at the end: " + heapAtEnd);
      System.out.println("[abuse] heap after a full GC (live set): " + liveAfterGc);
      assertFalse(node.logText().contains("OutOfMemoryError"), node.logTail());
      System.out.printf(
          Locale.ROOT, "[abuse] done in %d ms%n", (System.nanoTime() - started) / 1_000_000);
      assertEquals(0, node.stop(), node.logTail());
      assertFalse(node.logText().contains("OutOfMemoryError"), node.logTail());
    }
  }

  // ---- the chain: a log emitter and some calls ----

  /**
   * Runtime: {@code mstore(0, number()); log1(0, 32, PING_TOPIC); stop}. Init code: copy the
   * runtime to memory and return it.
   */
  static byte[] emitterInitCode() {
    ByteArrayOutputStream runtime = new ByteArrayOutputStream();
    runtime.writeBytes(new byte[] {0x43, 0x60, 0x00, 0x52, 0x7f}); // NUMBER PUSH1 0 MSTORE PUSH32
    runtime.writeBytes(PING_TOPIC);
    runtime.writeBytes(
        new byte[] {0x60, 0x20, 0x60, 0x00, (byte) 0xa1, 0x00}); // PUSH1 32 PUSH1 0 LOG1 STOP
    byte[] code = runtime.toByteArray();
    // PUSH1 len DUP1 PUSH1 11 PUSH1 0 CODECOPY PUSH1 0 RETURN, then the runtime (at offset 11)
    byte[] init = {
      0x60, (byte) code.length, (byte) 0x80, 0x60, 0x0b, 0x60, 0x00, 0x39, 0x60, 0x00, (byte) 0xf3
    };
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(init);
    out.writeBytes(code);
    return out.toByteArray();
  }

  private static byte[] signed(long nonce, Address to, byte[] data, long gas) {
    return TransactionBuilder.eip1559()
        .chainId(NodeProcess.EVM_CHAIN_ID)
        .nonce(nonce)
        .maxPriorityFeePerGas(DevAccounts.GWEI)
        .maxFeePerGas(DevAccounts.GWEI.multiply(BigInteger.valueOf(3)))
        .gasLimit(gas)
        .to(to)
        .data(data)
        .sign(DevAccounts.key(0))
        .encoded();
  }

  private static Address deployEmitter(NodeProcess node, Rpc rpc) throws Exception {
    JsonNode hash =
        rpc.result(
            "eth_sendRawTransaction", Hex.encode(signed(0, null, emitterInitCode(), 200_000)));
    JsonNode receipt = awaitReceipt(node, rpc, hash.asText());
    assertEquals("0x1", receipt.path("status").asText(), receipt.toString());
    return Address.fromHex(receipt.path("contractAddress").asText());
  }

  /**
   * Sends {@link #PINGS} calls as one batch of eth_sendRawTransaction (started back to back, not
   * one round trip each) closed by a pending-nonce read, which must see all of them. Returns the
   * block of each call's log, in order.
   */
  private static List<Long> sendPings(NodeProcess node, Rpc rpc, Address emitter) throws Exception {
    ArrayNode batch = JSON.createArrayNode();
    List<String> hashes = new ArrayList<>();
    for (int i = 1; i <= PINGS; i++) {
      byte[] raw = signed(i, emitter, new byte[0], 50_000);
      hashes.add(Hex.encode(Keccak256.hash(raw)));
      batch.add(Rpc.request(i, "eth_sendRawTransaction", Hex.encode(raw)));
    }
    batch.add(
        Rpc.request(
            PINGS + 1, "eth_getTransactionCount", DevAccounts.address(0).toHex(), "pending"));
    JsonNode answers = rpc.post(batch.toString()).json();
    assertEquals(PINGS + 1, answers.size(), answers.toString());
    for (int i = 0; i < PINGS; i++) {
      assertEquals(
          hashes.get(i), answers.get(i).path("result").asText(), answers.get(i).toString());
    }
    assertEquals(
        "0x" + Long.toHexString(PINGS + 1),
        answers.get(PINGS).path("result").asText(),
        "the read after the submissions sees all of them");
    awaitReceipt(node, rpc, hashes.getLast());
    ArrayNode receipts = JSON.createArrayNode();
    for (int i = 0; i < PINGS; i++) {
      receipts.add(Rpc.request(i, "eth_getTransactionReceipt", hashes.get(i)));
    }
    List<Long> blocks = new ArrayList<>();
    for (JsonNode a : rpc.post(receipts.toString()).json()) {
      JsonNode r = a.path("result");
      assertEquals("0x1", r.path("status").asText(), a.toString());
      assertEquals(1, r.path("logs").size(), a.toString());
      assertEquals(Hex.encode(PING_TOPIC), r.path("logs").get(0).path("topics").get(0).asText());
      blocks.add(Long.decode(r.path("blockNumber").asText()));
    }
    assertEquals(blocks.stream().sorted().toList(), blocks, "mined in nonce order");
    return blocks;
  }

  // ---- HTTP abuse ----

  private static void malformedAndWrongTypes(Rpc rpc) throws Exception {
    for (String bad :
        List.of(
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":",
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_blockNumber\"}}",
            "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_blockNumber\"},",
            "\u00ff\u00fe",
            "")) {
      Reply r = rpc.post(bad);
      assertEquals(200, r.status(), r.body());
      assertError(r.json(), null, -32700, "parse error");
    }
    Address someone = DevAccounts.address(1);
    assertError(
        rpc.call("eth_getBalance", 123, "latest"),
        1,
        -32602,
        "invalid argument address: expected a 0x-prefixed hex string");
    assertError(
        rpc.call("eth_getBalance", "0x1234", "latest"),
        1,
        -32602,
        "invalid argument address: hex string has length 4, want 40 for common.Address");
    assertError(
        rpc.call("eth_getBalance", someone.toHex(), "latest", "extra"),
        1,
        -32602,
        "too many arguments, want at most 2");
    assertError(
        rpc.post(
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_getBalance\",\"params\":{\"a\":1}}")
            .json(),
        1,
        -32602,
        "non-array args");
    assertError(
        rpc.call("eth_noSuchMethod"),
        1,
        -32601,
        "the method eth_noSuchMethod does not exist/is not available");
    assertError(rpc.post("[]").json(), null, -32600, "empty batch");
    assertError(rpc.post("42").json(), null, -32600, "invalid request");
  }

  private static void oversizedBodyBatchAndNesting(Rpc rpc) throws Exception {
    // A body over max-body-bytes: 413 with a JSON-RPC error, and the client can go on.
    String huge =
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_blockNumber\",\"params\":[\""
            + "a".repeat(MAX_BODY + 1024 * 1024)
            + "\"]}";
    Reply tooLarge = rpc.post(huge);
    assertEquals(413, tooLarge.status(), tooLarge.body());
    assertError(
        tooLarge.json(), null, -32005, "request body too large: limit " + MAX_BODY + " bytes");
    assertTrue(rpc.blockNumber() > 0, "answers after the 413");

    // A batch over max-batch-items: one error, in an array, with the first call's id.
    ArrayNode batch = JSON.createArrayNode();
    for (int i = 0; i < 1001; i++) {
      batch.add(Rpc.request(1000 + i, "eth_blockNumber"));
    }
    JsonNode over = rpc.post(batch.toString()).json();
    assertTrue(over.isArray() && over.size() == 1, over.toString());
    assertError(over.get(0), 1000, -32005, "batch too large: 1001 requests, limit 1000");
    batch.remove(1000);
    JsonNode atLimit = rpc.post(batch.toString()).json();
    assertEquals(1000, atLimit.size(), "a batch at the limit runs");
    atLimit.forEach(a -> assertTrue(a.path("result").asText().startsWith("0x"), a.toString()));

    // Deep nesting and a token flood are refused before they cost memory.
    String deep = "[".repeat(100_000) + "]".repeat(100_000);
    assertError(
        rpc.post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_call\",\"params\":" + deep + "}")
            .json(),
        null,
        -32005,
        "request too complex: nested deeper than 128 levels");
    assertError(
        rpc.post(deep).json(), null, -32005, "request too complex: nested deeper than 128 levels");
    StringBuilder many =
        new StringBuilder("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_call\",\"params\":[0");
    for (int i = 0; i < 300_000; i++) {
      many.append(",0");
    }
    assertError(
        rpc.post(many.append("]}").toString()).json(),
        null,
        -32005,
        "request too complex: more than 250000 JSON tokens");
  }

  private static void logLimits(Rpc rpc, Address emitter, List<Long> pingBlocks) throws Exception {
    long head = rpc.blockNumber();
    assertError(
        rpc.call("eth_getLogs", logFilter(0, head, null)),
        1,
        -32005,
        "block range too large: "
            + (head + 1)
            + " blocks, limit "
            + MAX_LOG_RANGE
            + "; narrow fromBlock/toBlock");
    ObjectNode toLatest = JSON.createObjectNode().put("fromBlock", "0x0").put("toBlock", "latest");
    JsonNode wholeChain = rpc.call("eth_getLogs", toLatest);
    assertEquals(-32005, wholeChain.at("/error/code").asInt(), wholeChain.toString());
    Matcher m =
        Pattern.compile(
                "block range too large: (\\d+) blocks, limit "
                    + MAX_LOG_RANGE
                    + "; narrow fromBlock/toBlock")
            .matcher(wholeChain.at("/error/message").asText());
    assertTrue(m.matches(), wholeChain.toString());
    assertTrue(Long.parseLong(m.group(1)) > head);

    // The pings' logs all sit in a few blocks: a range within the limit holds more than the
    // result limit.
    long from = pingBlocks.getFirst();
    long to = from + MAX_LOG_RANGE - 1;
    assertTrue(to <= head && pingBlocks.getLast() <= to, "blocks " + from + ".." + to);
    assertError(
        rpc.call("eth_getLogs", logFilter(from, to, null)),
        1,
        -32005,
        "query returned more than " + MAX_LOG_RESULTS + " results; narrow the range or the filter");

    // Within both limits the logs come back; and a full range matching nothing is fine.
    long block = pingBlocks.getLast();
    long inBlock = pingBlocks.stream().filter(b -> b == block).count();
    JsonNode some = rpc.call("eth_getLogs", logFilter(block, block, emitter));
    assertEquals(inBlock, some.path("result").size(), some.toString());
    ObjectNode nothing = logFilter(head - MAX_LOG_RANGE + 1, head, emitter);
    JsonNode none = rpc.call("eth_getLogs", nothing);
    assertEquals(0, none.path("result").size(), none.toString());
  }

  private static ObjectNode logFilter(long from, long to, Address address) {
    ObjectNode f =
        JSON.createObjectNode()
            .put("fromBlock", "0x" + Long.toHexString(from))
            .put("toBlock", "0x" + Long.toHexString(to));
    if (address != null) {
      f.put("address", address.toHex());
    }
    return f;
  }

  // ---- WebSocket abuse ----

  private static void webSocketFloods(NodeProcess node, Rpc rpc) throws Exception {
    int port = node.wsPort;
    List<RawWs> open = new ArrayList<>();
    try {
      // max-ws-connections open; one more is refused with 503 and a JSON-RPC error.
      for (int i = 0; i < MAX_WS; i++) {
        open.add(RawWs.open(port).connected());
      }
      RawWs.Refusal refused = RawWs.open(port).refusal();
      assertEquals(503, refused.status(), refused.body());
      assertError(
          JSON.readTree(refused.body()),
          null,
          -32005,
          "too many WebSocket connections: limit " + MAX_WS);
      for (RawWs ws : open) {
        assertTrue(ws.call(7, "eth_blockNumber").path("result").asText().startsWith("0x"));
      }

      // A flood of subscriptions on one connection: the one past the limit is refused.
      RawWs slow = open.getFirst();
      for (int i = 1; i <= MAX_SUBSCRIPTIONS + 1; i++) {
        slow.send(Rpc.request(10_000 + i, "eth_subscribe", "newHeads").toString());
      }
      TreeMap<Integer, JsonNode> answers = new TreeMap<>();
      int notifications = 0;
      while (answers.size() < MAX_SUBSCRIPTIONS + 1) {
        JsonNode m = JSON.readTree(slow.readText());
        if (m.has("id")) {
          answers.put(m.path("id").asInt(), m);
        } else {
          notifications++;
        }
      }
      // Requests on one WebSocket run concurrently, so which call is the one past the limit is
      // not fixed: exactly one of them is refused, the others get distinct ids.
      Set<String> ids = new HashSet<>();
      JsonNode refusal = null;
      for (JsonNode a : answers.values()) {
        if (a.has("error")) {
          assertNull(refusal, "a second refusal: " + a);
          refusal = a;
        } else {
          String id = a.path("result").asText();
          assertTrue(id.startsWith("0x"), a.toString());
          ids.add(id);
        }
      }
      assertEquals(MAX_SUBSCRIPTIONS, ids.size(), "distinct subscription ids");
      assertNotNull(refusal, "no call past the limit was refused");
      assertError(
          refusal,
          refusal.path("id").asInt(),
          -32005,
          "too many subscriptions: limit " + MAX_SUBSCRIPTIONS);
      System.out.printf(
          Locale.ROOT,
          "[abuse] %d subscriptions made (%d notifications read meanwhile)%n",
          MAX_SUBSCRIPTIONS,
          notifications);

      // The same connection now stops reading while every block sends it 1000 newHeads: the node
      // closes it once its unread output passes the bound, which frees its connection place.
      long waitStarted = System.nanoTime();
      RawWs[] replacement = new RawWs[1];
      NodeProcess.waitFor(
          STEP,
          () -> {
            try {
              RawWs.Attempt a = RawWs.open(port);
              if (a.accepted() != null) {
                replacement[0] = a.accepted();
                return true;
              }
              assertEquals(503, a.refused().status(), a.refused().body());
              return false;
            } catch (IOException e) {
              throw new AssertionError("cannot reach the WebSocket port", e);
            }
          });
      open.add(replacement[0]);
      System.out.printf(
          Locale.ROOT,
          "[abuse] the reader that never read was dropped after %d ms%n",
          (System.nanoTime() - waitStarted) / 1_000_000);
      RawWs.Ending end = slow.drainToEnd();
      System.out.printf(
          Locale.ROOT,
          "[abuse] its socket still held %d bytes; it ended with %s%n",
          end.bytes(),
          end.how());
      if (end.closeCode() != 0) {
        assertEquals(1008, end.closeCode(), end.how());
      }
      open.remove(slow);
      assertTrue(
          node.logText().contains("closing WebSocket"), "the node logged why:\n" + node.logTail());

      // Everyone else still works, the replacement included, and so does HTTP.
      for (RawWs ws : open) {
        assertTrue(ws.call(8, "eth_blockNumber").path("result").asText().startsWith("0x"));
      }
      assertTrue(rpc.blockNumber() > 0);
    } finally {
      for (RawWs ws : open) {
        ws.close();
      }
    }
  }

  // ---- a burst of reads ----

  private static void balanceBurst(Rpc rpc) throws Exception {
    String expected = "0x" + DevAccounts.FUNDS.toString(16);
    String who = DevAccounts.address(1).toHex();
    Semaphore inFlight = new Semaphore(BALANCE_IN_FLIGHT);
    List<CompletableFuture<Reply>> all = new ArrayList<>(BALANCE_REQUESTS);
    long t0 = System.nanoTime();
    for (int i = 0; i < BALANCE_REQUESTS; i++) {
      inFlight.acquire();
      CompletableFuture<Reply> f =
          rpc.postAsync(Rpc.request(i, "eth_getBalance", who, "latest").toString());
      f.whenComplete((r, e) -> inFlight.release());
      all.add(f);
    }
    int ok = 0;
    for (int i = 0; i < BALANCE_REQUESTS; i++) {
      Reply r = all.get(i).get(STEP.toSeconds(), TimeUnit.SECONDS);
      assertEquals(200, r.status(), r.body());
      JsonNode a = r.json();
      assertEquals(i, a.path("id").asInt(), a.toString());
      assertEquals(expected, a.path("result").asText(), a.toString());
      ok++;
    }
    long ms = Math.max(1, (System.nanoTime() - t0) / 1_000_000);
    System.out.printf(
        Locale.ROOT,
        "[abuse] %d eth_getBalance (%d in flight) answered in %d ms: %d requests/s%n",
        ok,
        BALANCE_IN_FLIGHT,
        ms,
        ok * 1000L / ms);
  }

  // ---- the node's heap ----

  /** jcmd of the JDK the node runs on (the launcher's), so that it can attach. */
  private static Path jcmd(NodeProcess node) {
    String java =
        ProcessHandle.of(node.pid())
            .flatMap(h -> h.info().command())
            .orElseThrow(() -> new AssertionError("the node's java command is unknown"));
    Path p = Path.of(java).resolveSibling("jcmd");
    assertTrue(p.toFile().canExecute(), "no jcmd next to " + java);
    return p;
  }

  private static String jcmd(NodeProcess node, String command) throws Exception {
    Process p =
        new ProcessBuilder(jcmd(node).toString(), Long.toString(node.pid()), command)
            .redirectErrorStream(true)
            .start();
    byte[] out = p.getInputStream().readAllBytes();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "jcmd " + command + " finished");
    String text = new String(out, StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), text);
    return text;
  }

  private static final Pattern HEAP_LINE =
      Pattern.compile(
          "garbage-first heap\\s+total (?:reserved )?(\\d+)K,(?: committed (\\d+)K,)? used (\\d+)K");

  /** "used X MiB of committed Y MiB (reserved Z MiB)", checked against the bound. */
  private static String heapInfo(NodeProcess node) throws Exception {
    String text = jcmd(node, "GC.heap_info");
    Matcher m = HEAP_LINE.matcher(text);
    assertTrue(m.find(), text);
    long reserved = Long.parseLong(m.group(1)) * 1024;
    long committed = m.group(2) == null ? reserved : Long.parseLong(m.group(2)) * 1024;
    long used = Long.parseLong(m.group(3)) * 1024;
    assertTrue(reserved <= HEAP_BYTES, "the heap bound " + HEAP + " applies:\n" + text);
    assertTrue(used <= committed && committed <= reserved, text);
    return String.format(
        Locale.ROOT,
        "used %d MiB of %d MiB committed (max %d MiB)",
        used >> 20,
        committed >> 20,
        reserved >> 20);
  }

  private static String heapAfterFullGc(NodeProcess node) throws Exception {
    jcmd(node, "GC.run");
    return heapInfo(node);
  }

  // ---- helpers ----

  private static void assertError(JsonNode answer, Integer id, int code, String message) {
    assertNotNull(answer);
    assertEquals("2.0", answer.path("jsonrpc").asText(), answer.toString());
    if (id == null) {
      assertTrue(answer.path("id").isNull(), answer.toString());
    } else {
      assertEquals(id.intValue(), answer.path("id").asInt(), answer.toString());
    }
    assertEquals(code, answer.at("/error/code").asInt(), answer.toString());
    assertEquals(message, answer.at("/error/message").asText(), answer.toString());
    assertTrue(answer.path("result").isMissingNode(), answer.toString());
  }

  private static void awaitHeight(NodeProcess node, Rpc rpc, long height) throws Exception {
    try {
      NodeProcess.waitFor(
          STEP,
          () -> {
            assertTrue(node.alive(), "the node exited:\n" + node.logTail());
            try {
              return rpc.blockNumber() >= height;
            } catch (IOException | RuntimeException e) {
              return false;
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              return false;
            }
          });
    } catch (AssertionError e) {
      throw new AssertionError("height " + height + " not reached:\n" + node.logTail(), e);
    }
  }

  private static JsonNode awaitReceipt(NodeProcess node, Rpc rpc, String hash) throws Exception {
    JsonNode[] receipt = new JsonNode[1];
    try {
      NodeProcess.waitFor(
          STEP,
          () -> {
            try {
              receipt[0] = rpc.result("eth_getTransactionReceipt", hash);
              return !receipt[0].isNull();
            } catch (Exception e) {
              return false;
            }
          });
    } catch (AssertionError e) {
      throw new AssertionError("no receipt for " + hash + ":\n" + node.logTail(), e);
    }
    return receipt[0];
  }

  private record Reply(int status, String body) {
    JsonNode json() throws IOException {
      return JSON.readTree(body);
    }
  }

  /** JSON-RPC over HTTP with the JDK's client. */
  private static final class Rpc {
    private final URI uri;
    private final HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    Rpc(URI uri) {
      this.uri = uri;
    }

    static ObjectNode request(int id, String method, Object... params) {
      ObjectNode n = JSON.createObjectNode().put("jsonrpc", "2.0").put("id", id);
      n.put("method", method);
      n.set("params", JSON.valueToTree(params));
      return n;
    }

    private HttpRequest build(String body) {
      return HttpRequest.newBuilder(uri)
          .timeout(STEP)
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(body))
          .build();
    }

    Reply post(String body) throws IOException, InterruptedException {
      HttpResponse<String> r = http.send(build(body), HttpResponse.BodyHandlers.ofString());
      return new Reply(r.statusCode(), r.body());
    }

    CompletableFuture<Reply> postAsync(String body) {
      return http.sendAsync(build(body), HttpResponse.BodyHandlers.ofString())
          .thenApply(r -> new Reply(r.statusCode(), r.body()));
    }

    /** The whole answer of a call with id 1. */
    JsonNode call(String method, Object... params) throws IOException, InterruptedException {
      return post(request(1, method, params).toString()).json();
    }

    /** The result of a call that must succeed. */
    JsonNode result(String method, Object... params) throws IOException, InterruptedException {
      JsonNode a = call(method, params);
      if (!a.has("result")) {
        throw new IOException(method + " failed: " + a);
      }
      return a.get("result");
    }

    long blockNumber() throws IOException, InterruptedException {
      return Long.decode(result("eth_blockNumber").asText());
    }
  }

  /**
   * A bare WebSocket client over a socket, so that a test can stop reading (the JDK's client reads
   * for you) and see the HTTP answer to a refused upgrade. Frames from the client are masked, as
   * the protocol requires.
   */
  private static final class RawWs implements AutoCloseable {
    private static final SecureRandom RANDOM = new SecureRandom();

    record Refusal(int status, String body) {}

    /** An upgrade's outcome: a connection, or the HTTP answer that refused it. */
    record Attempt(RawWs accepted, Refusal refused) {
      RawWs connected() {
        if (accepted == null) {
          throw new AssertionError("WebSocket upgrade refused: " + refused);
        }
        return accepted;
      }

      Refusal refusal() {
        if (refused == null) {
          throw new AssertionError("the WebSocket upgrade was accepted");
        }
        return refused;
      }
    }

    /** How a connection ended: bytes read before its end, the close code (0 if none was seen). */
    record Ending(long bytes, int closeCode, String how) {}

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    private RawWs(Socket socket, DataInputStream in) throws IOException {
      this.socket = socket;
      this.in = in;
      this.out = socket.getOutputStream();
    }

    static Attempt open(int port) throws IOException {
      Socket s = new Socket();
      // A small receive buffer: a client that stops reading stops taking data soon.
      s.setReceiveBufferSize(16 * 1024);
      s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
      s.setSoTimeout((int) STEP.toMillis());
      byte[] key = new byte[16];
      RANDOM.nextBytes(key);
      String head =
          "GET / HTTP/1.1\r\nHost: 127.0.0.1:"
              + port
              + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: "
              + Base64.getEncoder().encodeToString(key)
              + "\r\nSec-WebSocket-Version: 13\r\n\r\n";
      s.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
      s.getOutputStream().flush();
      DataInputStream in = new DataInputStream(new BufferedInputStream(s.getInputStream()));
      List<String> lines = new ArrayList<>();
      for (String line; !(line = readLine(in)).isEmpty(); ) {
        lines.add(line);
      }
      int status = Integer.parseInt(lines.getFirst().split(" ")[1]);
      if (status == 101) {
        return new Attempt(new RawWs(s, in), null);
      }
      int length = 0;
      for (String l : lines) {
        if (l.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
          length = Integer.parseInt(l.substring(l.indexOf(':') + 1).strip());
        }
      }
      byte[] body = new byte[length];
      in.readFully(body);
      s.close();
      return new Attempt(null, new Refusal(status, new String(body, StandardCharsets.UTF_8)));
    }

    private static String readLine(InputStream in) throws IOException {
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      for (int c; (c = in.read()) != '\n'; ) {
        if (c < 0) {
          throw new EOFException("connection closed during the HTTP answer");
        }
        if (c != '\r') {
          b.write(c);
        }
      }
      return b.toString(StandardCharsets.US_ASCII);
    }

    void send(String text) throws IOException {
      byte[] payload = text.getBytes(StandardCharsets.UTF_8);
      ByteArrayOutputStream f = new ByteArrayOutputStream(payload.length + 14);
      f.write(0x81); // FIN, text
      if (payload.length < 126) {
        f.write(0x80 | payload.length);
      } else if (payload.length < 65536) {
        f.write(0x80 | 126);
        f.write(payload.length >> 8);
        f.write(payload.length);
      } else {
        f.write(0x80 | 127);
        for (int i = 7; i >= 0; i--) {
          f.write((int) ((long) payload.length >> (8 * i)));
        }
      }
      byte[] mask = new byte[4];
      RANDOM.nextBytes(mask);
      f.writeBytes(mask);
      for (int i = 0; i < payload.length; i++) {
        f.write(payload[i] ^ mask[i & 3]);
      }
      out.write(f.toByteArray());
      out.flush();
    }

    /** The next data frame's text; pings are skipped, a close frame is an error. */
    String readText() throws IOException {
      while (true) {
        int b0 = in.readUnsignedByte();
        int opcode = b0 & 0x0f;
        byte[] payload = readPayload();
        if (opcode == 0x1 && (b0 & 0x80) != 0) {
          return new String(payload, StandardCharsets.UTF_8);
        }
        if (opcode == 0x8) {
          throw new EOFException("closed by the server: " + closeCode(payload));
        }
        if (opcode != 0x9 && opcode != 0xa) {
          throw new IOException("unexpected frame, opcode " + opcode);
        }
      }
    }

    private byte[] readPayload() throws IOException {
      int b1 = in.readUnsignedByte();
      long length = b1 & 0x7f;
      if (length == 126) {
        length = in.readUnsignedShort();
      } else if (length == 127) {
        length = in.readLong();
      }
      if ((b1 & 0x80) != 0) {
        throw new IOException("a server frame must not be masked");
      }
      if (length > 64L << 20) {
        throw new IOException("frame of " + length + " bytes");
      }
      byte[] payload = new byte[(int) length];
      in.readFully(payload);
      return payload;
    }

    private static int closeCode(byte[] payload) {
      return payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : 1005;
    }

    /** Sends a call and reads up to its answer (notifications before it are skipped). */
    JsonNode call(int id, String method, Object... params) throws IOException {
      send(Rpc.request(id, method, params).toString());
      while (true) {
        JsonNode m = JSON.readTree(readText());
        if (m.has("id") && m.path("id").asInt() == id) {
          return m;
        }
      }
    }

    /**
     * Reads what is left until the server's close frame, the end of the stream or a reset; fails if
     * the connection is still open when the socket timeout passes.
     */
    Ending drainToEnd() throws IOException {
      long bytes = 0;
      try {
        while (true) {
          int b0 = in.readUnsignedByte();
          byte[] payload = readPayload();
          bytes += payload.length + 2;
          if ((b0 & 0x0f) == 0x8) {
            int code = closeCode(payload);
            String reason =
                new String(
                    payload,
                    Math.min(2, payload.length),
                    Math.max(0, payload.length - 2),
                    StandardCharsets.UTF_8);
            return new Ending(bytes, code, "close frame " + code + " \"" + reason + "\"");
          }
        }
      } catch (SocketTimeoutException e) {
        throw new AssertionError("the connection was not closed by the server", e);
      } catch (EOFException e) {
        return new Ending(bytes, 0, "end of stream (cut after the grace period)");
      } catch (IOException e) {
        return new Ending(bytes, 0, "reset: " + e.getMessage());
      }
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }
}
