package io.zgnode.evm.operation;

import io.zgnode.evm.frame.MessageFrame;
import io.zgnode.evm.frame.OperandStack;
import io.zgnode.evm.gas.GasCalculator;

/** DUP1 to DUP16. */
final class DupOperation extends AbstractOperation {
  private final int n;

  DupOperation(int n) {
    super(0x7f + n, "DUP" + n, n, n + 1, GasCalculator.VERY_LOW_TIER);
    this.n = n;
  }

  @Override
  public int execute(MessageFrame frame) {
    OperandStack stack = frame.stack();
    long[] s = stack.data();
    int to = stack.size() << 2;
    int from = to - (n << 2);
    s[to] = s[from];
    s[to + 1] = s[from + 1];
    s[to + 2] = s[from + 2];
    s[to + 3] = s[from + 3];
    stack.setSize(stack.size() + 1);
    return 1;
  }
}
