package io.zgnode.jsonrpc.debug;

/** A trace grew past the size the node answers; the method says how to ask for less. */
final class TraceTooLargeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  TraceTooLargeException(long limit) {
    super(
        "trace result exceeds "
            + limit
            + " bytes: set the \"limit\" option, or disable the stack, storage or memory",
        null,
        false,
        false);
  }
}
