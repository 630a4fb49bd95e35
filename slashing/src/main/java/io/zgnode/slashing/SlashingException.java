package io.zgnode.slashing;

/**
 * A refused slashing operation (an unjail that is not allowed): the message says why and is meant
 * for the user (a revert reason). Nothing was written when it is thrown.
 */
public final class SlashingException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SlashingException(String message) {
    super(message);
  }
}
