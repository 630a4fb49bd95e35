package io.zgnode.chain.exec;

import io.zgnode.chain.TxCode;
import io.zgnode.chain.TxRejection;
import java.util.List;

/**
 * What one transaction of a block did: the ABCI result fields. {@code code != OK} means the
 * transaction was not executed and changed nothing (it could not pay, or was malformed).
 */
public record TxOutcome(
    TxCode code, String log, byte[] data, long gasWanted, long gasUsed, List<TxEvent> events) {

  public static TxOutcome rejected(TxRejection r, long gasWanted) {
    return new TxOutcome(r.code(), r.message(), new byte[0], gasWanted, 0, List.of());
  }

  public boolean ok() {
    return code == TxCode.OK;
  }
}
