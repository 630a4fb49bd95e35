package io.zgnode.jsonrpc.eth;

import io.zgnode.chain.block.ChainListener;
import io.zgnode.chain.block.CommittedBlock;
import io.zgnode.chain.mempool.PendingTx;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Receives the chain's events (on the consensus thread for blocks, on CheckTx threads for mempool
 * transactions) and hands them to one event thread, which builds each block's JSON once and fans it
 * out to the filters and subscriptions. The chain's threads only enqueue, so a slow subscriber can
 * never delay consensus or CheckTx.
 *
 * <p>Bounded: when more than {@value #MAX_BACKLOG} events wait, further events are dropped and
 * counted; pending-transaction events are dropped earlier, past {@value #MAX_PENDING_BACKLOG}, so
 * that blocks keep flowing under a transaction flood. With no subscriber to pending transactions,
 * those events are not even enqueued.
 */
final class EventHub implements ChainListener, AutoCloseable {
  static final int MAX_BACKLOG = 4096;
  static final int MAX_PENDING_BACKLOG = 2048;
  private static final System.Logger LOG = System.getLogger(EventHub.class.getName());

  /** Something fed by the hub, called on the event thread only. */
  interface Sink {
    void onBlock(BlockEvent e);

    void onPending(PendingEvent e);

    /** Whether it has anything that wants pending transactions now. */
    boolean wantsPending();
  }

  private final List<Sink> sinks = new CopyOnWriteArrayList<>();
  private final Executor executor;
  private final ThreadPoolExecutor owned;
  private final AtomicInteger backlog = new AtomicInteger();
  private final AtomicLong dropped = new AtomicLong();
  private volatile boolean closed;

  /**
   * @param executor where events run; null for the hub's own single daemon thread
   */
  EventHub(Executor executor) {
    if (executor == null) {
      owned =
          new ThreadPoolExecutor(
              1,
              1,
              0,
              TimeUnit.MILLISECONDS,
              new LinkedBlockingQueue<>(MAX_BACKLOG + 16),
              r -> {
                Thread t = new Thread(r, "zgnode-rpc-events");
                t.setDaemon(true);
                return t;
              });
      this.executor = owned;
    } else {
      owned = null;
      this.executor = executor;
    }
  }

  void addSink(Sink s) {
    sinks.add(s);
  }

  /** Events dropped because the event thread fell behind. */
  long dropped() {
    return dropped.get();
  }

  @Override
  public void onBlockCommitted(CommittedBlock block) {
    if (closed) {
      return;
    }
    submit(
        MAX_BACKLOG,
        () -> {
          BlockEvent e = new BlockEvent(block);
          for (Sink s : sinks) {
            try {
              s.onBlock(e);
            } catch (RuntimeException ex) {
              LOG.log(Level.WARNING, "block event handler failed", ex);
            }
          }
        });
  }

  @Override
  public void onPendingTransaction(PendingTx tx) {
    if (closed || !wantsPending()) {
      return;
    }
    submit(
        MAX_PENDING_BACKLOG,
        () -> {
          PendingEvent e = new PendingEvent(tx);
          for (Sink s : sinks) {
            try {
              s.onPending(e);
            } catch (RuntimeException ex) {
              LOG.log(Level.WARNING, "pending transaction event handler failed", ex);
            }
          }
        });
  }

  /** Runs {@code r} on the event thread after the events already queued (for "syncing"). */
  void later(Runnable r) {
    if (!closed) {
      submit(MAX_BACKLOG, r);
    }
  }

  private boolean wantsPending() {
    for (Sink s : sinks) {
      if (s.wantsPending()) {
        return true;
      }
    }
    return false;
  }

  private void submit(int limit, Runnable task) {
    if (backlog.incrementAndGet() > limit) {
      backlog.decrementAndGet();
      countDrop();
      return;
    }
    try {
      executor.execute(() -> {
        backlog.decrementAndGet();
        if (!closed) {
          task.run();
        }
      });
    } catch (RejectedExecutionException e) {
      backlog.decrementAndGet();
      countDrop();
    }
  }

  private void countDrop() {
    long n = dropped.incrementAndGet();
    if (Long.bitCount(n) == 1) {
      LOG.log(
          Level.WARNING,
          "JSON-RPC event thread is behind: " + n + " block/transaction events dropped so far");
    }
  }

  /**
   * Stops delivering: events still queued or arriving later are ignored (the API also removes the
   * hub from the chain's listeners).
   */
  @Override
  public void close() {
    closed = true;
    if (owned != null) {
      owned.shutdownNow();
    }
  }
}
