package io.zgnode.tools;

/**
 * An error the user can act on (a bad argument, a missing file, a node that is not running). The
 * CLI prints its message as one line on stderr, without a stack trace, and exits non-zero.
 */
public class CliException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CliException(String message) {
    super(message);
  }

  public CliException(String message, Throwable cause) {
    super(message, cause);
  }
}
