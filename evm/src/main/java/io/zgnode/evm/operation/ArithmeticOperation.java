package io.zgnode.evm.operation;

import io.zgnode.evm.frame.MessageFrame;
import io.zgnode.evm.gas.GasCalculator;

/** ADD, MUL, SUB, DIV, SDIV, MOD, SMOD, ADDMOD, MULMOD, EXP, SIGNEXTEND. */
final class ArithmeticOperation extends AbstractOperation {
  private final long expByteCost;

  ArithmeticOperation(int opcode, String name, int inputs, long gas, GasCalculator gc) {
    super(opcode, name, inputs, 1, gas);
    this.expByteCost = gc.expByteCost();
  }

  @Override
  public int execute(MessageFrame frame) {
    long[] s = frame.stack().data();
    int a = top(frame);
    int b = a - 4;
    long[] w = frame.context().scratch();
    switch (opcode()) {
      case 0x01 -> StackMath.add(s, a, b);
      case 0x02 -> StackMath.mul(s, a, b);
      case 0x03 -> StackMath.sub(s, a, b);
      case 0x04 -> StackMath.div(s, a, b, w);
      case 0x05 -> StackMath.sdiv(s, a, b, w);
      case 0x06 -> StackMath.mod(s, a, b, w);
      case 0x07 -> StackMath.smod(s, a, b, w);
      case 0x08 -> StackMath.addmod(s, a, b, b - 4, w);
      case 0x09 -> StackMath.mulmod(s, a, b, b - 4, w);
      case 0x0a -> {
        if (!frame.useGas(expByteCost * StackMath.byteLength(s, b))) {
          return 0;
        }
        StackMath.exp(s, a, b, w);
      }
      case 0x0b -> StackMath.signExtend(s, a, b);
      default -> throw new IllegalStateException("not an arithmetic opcode: " + opcode());
    }
    frame.stack().drop(inputs() - 1);
    return 1;
  }
}
