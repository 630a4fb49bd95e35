package io.zgnode.chain.block;

/**
 * A log query asked for more than the node answers in one go: a block range wider than the limit,
 * or more matching logs than the result cap. The message says which limit and what to do.
 */
public final class LogQueryLimitException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public LogQueryLimitException(String message) {
    super(message);
  }
}
