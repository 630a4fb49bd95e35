package io.zgnode.chain;

/** Why a transaction was not accepted: a code and geth-compatible text. */
public record TxRejection(TxCode code, String message) {
  public static TxRejection of(TxCode code, String message) {
    return new TxRejection(code, message);
  }
}
