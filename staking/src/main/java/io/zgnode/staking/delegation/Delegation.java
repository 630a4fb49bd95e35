package io.zgnode.staking.delegation;

import io.zgnode.evm.types.Address;
import io.zgnode.staking.math.Dec;
import java.util.Objects;

/** The shares {@code delegator} holds in {@code validator}. */
public record Delegation(Address delegator, Address validator, Dec shares) {
  public Delegation {
    Objects.requireNonNull(delegator, "delegator");
    Objects.requireNonNull(validator, "validator");
    Objects.requireNonNull(shares, "shares");
  }
}
