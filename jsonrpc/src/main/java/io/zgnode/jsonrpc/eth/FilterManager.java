package io.zgnode.jsonrpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.zgnode.evm.bytes.Hex;
import io.zgnode.jsonrpc.core.RpcException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The installed polling filters (eth_newFilter, eth_newBlockFilter,
 * eth_newPendingTransactionFilter) and what each has seen since its last poll.
 *
 * <p>Limits: at most {@code maxFilters} filters across all clients (then -32005); a filter not
 * polled for {@code timeout} is removed by {@link #sweep()}, which the API runs on a timer (geth's
 * rule, with a finer timer so a filter lives at most 1.5 x the timeout). Each filter buffers at
 * most {@value #MAX_BUFFERED} changes; past that the oldest are dropped, so a client that polls too
 * rarely loses the oldest changes rather than the node its memory (use eth_getLogs to backfill a
 * gap).
 */
final class FilterManager implements EventHub.Sink {
  static final int MAX_BUFFERED = 10_000;
  private static final SecureRandom RANDOM = new SecureRandom();

  enum Kind {
    BLOCKS,
    PENDING,
    LOGS
  }

  /** One installed filter. Its buffer is guarded by its own monitor. */
  static final class Filter {
    final Kind kind;
    final LogCriteria criteria;
    final boolean fullTx;
    private final long liveFrom;
    private final long liveTo;
    private final ArrayDeque<JsonNode> buffer = new ArrayDeque<>();
    private volatile long lastPollMillis;
    private final int capacity;
    private long droppedChanges;

    Filter(Kind kind, LogCriteria criteria, boolean fullTx, long now, int capacity) {
      this.capacity = capacity;
      this.kind = kind;
      this.criteria = criteria;
      this.fullTx = fullTx;
      this.liveFrom = criteria == null ? 0 : criteria.liveFrom();
      this.liveTo = criteria == null ? Long.MAX_VALUE : criteria.liveTo();
      this.lastPollMillis = now;
    }

    synchronized void add(JsonNode change) {
      if (buffer.size() >= capacity) {
        buffer.pollFirst();
        droppedChanges++;
      }
      buffer.addLast(change);
    }

    synchronized ArrayNode drain() {
      ArrayNode out = RpcJson.NODES.arrayNode();
      out.addAll(buffer);
      buffer.clear();
      return out;
    }

    synchronized long droppedChanges() {
      return droppedChanges;
    }
  }

  private final Map<String, Filter> filters = new ConcurrentHashMap<>();
  private final AtomicInteger pendingFilters = new AtomicInteger();
  private final int maxFilters;
  private final Duration timeout;
  private final Clock clock;
  private final int bufferCapacity;

  FilterManager(int maxFilters, Duration timeout, Clock clock, int bufferCapacity) {
    if (bufferCapacity < 1) {
      throw new IllegalArgumentException("a filter must buffer at least one change");
    }
    this.bufferCapacity = bufferCapacity;
    this.maxFilters = maxFilters;
    this.timeout = timeout;
    this.clock = clock;
  }

  String install(Kind kind, LogCriteria criteria, boolean fullTx) throws RpcException {
    Filter f = new Filter(kind, criteria, fullTx, clock.millis(), bufferCapacity);
    String id;
    synchronized (this) {
      if (filters.size() >= maxFilters) {
        throw RpcException.limitExceeded(
            "too many filters installed (limit "
                + maxFilters
                + "); remove unused ones with eth_uninstallFilter");
      }
      do {
        id = newId();
      } while (filters.containsKey(id));
      filters.put(id, f);
    }
    if (kind == Kind.PENDING) {
      pendingFilters.incrementAndGet();
    }
    return id;
  }

  /** The filter with this id, marked as polled now. */
  Filter poll(String id) throws RpcException {
    Filter f = id == null ? null : filters.get(normalize(id));
    if (f == null) {
      throw RpcException.rejected("filter not found");
    }
    f.lastPollMillis = clock.millis();
    return f;
  }

  boolean uninstall(String id) {
    Filter f = id == null ? null : filters.remove(normalize(id));
    if (f != null && f.kind == Kind.PENDING) {
      pendingFilters.decrementAndGet();
    }
    return f != null;
  }

  /** Removes the filters not polled within the timeout; returns how many. */
  int sweep() {
    long deadline = clock.millis() - timeout.toMillis();
    int removed = 0;
    for (Map.Entry<String, Filter> e : filters.entrySet()) {
      if (e.getValue().lastPollMillis < deadline && uninstall(e.getKey())) {
        removed++;
      }
    }
    return removed;
  }

  int size() {
    return filters.size();
  }

  @Override
  public void onBlock(BlockEvent e) {
    for (Filter f : filters.values()) {
      switch (f.kind) {
        case BLOCKS -> f.add(e.hashJson());
        case LOGS -> {
          if (e.number() < f.liveFrom || e.number() > f.liveTo) {
            continue;
          }
          if (f.criteria.blockHash() != null && !f.criteria.blockHash().equals(e.block().hash())) {
            continue;
          }
          for (BlockEvent.LogEntry l : e.logs()) {
            if (f.criteria.filter().matches(l.log().log())) {
              f.add(l.json());
            }
          }
        }
        case PENDING -> {}
      }
    }
  }

  @Override
  public void onPending(PendingEvent e) {
    for (Filter f : filters.values()) {
      if (f.kind == Kind.PENDING) {
        f.add(f.fullTx ? e.fullJson() : e.hashJson());
      }
    }
  }

  @Override
  public boolean wantsPending() {
    return pendingFilters.get() > 0;
  }

  /** geth's ids: 16 random bytes as a quantity (hex without leading zeros). */
  private static String newId() {
    byte[] b = new byte[16];
    RANDOM.nextBytes(b);
    String hex = Hex.encodePlain(b).replaceFirst("^0+", "");
    return "0x" + (hex.isEmpty() ? "0" : hex);
  }

  private static String normalize(String id) {
    return id.toLowerCase(Locale.ROOT);
  }
}
