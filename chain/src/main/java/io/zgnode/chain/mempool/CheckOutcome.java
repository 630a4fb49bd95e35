package io.zgnode.chain.mempool;

import io.zgnode.chain.TxCode;
import io.zgnode.chain.TxRejection;
import io.zgnode.evm.types.Address;
import io.zgnode.evm.types.Hash;

/** CheckTx's answer: accepted (with the gas it wants) or rejected with a reason. */
public record CheckOutcome(TxCode code, String log, long gasWanted, Hash txHash, Address sender) {

  public static CheckOutcome rejected(TxRejection r) {
    return new CheckOutcome(r.code(), r.message(), 0, null, null);
  }

  public boolean accepted() {
    return code == TxCode.OK;
  }
}
