package io.zgnode.state.trie;

/** A trie could not be read: a node is malformed or missing. */
public class TrieException extends RuntimeException {
  public TrieException(String message) {
    super(message);
  }

  public TrieException(String message, Throwable cause) {
    super(message, cause);
  }
}
