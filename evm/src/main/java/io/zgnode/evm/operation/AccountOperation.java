package io.zgnode.evm.operation;

import io.zgnode.evm.frame.MessageFrame;
import io.zgnode.evm.frame.OperandStack;
import io.zgnode.evm.gas.GasCalculator;
import io.zgnode.evm.types.Address;
import io.zgnode.evm.types.Hash;
import io.zgnode.evm.world.EvmWorld;

/**
 * BALANCE, EXTCODESIZE and EXTCODEHASH: a fact about another account, warm or cold by EIP-2929.
 * EXTCODEHASH is zero for an account that is missing or empty (EIP-1052 with EIP-161). From Prague
 * these see an EIP-7702 designator itself, not the code it points to.
 */
final class AccountOperation extends AbstractOperation {
  private final long coldSurcharge;

  AccountOperation(int opcode, String name, GasCalculator gc) {
    super(opcode, name, 1, 1, gc.warmAccessCost());
    this.coldSurcharge = gc.coldAccountAccessCost() - gc.warmAccessCost();
  }

  @Override
  public int execute(MessageFrame frame) {
    OperandStack stack = frame.stack();
    long[] s = stack.data();
    int a = top(frame);
    Address address = OperandStack.toAddress(s, a);
    if (!chargeAccess(frame, address, coldSurcharge)) {
      return 0;
    }
    EvmWorld world = frame.context().world();
    switch (opcode()) {
      case 0x31 -> OperandStack.setBigInteger(s, a, world.balance(address));
      case 0x3b -> {
        StackMath.zero(s, a);
        s[a + 3] = world.code(address).length;
      }
      case 0x3f -> {
        if (world.isEmpty(address)) {
          StackMath.zero(s, a);
        } else {
          Hash h = world.codeHash(address);
          stack.drop(1);
          stack.pushHash(h);
        }
      }
      default -> throw new IllegalStateException("not an account opcode: " + opcode());
    }
    return 1;
  }

  /**
   * Warms {@code address}, charging {@code coldSurcharge} if it was cold; false when out of gas.
   */
  static boolean chargeAccess(MessageFrame frame, Address address, long coldSurcharge) {
    if (frame.context().scope().warmAddress(address)) {
      return true;
    }
    return frame.useGas(coldSurcharge);
  }
}
