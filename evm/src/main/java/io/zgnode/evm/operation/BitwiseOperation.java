package io.zgnode.evm.operation;

import io.zgnode.evm.frame.MessageFrame;

/** AND, OR, XOR, NOT, BYTE, SHL, SHR, SAR and CLZ (EIP-7939). */
final class BitwiseOperation extends AbstractOperation {
  BitwiseOperation(int opcode, String name, int inputs, long gas) {
    super(opcode, name, inputs, 1, gas);
  }

  @Override
  public int execute(MessageFrame frame) {
    long[] s = frame.stack().data();
    int a = top(frame);
    int b = a - 4;
    switch (opcode()) {
      case 0x16 -> StackMath.and(s, a, b);
      case 0x17 -> StackMath.or(s, a, b);
      case 0x18 -> StackMath.xor(s, a, b);
      case 0x19 -> StackMath.not(s, a);
      case 0x1a -> StackMath.byteOp(s, a, b);
      case 0x1b -> StackMath.shl(s, a, b);
      case 0x1c -> StackMath.shr(s, a, b);
      case 0x1d -> StackMath.sar(s, a, b);
      case 0x1e -> StackMath.clz(s, a);
      default -> throw new IllegalStateException("not a bitwise opcode: " + opcode());
    }
    frame.stack().drop(inputs() - 1);
    return 1;
  }
}
