package io.zgnode.abci.transport;

/**
 * Thrown inside the transport once a method without an error channel has failed: the connection
 * must not answer normally any more. The {@link FatalErrorHandler} has already been told.
 */
final class FatalAbciException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  FatalAbciException(String message, Throwable cause) {
    super(message, cause);
  }
}
