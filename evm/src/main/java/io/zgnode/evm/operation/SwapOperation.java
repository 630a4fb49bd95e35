package io.zgnode.evm.operation;

import io.zgnode.evm.frame.MessageFrame;
import io.zgnode.evm.gas.GasCalculator;

/** SWAP1 to SWAP16. */
final class SwapOperation extends AbstractOperation {
  private final int n;

  SwapOperation(int n) {
    super(0x8f + n, "SWAP" + n, n + 1, n + 1, GasCalculator.VERY_LOW_TIER);
    this.n = n;
  }

  @Override
  public int execute(MessageFrame frame) {
    swap(frame.stack().data(), top(frame), n);
    return 1;
  }

  static void swap(long[] s, int a, int n) {
    int b = a - (n << 2);
    for (int i = 0; i < 4; i++) {
      long t = s[a + i];
      s[a + i] = s[b + i];
      s[b + i] = t;
    }
  }
}
