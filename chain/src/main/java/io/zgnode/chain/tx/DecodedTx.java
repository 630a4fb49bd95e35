package io.zgnode.chain.tx;

import io.zgnode.chain.TxRejection;
import io.zgnode.evm.tx.Transaction;
import io.zgnode.evm.types.Address;

/** The outcome of decoding a raw transaction and recovering its sender: done once, then reused. */
public sealed interface DecodedTx {

  /** A well-formed transaction whose signature recovers {@code sender}. */
  record Valid(Transaction tx, Address sender) implements DecodedTx {}

  /** Bytes that are not a transaction, or whose signature does not recover. */
  record Invalid(TxRejection reason) implements DecodedTx {}
}
