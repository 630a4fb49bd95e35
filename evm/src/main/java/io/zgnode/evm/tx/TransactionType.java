package io.zgnode.evm.tx;

import io.zgnode.evm.fork.Fork;

/** The EIP-2718 transaction types zgnode knows, with the fork that introduced each. */
public enum TransactionType {
  /** Pre-EIP-2718 transactions, with or without EIP-155 replay protection. */
  LEGACY(0x00, Fork.LONDON),
  /** EIP-2930. */
  ACCESS_LIST(0x01, Fork.LONDON),
  /** EIP-1559. */
  EIP1559(0x02, Fork.LONDON),
  /** EIP-4844. */
  BLOB(0x03, Fork.CANCUN),
  /** EIP-7702. */
  SET_CODE(0x04, Fork.PRAGUE);

  private static final TransactionType[] BY_CODE = values();

  private final int code;
  private final Fork introducedIn;

  TransactionType(int code, Fork introducedIn) {
    this.code = code;
    this.introducedIn = introducedIn;
  }

  /** The type byte (0 for legacy, which has none on the wire). */
  public int code() {
    return code;
  }

  /** The first fork zgnode supports that accepts this type. */
  public Fork introducedIn() {
    return introducedIn;
  }

  public boolean isSupportedIn(Fork fork) {
    return fork.isAtLeast(introducedIn);
  }

  /** Whether the fee fields are maxPriorityFeePerGas/maxFeePerGas rather than a gas price. */
  public boolean hasDynamicFee() {
    return code >= EIP1559.code;
  }

  /** The type with this code, or null for an unknown one. */
  public static TransactionType fromCode(int code) {
    return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
  }
}
