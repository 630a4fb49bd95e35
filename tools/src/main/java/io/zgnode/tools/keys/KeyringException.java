package io.zgnode.tools.keys;

import io.zgnode.tools.CliException;

/** A keyring operation the user must fix: a bad or unknown name, a wrong password, a bad file. */
public final class KeyringException extends CliException {
  private static final long serialVersionUID = 1L;

  public KeyringException(String message) {
    super(message);
  }

  public KeyringException(String message, Throwable cause) {
    super(message, cause);
  }
}
