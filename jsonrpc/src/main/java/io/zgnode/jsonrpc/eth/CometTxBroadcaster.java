package io.zgnode.jsonrpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Submits transactions to CometBFT's mempool through its RPC's {@code broadcast_tx_sync}, which
 * returns once CheckTx has answered. One pooled HTTP/1.1 client serves all RPC threads.
 *
 * <p>CometBFT refuses some transactions before the application sees them; those refusals are
 * reworded as geth words them, because wallets classify errors by text: a transaction already in
 * its cache becomes "already known", a full mempool "txpool is full", an oversized transaction
 * "oversized data". Failures to reach CometBFT are {@link IOException}s.
 */
public final class CometTxBroadcaster implements TxBroadcaster, AutoCloseable {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  private final URI endpoint;
  private final Duration timeout;
  private final HttpClient client;
  private final AtomicLong ids = new AtomicLong();
  private final Lane[] lanes = new Lane[LANES];
  private final List<Thread> laneThreads = new ArrayList<>();
  private volatile boolean closed;

  /** {@code cometRpc} is CometBFT's RPC address, e.g. http://127.0.0.1:26657 (tcp:// works too). */
  public CometTxBroadcaster(URI cometRpc) {
    this(cometRpc, DEFAULT_TIMEOUT);
  }

  public CometTxBroadcaster(URI cometRpc, Duration timeout) {
    this.endpoint = httpEndpoint(cometRpc);
    this.timeout = timeout;
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(
                Duration.ofSeconds(5).compareTo(timeout) < 0 ? Duration.ofSeconds(5) : timeout)
            .build();
    for (int i = 0; i < LANES; i++) {
      lanes[i] = new Lane();
      laneThreads.add(Thread.ofPlatform().name("comet-broadcast-" + i).daemon().start(lanes[i]));
    }
  }

