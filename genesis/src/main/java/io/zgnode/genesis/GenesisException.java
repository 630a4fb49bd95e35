package io.zgnode.genesis;

/** A genesis that cannot be used; the message names the field and what is wrong with it. */
public final class GenesisException extends RuntimeException {
  public GenesisException(String message) {
    super(message);
  }

  public GenesisException(String message, Throwable cause) {
    super(message, cause);
  }
}
