package io.zgnode.evm.world;

import io.zgnode.evm.types.Address;
import io.zgnode.evm.types.Hash;

/** A storage slot of an account, as a key of the per-transaction sets. */
public record SlotKey(Address address, Hash slot) {
  @Override
  public int hashCode() {
    return address.hashCode() * 31 + slot.hashCode();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SlotKey k && slot.equals(k.slot) && address.equals(k.address);
  }
}
