package io.zgnode.chain.block;

import io.zgnode.evm.types.Address;
import io.zgnode.evm.types.Hash;
import io.zgnode.evm.world.Log;
import java.util.List;

/**
 * eth_getLogs' criteria: any of {@code addresses} (empty = any address) and, per topic position,
 * any of the listed hashes (an empty list at a position, or a missing position, = any topic).
 */
public record LogFilter(List<Address> addresses, List<List<Hash>> topics) {
  public LogFilter {
    addresses = List.copyOf(addresses);
    topics = topics.stream().map(List::copyOf).toList();
  }

  public static final LogFilter ANY = new LogFilter(List.of(), List.of());

  public boolean matches(Log log) {
    if (!addresses.isEmpty() && !addresses.contains(log.address())) {
      return false;
    }
    for (int i = 0; i < topics.size(); i++) {
      List<Hash> wanted = topics.get(i);
      if (wanted.isEmpty()) {
        continue;
      }
      if (i >= log.topics().size() || !wanted.contains(log.topics().get(i))) {
        return false;
      }
    }
    return true;
  }
}
