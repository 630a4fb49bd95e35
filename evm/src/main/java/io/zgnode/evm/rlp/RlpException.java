package io.zgnode.evm.rlp;

/** Malformed or non-canonical RLP. The message says what and where. */
public final class RlpException extends IllegalArgumentException {
  public RlpException(String message) {
    super(message);
  }
}