  /** CometBFT prints its RPC address as tcp://host:port; the HTTP client needs http://. */
  static URI httpEndpoint(URI uri) {
    if (uri == null || uri.getHost() == null) {
      throw new IllegalArgumentException("CometBFT RPC address needs a host: " + uri);
    }
    String scheme = uri.getScheme() == null ? "http" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (scheme.equals("tcp")) {
      scheme = "http";
    }
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException("CometBFT RPC address must be http(s) or tcp: " + uri);
    }
    String path = uri.getPath() == null || uri.getPath().isEmpty() ? "/" : uri.getPath();
    return URI.create(
        scheme + "://" + uri.getHost() + ":" + (uri.getPort() < 0 ? 26657 : uri.getPort()) + path);
  }

  public URI endpoint() {
    return endpoint;
  }

  @Override
  public BroadcastResult broadcast(byte[] raw) throws IOException {
    ObjectNode body = MAPPER.createObjectNode();
    body.put("jsonrpc", "2.0");
    body.put("id", ids.incrementAndGet());
    body.put("method", "broadcast_tx_sync");
    body.putObject("params").put("tx", Base64.getEncoder().encodeToString(raw));
    HttpRequest request =
        HttpRequest.newBuilder(endpoint)
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(MAPPER.writeValueAsBytes(body)))
            .build();
    HttpResponse<byte[]> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while broadcasting a transaction to CometBFT");
    } catch (IOException e) {
      throw new IOException("cannot reach CometBFT at " + endpoint + ": " + describe(e), e);
    }
    return parse(response.statusCode(), response.body());
  }

  /**
   * Queues {@code raw} for its lane ({@code orderKey} picks one of {@link #LANES}); each lane's
   * thread sends what queued up meanwhile as one JSON-RPC batch of broadcast_tx_sync, which
   * CometBFT runs in order. So a lane keeps submission order, and under load a round trip carries
   * many transactions instead of one.
   */
  @Override
  public CompletableFuture<BroadcastResult> submit(byte[] raw, int orderKey) {
    Pending p = new Pending(raw, new CompletableFuture<>());
    Lane lane = lanes[Math.floorMod(orderKey, LANES)];
    if (closed) {
      p.result().completeExceptionally(new IOException("the broadcaster is closed"));
      return p.result();
    }
    lane.queue.add(p);
    // close() may have come between the check and the add, after the lane's last drain: whoever
    // takes the entry out of the queue answers it, so it is answered exactly once.
    if (closed && lane.queue.remove(p)) {
      p.result().completeExceptionally(new IOException("the broadcaster is closed"));
    }
    return p.result();
  }

  /** Lanes (threads with a queue each); transactions of one sender always use the same lane. */
  static final int LANES = 2;

  /** Most transactions one batch to CometBFT carries. */
  static final int MAX_BATCH = 200;

  private static final java.util.regex.Pattern BATCH_LIMIT =
      java.util.regex.Pattern.compile("exceeds maximum \\((\\d{1,9})\\)");

  /** The batch size CometBFT accepts, lowered when it says its limit is smaller. */
  private volatile int maxBatch = MAX_BATCH;

  private record Pending(byte[] raw, CompletableFuture<BroadcastResult> result) {}

  private final class Lane implements Runnable {
    final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();

    @Override
    public void run() {
      List<Pending> batch = new ArrayList<>(MAX_BATCH);
      while (!closed) {
        try {
          Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
          if (first == null) {
            continue;
          }
          batch.add(first);
          queue.drainTo(batch, maxBatch - 1);
          sendBatch(batch);
        } catch (InterruptedException e) {
          // close() interrupted a round trip: its transactions would otherwise never be answered.
          for (Pending p : batch) {
            p.result().completeExceptionally(new IOException("the broadcaster is closed"));
          }
          break;
        } catch (RuntimeException e) {
          for (Pending p : batch) {
            p.result().completeExceptionally(new IOException(describe(e), e));
          }
        } finally {
          batch.clear();
        }
      }
      Pending p;
      while ((p = queue.poll()) != null) {
        p.result().completeExceptionally(new IOException("the broadcaster is closed"));
      }
    }
  }

  private void sendBatch(List<Pending> batch) throws InterruptedException {
    ArrayNode body = MAPPER.createArrayNode();
    long firstId = ids.getAndAdd(batch.size()) + 1;
    for (int i = 0; i < batch.size(); i++) {
      ObjectNode call = body.addObject();
      call.put("jsonrpc", "2.0");
      call.put("id", firstId + i);
      call.put("method", "broadcast_tx_sync");
      call.putObject("params").put("tx", Base64.getEncoder().encodeToString(batch.get(i).raw()));
    }
    HttpResponse<byte[]> response;
    try {
      HttpRequest request =
          HttpRequest.newBuilder(endpoint)
              .timeout(timeout)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofByteArray(MAPPER.writeValueAsBytes(body)))
              .build();
      response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      IOException failure =
          new IOException("cannot reach CometBFT at " + endpoint + ": " + describe(e), e);
      batch.forEach(p -> p.result().completeExceptionally(failure));
      return;
    }
    JsonNode answers;
    try {
      answers = MAPPER.readTree(response.body());
    } catch (IOException e) {
      answers = null;
    }
    if (answers != null && answers.isObject() && batch.size() == 1) {
      // CometBFT answers a batch of one with a bare object, which is that call's answer.
      CompletableFuture<BroadcastResult> f = batch.get(0).result();
      try {
        f.complete(parse(response.statusCode(), answers));
      } catch (IOException e) {
        f.completeExceptionally(e);
      }
      return;
    }
    if (answers != null && answers.isObject()) {
      // One object for several calls: CometBFT refused the batch as a whole.
      int limit = batchLimit(answers);
      if (limit > 0 && limit < batch.size()) {
        // CometBFT's [rpc] max_request_batch_size is lower than our batch: adopt it and resend.
        maxBatch = Math.min(maxBatch, limit);
        int chunk = maxBatch;
        for (int from = 0; from < batch.size(); from += chunk) {
          sendBatch(batch.subList(from, Math.min(batch.size(), from + chunk)));
        }
        return;
      }
    }
    if (answers == null || !answers.isArray()) {
      IOException failure;
      try {
        BroadcastResult r = parse(response.statusCode(), response.body());
        failure = new IOException("CometBFT answered a batch with one result: " + r.log());
      } catch (IOException e) {
        failure = e;
      }
      IOException f = failure;
      batch.forEach(p -> p.result().completeExceptionally(f));
      return;
    }
    BroadcastResult[] results = new BroadcastResult[batch.size()];
    IOException[] failures = new IOException[batch.size()];
    for (JsonNode answer : answers) {
      long offset = answer.path("id").asLong(-1) - firstId;
      if (offset < 0 || offset >= batch.size()) {
        continue;
      }
      int i = (int) offset;
      try {
        results[i] = parse(response.statusCode(), answer);
      } catch (IOException e) {
        failures[i] = e;
      }
    }
    for (int i = 0; i < batch.size(); i++) {
      CompletableFuture<BroadcastResult> f = batch.get(i).result();
      if (results[i] != null) {
        f.complete(results[i]);
      } else {
        f.completeExceptionally(
            failures[i] != null
                ? failures[i]
                : new IOException("CometBFT left a transaction of a batch unanswered"));
      }
    }
  }

  /**
   * The N of CometBFT's "batch request exceeds maximum (N) allowed number of requests" refusal, or
   * 0 when {@code answer} is another answer.
   */
  static int batchLimit(JsonNode answer) {
    JsonNode error = answer.path("error");
    String text = error.path("data").asText("") + " " + error.path("message").asText("");
    java.util.regex.Matcher m = BATCH_LIMIT.matcher(text);
    return m.find() ? Integer.parseInt(m.group(1)) : 0;
  }

  /** Reads CometBFT's answer (package-private for tests). */
  static BroadcastResult parse(int status, byte[] body) throws IOException {
    JsonNode root;
    try {
      root = MAPPER.readTree(body);
    } catch (IOException e) {
      throw new IOException("CometBFT answered HTTP " + status + " with a body that is not JSON");
    }
    return parse(status, root);
  }

  static BroadcastResult parse(int status, JsonNode root) throws IOException {
    if (root == null || !root.isObject()) {
      throw new IOException("CometBFT answered HTTP " + status + " without a JSON-RPC object");
    }
    JsonNode error = root.get("error");
    if (error != null && !error.isNull()) {
      String text = error.path("data").asText("") + " " + error.path("message").asText("");
      String lower = text.toLowerCase(Locale.ROOT);
      if (lower.contains("tx already exists in cache")) {
        return BroadcastResult.refused(BroadcastResult.MEMPOOL_REFUSED, "already known");
      }
      if (lower.contains("mempool is full")) {
        return BroadcastResult.refused(BroadcastResult.MEMPOOL_REFUSED, "txpool is full");
      }
      if (lower.contains("tx too large")) {
        return BroadcastResult.refused(
            BroadcastResult.MEMPOOL_REFUSED, "oversized data: " + text.trim());
      }
      throw new IOException("CometBFT refused broadcast_tx_sync: " + text.trim());
    }
    JsonNode result = root.get("result");
    if (result == null || !result.isObject()) {
      throw new IOException("CometBFT answered HTTP " + status + " without a result");
    }
    JsonNode code = result.get("code");
    int c;
    if (code == null || code.isNull()) {
      c = 0;
    } else if (code.isIntegralNumber()) {
      c = code.intValue();
    } else if (code.isTextual() && code.asText().matches("\\d{1,9}")) {
      c = Integer.parseInt(code.asText());
    } else {
      throw new IOException("CometBFT answered a CheckTx code that is not a number: " + code);
    }
    if (c == 0) {
      return BroadcastResult.ACCEPTED;
    }
    String log = result.path("log").asText("");
    return BroadcastResult.refused(c, log.isEmpty() ? "transaction refused (code " + c + ")" : log);
  }

  private static String describe(Throwable e) {
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
  }

  @Override
  public void close() {
    closed = true;
    for (Thread t : laneThreads) {
      t.interrupt();
    }
    client.shutdownNow();
  }
}
