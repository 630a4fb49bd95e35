package io.zgnode.jsonrpc.core;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

/**
 * JSON-RPC 2.0 over any transport: one request text in, one answer text (or nothing) out.
 *
 * <p>The text is parsed and checked on the calling thread (a network event loop: cheap and bounded
 * by the transport's size limit); the methods run on {@code workers}, one task per request or per
 * batch. A batch runs its calls in order on one worker, as geth does, so a batch never holds more
 * than one worker; consecutive {@link PipelinedRpcMethod} calls (transaction submissions) are
 * started in order without waiting for each other's round trip.
 *
 * <p>Error answers follow geth: malformed JSON is -32700 "parse error" with a null id; a message
 * that is not a request is -32600 "invalid request"; params that are not an array are -32602
 * "non-array args"; limits and a full worker queue are -32005.
 */
public final class RpcDispatcher {
  private static final System.Logger LOG = System.getLogger(RpcDispatcher.class.getName());

  public static final String PARSE_ERROR_MESSAGE = "parse error";
  public static final String INVALID_REQUEST_MESSAGE = "invalid request";
  public static final String EMPTY_BATCH_MESSAGE = "empty batch";
  public static final String NON_ARRAY_ARGS_MESSAGE = "non-array args";
  public static final String BUSY_MESSAGE = "server busy, try again";
  public static final String RESPONSE_TOO_LARGE_MESSAGE = "response too large";

  /** Room counted for a pipelined call's answer (a transaction hash) before it is known. */
  private static final int PIPELINED_ANSWER_BYTES = 100;

  private final MethodRegistry registry;
  private final Executor workers;
  private final int maxBatchItems;
  private final long maxResponseBytes;

  /**
   * @param workers runs the methods; a {@link RejectedExecutionException} from it is answered with
   *     "server busy, try again"
   * @param maxBatchItems most calls in one batch
   * @param maxResponseBytes size past which the rest of a batch is answered "response too large"
   */
  public RpcDispatcher(
      MethodRegistry registry, Executor workers, int maxBatchItems, long maxResponseBytes) {
    if (maxBatchItems < 1 || maxResponseBytes < 1) {
      throw new IllegalArgumentException(
          "maxBatchItems and maxResponseBytes must be positive, got "
              + maxBatchItems
              + " and "
              + maxResponseBytes);
    }
    this.registry = registry;
    this.workers = workers;
    this.maxBatchItems = maxBatchItems;
    this.maxResponseBytes = maxResponseBytes;
  }

  /**
   * Handles one HTTP body or WebSocket message. The future completes with the answer's bytes, or
   * with null when there is nothing to answer (notifications only); it never completes
   * exceptionally.
   */
  public CompletableFuture<byte[]> dispatch(byte[] text, RpcSession session) {
    JsonNode root;
    try {
      root = RpcMessages.parse(text);
    } catch (StreamConstraintsException e) {
      String what =
          String.valueOf(e.getMessage()).contains("epth")
              ? "nested deeper than " + RpcMessages.MAX_REQUEST_DEPTH + " levels"
              : "more than " + RpcMessages.MAX_REQUEST_TOKENS + " JSON tokens";
      return CompletableFuture.completedFuture(
          RpcMessages.errorBytes(RpcException.LIMIT_EXCEEDED, "request too complex: " + what));
    } catch (IOException e) {
      LOG.log(Level.DEBUG, "unparsable JSON-RPC request: {0}", e.getMessage());
      return CompletableFuture.completedFuture(
          RpcMessages.errorBytes(RpcException.PARSE_ERROR, PARSE_ERROR_MESSAGE));
    }
    if (root.isArray()) {
      return batch((ArrayNode) root, session);
    }
    Call call = Call.of(root);
    if (call.refusal() != null) {
      return CompletableFuture.completedFuture(
          call.notification() ? null : RpcMessages.toBytes(call.refusalAnswer()));
    }
    return submit(
        () -> {
          ObjectNode answer = execute(call, session);
          return answer == null ? null : serialize(answer, call.id());
        },
        () ->
            call.notification()
                ? null
                : RpcMessages.toBytes(
                    RpcMessages.error(call.id(), RpcException.LIMIT_EXCEEDED, BUSY_MESSAGE)));
  }

  private CompletableFuture<byte[]> batch(ArrayNode array, RpcSession session) {
    if (array.isEmpty()) {
      return CompletableFuture.completedFuture(
          RpcMessages.errorBytes(RpcException.INVALID_REQUEST, EMPTY_BATCH_MESSAGE));
    }
    if (array.size() > maxBatchItems) {
      return CompletableFuture.completedFuture(batchTooLarge(array));
    }
    List<Call> calls = new ArrayList<>(array.size());
    for (JsonNode n : array) {
      calls.add(Call.of(n));
    }
    return submit(() -> runBatch(calls, session), () -> busyBatch(calls));
  }

