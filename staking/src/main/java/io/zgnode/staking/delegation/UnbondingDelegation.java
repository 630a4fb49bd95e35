package io.zgnode.staking.delegation;

import io.zgnode.evm.types.Address;
import java.util.List;

/** The unbonding entries of one delegator from one validator, oldest first. */
public record UnbondingDelegation(
    Address delegator, Address validator, List<UnbondingEntry> entries) {
  public UnbondingDelegation {
    entries = List.copyOf(entries);
  }
}
