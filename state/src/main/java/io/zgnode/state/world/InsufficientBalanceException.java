package io.zgnode.state.world;

import io.zgnode.evm.types.Address;
import java.math.BigInteger;

/** A balance would go below zero; nothing was changed. */
public final class InsufficientBalanceException extends IllegalStateException {
  private final transient Address address;
  private final BigInteger balance;
  private final BigInteger amount;

  public InsufficientBalanceException(Address address, BigInteger balance, BigInteger amount) {
    super(
        "insufficient balance: "
            + address.toChecksumHex()
            + " has "
            + balance
            + " wei, cannot subtract "
            + amount);
    this.address = address;
    this.balance = balance;
    this.amount = amount;
  }

  public Address address() {
    return address;
  }

  public BigInteger balance() {
    return balance;
  }

  public BigInteger amount() {
    return amount;
  }
}