  /**
   * geth's answer to an oversized batch: one error, in an array so that batch clients can read it,
   * carrying the id of the first call so that it can be matched to something.
   */
  private byte[] batchTooLarge(ArrayNode array) {
    JsonNode id = NullNode.instance;
    for (JsonNode n : array) {
      Call c = Call.of(n);
      if (c.refusal() == null && !c.notification()) {
        id = c.id();
        break;
      }
    }
    ArrayNode answer = JsonNodeFactory.instance.arrayNode();
    answer.add(
        RpcMessages.error(
            id,
            RpcException.LIMIT_EXCEEDED,
            "batch too large: " + array.size() + " requests, limit " + maxBatchItems));
    return RpcMessages.toBytes(answer);
  }

  private byte[] runBatch(List<Call> calls, RpcSession session) {
    // Slot i holds call i's answer, or the future of a pipelined call still in flight.
    Object[] slots = new Object[calls.size()];
    List<Integer> inFlight = new ArrayList<>();
    long size = 0;
    for (int i = 0; i < calls.size(); i++) {
      Call call = calls.get(i);
      if (size > maxResponseBytes) {
        // geth keeps the answer that crossed the line and refuses (does not run) the calls after
        // it.
        slots[i] =
            call.notification()
                ? null
                : RpcMessages.error(
                    call.id(), RpcException.LIMIT_EXCEEDED, RESPONSE_TOO_LARGE_MESSAGE);
        continue;
      }
      PipelinedRpcMethod pipelined = pipelined(call);
      if (pipelined != null) {
        slots[i] = start(pipelined, call, session);
        inFlight.add(i);
        size += PIPELINED_ANSWER_BYTES;
        continue;
      }
      // Anything else sees the effects of the calls before it, as in a one-at-a-time batch.
      // Their answers are known now: count their real size instead of the estimate.
      for (int k : inFlight) {
        Call done = calls.get(k);
        ObjectNode answer = finish(done, slots[k]);
        byte[] bytes = answer == null ? null : serialize(answer, done.id());
        slots[k] = bytes;
        size += (bytes == null ? 0 : bytes.length + 1) - PIPELINED_ANSWER_BYTES;
      }
      inFlight.clear();
      ObjectNode answer = execute(call, session);
      if (answer != null) {
        byte[] bytes = serialize(answer, call.id());
        size += bytes.length + 1;
        slots[i] = bytes;
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write('[');
    boolean any = false;
    for (int i = 0; i < calls.size(); i++) {
      Call call = calls.get(i);
      Object slot = slots[i];
      byte[] bytes =
          slot instanceof byte[] b
              ? b
              : (slot = finish(call, slot)) == null
                  ? null
                  : serialize((ObjectNode) slot, call.id());
      if (bytes == null) {
        continue;
      }
      if (any) {
        out.write(',');
      }
      any = true;
      out.writeBytes(bytes);
    }
    if (!any) {
      return null;
    }
    out.write(']');
    return out.toByteArray();
  }

  private PipelinedRpcMethod pipelined(Call call) {
    if (call.refusal() != null) {
      return null;
    }
    return registry.find(call.method()).orElse(null) instanceof PipelinedRpcMethod p ? p : null;
  }

  /**
   * Starts a pipelined call: its future, or its answer when it is refused at once (null for a
   * notification).
   */
  private static Object start(PipelinedRpcMethod method, Call call, RpcSession session) {
    try {
      CompletableFuture<JsonNode> future =
          method.start(new RpcRequest(call.method(), call.params(), session));
      if (future == null) {
        // A null slot means "no answer": a broken method must not make its call vanish.
        throw new IllegalStateException("method " + call.method() + " started no call");
      }
      return future;
    } catch (RpcException e) {
      return call.notification() ? null : RpcMessages.error(call.id(), e);
    } catch (RuntimeException | StackOverflowError e) {
      LOG.log(Level.DEBUG, "JSON-RPC method " + call.method() + " failed", e);
      return call.notification()
          ? null
          : RpcMessages.error(call.id(), RpcException.INTERNAL_ERROR, messageOf(e));
    }
  }

  /** A slot's answer, waiting for it if it is a pipelined call in flight. */
  private static ObjectNode finish(Call call, Object slot) {
    if (!(slot instanceof CompletableFuture<?> f)) {
      return (ObjectNode) slot;
    }
    @SuppressWarnings("unchecked")
    CompletableFuture<JsonNode> future = (CompletableFuture<JsonNode>) f;
    ObjectNode answer;
    try {
      answer = RpcMessages.result(call.id(), PipelinedRpcMethod.await(future));
    } catch (RpcException e) {
      answer = RpcMessages.error(call.id(), e);
    } catch (RuntimeException e) {
      LOG.log(Level.DEBUG, "JSON-RPC method " + call.method() + " failed", e);
      answer = RpcMessages.error(call.id(), RpcException.INTERNAL_ERROR, messageOf(e));
    }
    return call.notification() ? null : answer;
  }

  private static byte[] busyBatch(List<Call> calls) {
    ArrayNode answer = JsonNodeFactory.instance.arrayNode();
    for (Call call : calls) {
      if (call.refusal() != null && !call.notification()) {
        answer.add(call.refusalAnswer());
      } else if (!call.notification()) {
        answer.add(RpcMessages.error(call.id(), RpcException.LIMIT_EXCEEDED, BUSY_MESSAGE));
      }
    }
    return answer.isEmpty() ? null : RpcMessages.toBytes(answer);
  }

  /** Runs {@code work} on a worker; {@code busy} answers when the worker queue is full. */
  private CompletableFuture<byte[]> submit(Supplier<byte[]> work, Supplier<byte[]> busy) {
    CompletableFuture<byte[]> done = new CompletableFuture<>();
    try {
      workers.execute(() -> {
        try {
          done.complete(work.get());
        } catch (Throwable t) {
          // Only an Error gets here (methods' exceptions are answers); answer, then rethrow
          // so that the worker's uncaught-exception handling still sees it.
          done.complete(
              RpcMessages.errorBytes(RpcException.INTERNAL_ERROR, "internal error: " + t));
          throw t;
        }
      });
    } catch (RejectedExecutionException e) {
      done.complete(busy.get());
    }
    return done;
  }

  /** Calls the method; null for a notification (whatever happened). */
  private ObjectNode execute(Call call, RpcSession session) {
    if (call.refusal() != null) {
      return call.notification() ? null : call.refusalAnswer();
    }
    ObjectNode answer;
    try {
      Optional<RpcMethod> method = registry.find(call.method());
      if (method.isEmpty()) {
        throw RpcException.methodNotFound(call.method());
      }
      JsonNode result = method.get().call(new RpcRequest(call.method(), call.params(), session));
      answer = RpcMessages.result(call.id(), result);
    } catch (RpcException e) {
      answer = RpcMessages.error(call.id(), e);
    } catch (RuntimeException | StackOverflowError e) {
      LOG.log(Level.DEBUG, "JSON-RPC method " + call.method() + " failed", e);
      answer = RpcMessages.error(call.id(), RpcException.INTERNAL_ERROR, messageOf(e));
    }
    return call.notification() ? null : answer;
  }

  /** Serializes an answer; a result that cannot be written becomes an internal error. */
  private static byte[] serialize(ObjectNode answer, JsonNode id) {
    try {
      return RpcMessages.toBytes(answer);
    } catch (IllegalStateException e) {
      LOG.log(Level.DEBUG, "unserializable JSON-RPC result", e);
      return RpcMessages.toBytes(RpcMessages.error(id, RpcException.INTERNAL_ERROR, messageOf(e)));
    }
  }

  private static String messageOf(Throwable e) {
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
  }

  /**
   * One element of a request, checked: either a call to run ({@code refusal} null) or the error
   * that answers it. A notification is a well-formed call without an "id" member.
   */
  private record Call(
      JsonNode id, boolean notification, String method, ArrayNode params, RpcException refusal) {

    static Call of(JsonNode n) {
      if (!n.isObject()) {
        return invalid(NullNode.instance);
      }
      JsonNode id = n.get("id");
      if (id != null && id.isContainerNode()) {
        return invalid(NullNode.instance);
      }
      JsonNode answerId = id == null ? NullNode.instance : id;
      JsonNode version = n.get("jsonrpc");
      JsonNode method = n.get("method");
      if (version == null
          || !version.isTextual()
          || !version.textValue().equals("2.0")
          || method == null
          || !method.isTextual()
          || method.textValue().isEmpty()) {
        // geth answers every malformed message, even one without an id.
        return invalid(answerId);
      }
      boolean notification = id == null;
      JsonNode params = n.get("params");
      if (params == null || params.isNull()) {
        return new Call(answerId, notification, method.textValue(), null, null);
      }
      if (!params.isArray()) {
        return new Call(
            answerId,
            notification,
            method.textValue(),
            null,
            RpcException.invalidParams(NON_ARRAY_ARGS_MESSAGE));
      }
      return new Call(answerId, notification, method.textValue(), (ArrayNode) params, null);
    }

    private static Call invalid(JsonNode id) {
      return new Call(
          id,
          false,
          null,
          null,
          new RpcException(RpcException.INVALID_REQUEST, INVALID_REQUEST_MESSAGE));
    }

    ObjectNode refusalAnswer() {
      return RpcMessages.error(id, refusal);
    }
  }
}
