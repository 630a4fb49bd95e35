package io.zgnode.evm.operation;

import io.zgnode.evm.frame.MessageFrame;
import io.zgnode.evm.gas.GasCalculator;

/** LT, GT, SLT, SGT, EQ, ISZERO. */
final class ComparisonOperation extends AbstractOperation {
  ComparisonOperation(int opcode, String name) {
    super(opcode, name, opcode == 0x15 ? 1 : 2, 1, GasCalculator.VERY_LOW_TIER);
  }

  @Override
  public int execute(MessageFrame frame) {
    long[] s = frame.stack().data();
    int a = top(frame);
    int b = a - 4;
    switch (opcode()) {
      case 0x10 -> StackMath.lt(s, a, b);
      case 0x11 -> StackMath.gt(s, a, b);
      case 0x12 -> StackMath.slt(s, a, b);
      case 0x13 -> StackMath.sgt(s, a, b);
      case 0x14 -> StackMath.eq(s, a, b);
      case 0x15 -> StackMath.iszero(s, a);
      default -> throw new IllegalStateException("not a comparison opcode: " + opcode());
    }
    frame.stack().drop(inputs() - 1);
    return 1;
  }
}
