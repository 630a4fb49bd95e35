package io.zgnode.evm.tx;

import io.zgnode.evm.types.Address;
import io.zgnode.evm.types.Hash;
import java.util.List;

/** One EIP-2930 access-list entry: an address and the storage slots to warm with it. */
public record AccessListEntry(Address address, List<Hash> storageKeys) {
  public AccessListEntry {
    if (address == null || storageKeys == null) {
      throw new IllegalArgumentException("access list entry needs an address and a key list");
    }
    storageKeys = List.copyOf(storageKeys);
  }
}
