package io.zgnode.staking;

import java.math.BigInteger;

/** The tokens an undelegation took out and the block time at which they are paid. */
public record Undelegation(BigInteger amount, long completionTime) {}
