package io.zgnode.evm.world;

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
}
