package io.zgnode.state.db;

import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * Lets calls run concurrently while keeping {@link #close} from releasing native resources under
 * them: a call in progress holds a count; close marks the guard closed and then waits for the count
 * to drain. Using a closed native RocksDB handle would crash the JVM, hence the care.
 */
final class UseGuard {
  private final LongAdder inFlight = new LongAdder();
  private final String what;
  private volatile boolean closed;

  UseGuard(String what) {
    this.what = what;
  }

  void enter() {
    inFlight.increment();
    if (closed) {
      inFlight.decrement();
      throw new IllegalStateException(what + " is closed");
    }
  }

  void exit() {
    inFlight.decrement();
  }

  boolean isClosed() {
    return closed;
  }

  /**
   * Marks the guard closed and waits for the calls in progress.
   *
   * @return false when it was already closed
   */
  synchronized boolean close() {
    if (closed) {
      return false;
    }
    closed = true;
    while (inFlight.sum() != 0) {
      LockSupport.parkNanos(100_000);
    }
    return true;
  }
}
