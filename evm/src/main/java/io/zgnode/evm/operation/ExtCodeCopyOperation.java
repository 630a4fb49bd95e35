package io.zgnode.evm.operation;

import io.zgnode.evm.frame.MessageFrame;
import io.zgnode.evm.frame.OperandStack;
import io.zgnode.evm.gas.GasCalculator;
import io.zgnode.evm.types.Address;

/** EXTCODECOPY: another account's code into memory. */
final class ExtCodeCopyOperation extends AbstractOperation {
  private final GasCalculator gc;
  private final long coldSurcharge;

  ExtCodeCopyOperation(GasCalculator gc) {
    super(0x3c, "EXTCODECOPY", 4, 0, gc.warmAccessCost());
    this.gc = gc;
    this.coldSurcharge = gc.coldAccountAccessCost() - gc.warmAccessCost();
  }

  @Override
  public int execute(MessageFrame frame) {
    OperandStack stack = frame.stack();
    long[] s = stack.data();
    int a = top(frame);
    Address address = OperandStack.toAddress(s, a);
    long dest = OperandStack.clamp(s, a - 4);
    long srcOffset = OperandStack.clamp(s, a - 8);
    long length = OperandStack.clamp(s, a - 12);
    stack.drop(4);
    long cost = GasCalculator.add(gc.copyCost(length), frame.memory().expansionCost(dest, length));
    if (!frame.useGas(cost)) {
      return 0;
    }
    if (!AccountOperation.chargeAccess(frame, address, coldSurcharge)) {
      return 0;
    }
    if (length > 0) {
      frame.memory().expand(dest, length);
      byte[] code = frame.context().world().code(address);
      frame.memory().copyFrom((int) dest, code, srcOffset, (int) length);
    }
    return 1;
  }
}
