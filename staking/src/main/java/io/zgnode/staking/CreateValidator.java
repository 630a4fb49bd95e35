package io.zgnode.staking;

import io.zgnode.evm.types.Address;
import io.zgnode.staking.math.Dec;
import io.zgnode.staking.validator.Description;
import java.math.BigInteger;

/**
 * A create-validator request: the operator self-delegates {@code selfDelegation} tokens from its
 * balance. {@code consensusPubKey} must be an ed25519 key of 32 bytes.
 */
public record CreateValidator(
    Address operator,
    byte[] consensusPubKey,
    BigInteger selfDelegation,
    Dec commissionRate,
    Dec commissionMaxRate,
    Dec commissionMaxChangeRate,
    Description description,
    BigInteger minSelfDelegation) {}
