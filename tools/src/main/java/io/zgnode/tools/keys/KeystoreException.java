package io.zgnode.tools.keys;

/** A keystore file that cannot be read: not JSON, a missing field, an unsupported cipher or KDF. */
public class KeystoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public KeystoreException(String message) {
    super(message);
  }

  public KeystoreException(String message, Throwable cause) {
    super(message, cause);
  }

  /** The MAC did not match: the password is not the one the file was encrypted with. */
  public static final class WrongPassword extends KeystoreException {
    private static final long serialVersionUID = 1L;

    public WrongPassword() {
      super("wrong password");
    }
  }
}
