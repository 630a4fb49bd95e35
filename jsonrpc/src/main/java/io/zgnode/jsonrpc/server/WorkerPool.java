package io.zgnode.jsonrpc.server;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that run JSON-RPC methods: a fixed number, and a bounded queue in front of them. A
 * task that finds the queue full is refused at once with {@link RejectedExecutionException} (the
 * dispatcher answers "server busy"), so a flood costs a bounded amount of memory and the callers
 * learn about it instead of waiting.
 */
public final class WorkerPool implements Executor, AutoCloseable {
  private final ThreadPoolExecutor pool;

  public WorkerPool(int threads, int maxQueued) {
    if (threads < 1) {
      throw new IllegalArgumentException("workerThreads must be at least 1, got " + threads);
    }
    if (maxQueued < 0) {
      throw new IllegalArgumentException(
          "maxQueuedRequests must not be negative, got " + maxQueued);
    }
    BlockingQueue<Runnable> queue =
        maxQueued == 0 ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(maxQueued);
    AtomicInteger count = new AtomicInteger();
    ThreadFactory factory =
        r -> {
          Thread t = new Thread(r, "jsonrpc-worker-" + count.incrementAndGet());
          t.setDaemon(true);
          return t;
        };
    pool =
        new ThreadPoolExecutor(
            threads,
            threads,
            0,
            TimeUnit.MILLISECONDS,
            queue,
            factory,
            new ThreadPoolExecutor.AbortPolicy());
    pool.prestartAllCoreThreads();
  }

  @Override
  public void execute(Runnable task) {
    pool.execute(task);
  }

  /** Tasks waiting for a worker. */
  public int queued() {
    return pool.getQueue().size();
  }

  /** Refuses new tasks, lets running ones finish for up to {@code graceMillis}, then interrupts. */
  public void shutdown(long graceMillis) {
    pool.shutdown();
    try {
      if (!pool.awaitTermination(graceMillis, TimeUnit.MILLISECONDS)) {
        pool.shutdownNow();
      }
    } catch (InterruptedException e) {
      pool.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    shutdown(5_000);
  }
}
