package io.zgnode.chain.sim;

import java.time.Duration;

/**
 * When a simulation must stop. Reads the monotonic clock only; the EVM itself never sees it, so
 * determinism of consensus execution is not at stake (this is RPC-only code).
 */
public final class Deadline {
  private static final Deadline NONE = new Deadline(Duration.ZERO, 0, false);

  private final Duration timeout;
  private final long endNanos;
  private final boolean bounded;

  private Deadline(Duration timeout, long endNanos, boolean bounded) {
    this.timeout = timeout;
    this.endNanos = endNanos;
    this.bounded = bounded;
  }

  /** A deadline {@code timeout} from now. */
  public static Deadline after(Duration timeout) {
    return new Deadline(timeout, System.nanoTime() + saturatedNanos(timeout), true);
  }

  /** No deadline. */
  public static Deadline none() {
    return NONE;
  }

  /** The timeout this deadline was made with (for messages). */
  public Duration timeout() {
    return timeout;
  }

  public boolean expired() {
    return bounded && System.nanoTime() - endNanos >= 0;
  }

  /**
   * @throws DeadlineExceededException when the deadline has passed
   */
  public void check() {
    if (expired()) {
      throw new DeadlineExceededException(timeout);
    }
  }

  private static long saturatedNanos(Duration d) {
    try {
      return d.toNanos();
    } catch (ArithmeticException overflow) {
      return d.isNegative() ? Long.MIN_VALUE / 2 : Long.MAX_VALUE / 2;
    }
  }
}
