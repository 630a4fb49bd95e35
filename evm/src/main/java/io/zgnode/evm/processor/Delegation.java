package io.zgnode.evm.processor;

import io.zgnode.evm.types.Address;
import java.util.Arrays;

/** EIP-7702 delegation designators: code of the form {@code 0xef0100 || address}. */
public final class Delegation {
  public static final int LENGTH = 23;

  private Delegation() {}

  /** The address {@code code} delegates to, or null when it is not a designator. */
  public static Address target(byte[] code) {
    if (code.length != LENGTH || code[0] != (byte) 0xef || code[1] != 0x01 || code[2] != 0x00) {
      return null;
    }
    return Address.wrap(Arrays.copyOfRange(code, 3, LENGTH));
  }

  public static boolean isDesignator(byte[] code) {
    return code.length == LENGTH && code[0] == (byte) 0xef && code[1] == 0x01 && code[2] == 0x00;
  }

  /** The designator that delegates to {@code address}. */
  public static byte[] designator(Address address) {
    byte[] code = new byte[LENGTH];
    code[0] = (byte) 0xef;
    code[1] = 0x01;
    System.arraycopy(address.bytesUnsafe(), 0, code, 3, Address.LENGTH);
    return code;
  }
}
