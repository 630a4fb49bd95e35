package io.zgnode.chain.sim;

import io.zgnode.chain.exec.ExecutionAbortedException;
import java.time.Duration;

/**
 * Thrown out of the EVM by a tracer when a simulation's {@link Deadline} passes. The state it ran
 * on is left half-way and must be thrown away, which simulations do anyway.
 */
public final class DeadlineExceededException extends ExecutionAbortedException {
  private static final long serialVersionUID = 1L;

  private final transient Duration timeout;

  public DeadlineExceededException(Duration timeout) {
    super("execution aborted (timeout = " + GoDuration.format(timeout) + ")");
    this.timeout = timeout;
  }

  public Duration timeout() {
    return timeout;
  }
}
