package io.zgnode.state.db;

/**
 * The key-value store failed: it could not be opened (locked by another process, corrupt, not a
 * database), or a read or write failed underneath. The message names the database directory and
 * what went wrong.
 */
public final class StorageException extends RuntimeException {
  public StorageException(String message) {
    super(message);
  }

  public StorageException(String message, Throwable cause) {
    super(message, cause);
  }
}
