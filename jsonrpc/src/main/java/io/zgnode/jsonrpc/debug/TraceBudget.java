package io.zgnode.jsonrpc.debug;

/**
 * The size one request's traces may grow to, shared by every transaction a block trace covers, so a
 * heavy block cannot build an answer larger than the heap. Sizes are estimates of the JSON.
 */
final class TraceBudget {
  private final long limit;
  private long used;

  TraceBudget(long limit) {
    this.limit = limit;
  }

  /**
   * @throws TraceTooLargeException when the request's traces pass the limit
   */
  void charge(long bytes) {
    used += bytes;
    if (used > limit) {
      throw new TraceTooLargeException(limit);
    }
  }
}
