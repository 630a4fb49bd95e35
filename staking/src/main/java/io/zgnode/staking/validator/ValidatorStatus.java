package io.zgnode.staking.validator;

/** Where a validator's tokens are: in the consensus set, leaving it, or out of it. */
public enum ValidatorStatus {
  UNBONDED(1),
  UNBONDING(2),
  BONDED(3);

  /** The Cosmos SDK's {@code BondStatus} number (also the stored code). */
  public final int code;

  ValidatorStatus(int code) {
    this.code = code;
  }

  public static ValidatorStatus fromCode(long code) {
    for (ValidatorStatus s : values()) {
      if (s.code == code) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown validator status code " + code);
  }
}
