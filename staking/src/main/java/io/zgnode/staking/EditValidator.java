package io.zgnode.staking;

import io.zgnode.evm.types.Address;
import io.zgnode.staking.math.Dec;
import java.math.BigInteger;

/** An edit-validator request; every null field is left unchanged (the SDK's "[do-not-modify]"). */
public record EditValidator(
    Address operator,
    String moniker,
    String identity,
    String website,
    String securityContact,
    String details,
    Dec commissionRate,
    BigInteger minSelfDelegation) {

  public static EditValidator of(Address operator) {
    return new EditValidator(operator, null, null, null, null, null, null, null);
  }

  public EditValidator withMoniker(String m) {
    return new EditValidator(
        operator,
        m,
        identity,
        website,
        securityContact,
        details,
        commissionRate,
        minSelfDelegation);
  }

  public EditValidator withCommissionRate(Dec r) {
    return new EditValidator(
        operator, moniker, identity, website, securityContact, details, r, minSelfDelegation);
  }

  public EditValidator withMinSelfDelegation(BigInteger m) {
    return new EditValidator(
        operator, moniker, identity, website, securityContact, details, commissionRate, m);
  }
}
