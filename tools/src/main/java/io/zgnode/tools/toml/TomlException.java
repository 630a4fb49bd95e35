package io.zgnode.tools.toml;

/** A TOML text this small reader cannot use; the message names the line. */
public final class TomlException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TomlException(String message) {
    super(message);
  }
}
