package io.zgnode.evm.operation;

import io.zgnode.evm.frame.HaltReason;
import io.zgnode.evm.frame.Memory;
import io.zgnode.evm.frame.MessageFrame;
import io.zgnode.evm.frame.OperandStack;
import io.zgnode.evm.gas.GasCalculator;

/**
 * CALLDATACOPY, CODECOPY, RETURNDATACOPY and MCOPY (EIP-5656): copy a range into memory, paying per
 * word copied and for memory expansion.
 */
final class CopyOperation extends AbstractOperation {
  private final GasCalculator gc;

  CopyOperation(int opcode, String name, GasCalculator gc) {
    super(opcode, name, 3, 0, GasCalculator.VERY_LOW_TIER);
    this.gc = gc;
  }

  @Override
  public int execute(MessageFrame frame) {
    OperandStack stack = frame.stack();
    long[] s = stack.data();
    int a = top(frame);
    long dest = OperandStack.clamp(s, a);
    long srcOffset = OperandStack.clamp(s, a - 4);
    long length = OperandStack.clamp(s, a - 8);
    stack.drop(3);
    Memory memory = frame.memory();
    long memCost =
        opcode() == 0x5e
            ? memory.expansionCost(dest, length, srcOffset, length)
            : memory.expansionCost(dest, length);
    if (!frame.useGas(GasCalculator.add(gc.copyCost(length), memCost))) {
      return 0;
    }
    if (opcode() == 0x3e) {
      long size = frame.returnData().length;
      if (srcOffset > size || length > size - srcOffset) {
        frame.halt(HaltReason.RETURN_DATA_OUT_OF_BOUNDS);
        return 0;
      }
    }
    if (length == 0) {
      return 1;
    }
    memory.expand(dest, length);
    switch (opcode()) {
      case 0x37 -> memory.copyFrom((int) dest, frame.input(), srcOffset, (int) length);
      case 0x39 -> memory.copyFrom((int) dest, frame.code().bytes(), srcOffset, (int) length);
      case 0x3e -> memory.copyFrom((int) dest, frame.returnData(), srcOffset, (int) length);
      case 0x5e -> {
        memory.expand(srcOffset, length);
        memory.move((int) dest, (int) srcOffset, (int) length);
      }
      default -> throw new IllegalStateException("not a copy opcode: " + opcode());
    }
    return 1;
  }
}
