package io.zgnode.evm.world;

import io.zgnode.evm.rlp.RlpWriter;
import io.zgnode.evm.types.Address;
import io.zgnode.evm.types.Hash;
import java.util.List;

/**
 * One log entry of LOG0-LOG4: the emitting contract, up to four topics and the data (not copied;
 * never modified after creation).
 */
public record Log(Address address, List<Hash> topics, byte[] data) {
  public Log {
    topics = List.copyOf(topics);
  }

  /**
   * Writes {@code logs} as Ethereum encodes them in receipts: a list of [address, [topics], data].
   */
  public static void writeRlp(RlpWriter w, List<Log> logs) {
    w.startList();
    for (Log log : logs) {
      w.startList();
      w.writeBytes(log.address().bytesUnsafe());
      w.startList();
      for (Hash t : log.topics()) {
        w.writeBytes(t.bytesUnsafe());
      }
      w.endList();
      w.writeBytes(log.data());
      w.endList();
    }
    w.endList();
  }
}
