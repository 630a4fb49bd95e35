package io.zgnode.slashing.staking;

/** A validator's bond status as the staking module reports it. */
public enum BondStatus {
  BONDED,
  UNBONDING,
  UNBONDED
}
