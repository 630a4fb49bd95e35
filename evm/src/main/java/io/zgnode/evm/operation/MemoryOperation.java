package io.zgnode.evm.operation;

import io.zgnode.evm.frame.Memory;
import io.zgnode.evm.frame.MessageFrame;
import io.zgnode.evm.frame.OperandStack;
import io.zgnode.evm.gas.GasCalculator;

/** MLOAD, MSTORE and MSTORE8. */
final class MemoryOperation extends AbstractOperation {
  MemoryOperation(int opcode, String name) {
    super(
        opcode, name, opcode == 0x51 ? 1 : 2, opcode == 0x51 ? 1 : 0, GasCalculator.VERY_LOW_TIER);
  }

  @Override
  public int execute(MessageFrame frame) {
    OperandStack stack = frame.stack();
    long[] s = stack.data();
    int a = top(frame);
    long offset = OperandStack.clamp(s, a);
    long length = opcode() == 0x53 ? 1 : 32;
    if (!expandMemory(frame, offset, length)) {
      return 0;
    }
    Memory memory = frame.memory();
    switch (opcode()) {
      case 0x51 -> memory.loadWord((int) offset, s, a);
      case 0x52 -> {
        memory.storeWord((int) offset, s, a - 4);
        stack.drop(2);
      }
      case 0x53 -> {
        memory.storeByte((int) offset, (byte) s[a - 1]);
        stack.drop(2);
      }
      default -> throw new IllegalStateException("not a memory opcode: " + opcode());
    }
    return 1;
  }
}
