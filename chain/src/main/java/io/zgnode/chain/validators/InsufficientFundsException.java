package io.zgnode.chain.validators;

import io.zgnode.evm.types.Address;
import java.math.BigInteger;

/** A module tried to move or burn more than an account holds; nothing was changed. */
public final class InsufficientFundsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InsufficientFundsException(
      String what, Address account, BigInteger balance, BigInteger amount) {
    super(
        "insufficient funds to "
            + what
            + ": "
            + account.toChecksumHex()
            + " holds "
            + balance
            + ", needs "
            + amount);
  }
}
