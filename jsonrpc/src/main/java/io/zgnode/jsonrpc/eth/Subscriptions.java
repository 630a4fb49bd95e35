package io.zgnode.jsonrpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.zgnode.chain.block.LogFilter;
import io.zgnode.jsonrpc.core.MethodRegistry;
import io.zgnode.jsonrpc.core.RpcException;
import io.zgnode.jsonrpc.core.RpcRequest;
import io.zgnode.jsonrpc.core.RpcSession;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * eth_subscribe / eth_unsubscribe over a WebSocket session: "newHeads" (the header object of each
 * committed block), "logs" (one notification per matching log, in chain order; fromBlock and
 * toBlock are ignored, as in geth), "newPendingTransactions" (hashes, or full transaction objects
 * with {@code true} as second parameter) and "syncing" (a single {@code false}: a node that answers
 * is in sync, CometBFT state-syncs before the app serves).
 *
 * <p>Notifications are produced on the {@link EventHub}'s thread and handed to the session's
 * non-blocking notify, so a slow connection costs its own queue, never the node.
 */
final class Subscriptions implements EventHub.Sink {
  enum Kind {
    NEW_HEADS,
    LOGS,
    PENDING,
    SYNCING
  }

  /** One live subscription. Added to its map only once the session has given it an id. */
  private final class Sub implements RpcSession.Subscription {
    final Kind kind;
    final RpcSession session;
    final LogFilter filter;
    final boolean fullTx;
    final long key = keys.incrementAndGet();
    volatile String id;
    volatile boolean cancelled;

    Sub(Kind kind, RpcSession session, LogFilter filter, boolean fullTx) {
      this.kind = kind;
      this.session = session;
      this.filter = filter;
      this.fullTx = fullTx;
    }

    @Override
    public void cancel() {
      cancelled = true;
      Map<Long, Sub> m = mapOf(kind);
      if (m != null) {
        m.remove(key);
      }
    }
  }

  private final AtomicLong keys = new AtomicLong();
  // Keyed by a sequence number: iteration order across subscriptions does not matter, each one
  // receives its own notifications in order because a single thread produces them.
  private final Map<Long, Sub> heads = new ConcurrentHashMap<>();
  private final Map<Long, Sub> logs = new ConcurrentHashMap<>();
  private final Map<Long, Sub> pending = new ConcurrentHashMap<>();
  private final EventHub hub;

  Subscriptions(EventHub hub) {
    this.hub = hub;
  }

  void register(MethodRegistry r) {
    r.register("eth_subscribe", this::subscribe);
    r.register("eth_unsubscribe", this::unsubscribe);
  }

  private Map<Long, Sub> mapOf(Kind k) {
    return switch (k) {
      case NEW_HEADS -> heads;
      case LOGS -> logs;
      case PENDING -> pending;
      case SYNCING -> null;
    };
  }

  private JsonNode subscribe(RpcRequest req) throws RpcException {
    RpcSession session = req.session();
    if (session == null || !session.isWebSocket()) {
      throw new RpcException(RpcException.METHOD_NOT_FOUND, "notifications not supported");
    }
    JsonNode nameNode = req.requiredParam(0, "subscription name");
    if (!nameNode.isTextual()) {
      throw RpcException.invalidParams("invalid argument 0: subscription name must be a string");
    }
    String name = nameNode.asText();
    Sub sub =
        switch (name) {
          case "newHeads" -> {
            req.maxParams(1);
            yield new Sub(Kind.NEW_HEADS, session, null, false);
          }
          case "logs" -> {
            req.maxParams(2);
            LogCriteria c = LogCriteria.parse(req.param(1));
            yield new Sub(Kind.LOGS, session, c.filter(), false);
          }
          case "newPendingTransactions" -> {
            req.maxParams(2);
            JsonNode p = req.param(1);
            boolean full = !p.isMissingNode() && !p.isNull() && RpcJson.parseBoolean(p, "1");
            yield new Sub(Kind.PENDING, session, null, full);
          }
          case "syncing" -> {
            req.maxParams(1);
            yield new Sub(Kind.SYNCING, session, null, false);
          }
          default ->
              throw new RpcException(
                  RpcException.METHOD_NOT_FOUND,
                  "no \"" + name + "\" subscription in eth namespace");
        };
    String id = session.subscribe(sub);
    sub.id = id;
    Map<Long, Sub> m = mapOf(sub.kind);
    if (m != null) {
      m.put(sub.key, sub);
      if (sub.cancelled) {
        m.remove(sub.key);
      }
    } else {
      // After the events already queued, so usually after this answer has gone out.
      hub.later(() -> session.notify(id, BooleanNode.FALSE));
    }
    return TextNode.valueOf(id);
  }

  private JsonNode unsubscribe(RpcRequest req) throws RpcException {
    req.maxParams(1);
    JsonNode id = req.requiredParam(0, "id");
    if (!id.isTextual()) {
      throw RpcJson.cannotUnmarshal(id, "0", "rpc.ID");
    }
    RpcSession session = req.session();
    if (session == null || !session.unsubscribe(id.asText())) {
      throw RpcException.rejected("subscription not found");
    }
    return BooleanNode.TRUE;
  }

  @Override
  public void onBlock(BlockEvent e) {
    if (!heads.isEmpty()) {
      JsonNode header = e.headerJson();
      for (Sub s : heads.values()) {
        s.session.notify(s.id, header);
      }
    }
    if (!logs.isEmpty() && !e.block().receipts().isEmpty()) {
      for (Sub s : logs.values()) {
        for (BlockEvent.LogEntry l : e.logs()) {
          if (s.cancelled) {
            break;
          }
          if (s.filter.matches(l.log().log())) {
            s.session.notify(s.id, l.json());
          }
        }
      }
    }
  }

  @Override
  public void onPending(PendingEvent e) {
    for (Sub s : pending.values()) {
      s.session.notify(s.id, s.fullTx ? e.fullJson() : e.hashJson());
    }
  }

  @Override
  public boolean wantsPending() {
    return !pending.isEmpty();
  }

  int count() {
    return heads.size() + logs.size() + pending.size();
  }
}
