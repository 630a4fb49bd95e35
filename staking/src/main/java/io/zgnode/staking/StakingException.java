package io.zgnode.staking;

/**
 * A staking operation refused with a reason a user can act on (unknown validator, amount too large,
 * commission over its maximum...). Thrown before any state is changed.
 */
public final class StakingException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StakingException(String message) {
    super(message);
  }
}
