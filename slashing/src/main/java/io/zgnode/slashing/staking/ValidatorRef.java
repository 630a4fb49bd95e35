package io.zgnode.slashing.staking;

import io.zgnode.evm.types.Address;
import io.zgnode.slashing.signing.ConsAddress;
import java.math.BigInteger;
import java.util.Objects;

/**
 * What slashing needs to know of a validator, as the staking module sees it now.
 *
 * @param operator the operator (EVM) address
 * @param consAddress the CometBFT validator address of its consensus key
 * @param tokens the bonded tokens, smallest unit
 * @param jailed whether staking has it jailed
 * @param status bonded, unbonding or unbonded
 * @param minSelfDelegation the minimum self-delegation the operator declared, smallest unit
 */
public record ValidatorRef(
    Address operator,
    ConsAddress consAddress,
    BigInteger tokens,
    boolean jailed,
    BondStatus status,
    BigInteger minSelfDelegation) {
  public ValidatorRef {
    Objects.requireNonNull(operator, "operator");
    Objects.requireNonNull(consAddress, "consAddress");
    Objects.requireNonNull(tokens, "tokens");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(minSelfDelegation, "minSelfDelegation");
  }
}
