package io.zgnode.staking.delegation;

import io.zgnode.evm.types.Address;
import java.util.List;

/** The redelegation entries of one delegator from {@code source} to {@code destination}. */
public record Redelegation(
    Address delegator, Address source, Address destination, List<RedelegationEntry> entries) {
  public Redelegation {
    entries = List.copyOf(entries);
  }
}
