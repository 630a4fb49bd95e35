package io.zgnode.chain.exec;

/**
 * Thrown out of the EVM by a tracer to stop a block's execution (a replay's deadline). The block
 * executor lets it through instead of recording an internal error, and the state it ran on is left
 * half-way, so only code running on a scratch state may throw it.
 */
public abstract class ExecutionAbortedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  protected ExecutionAbortedException(String message) {
    super(message, null, false, false);
  }
}
