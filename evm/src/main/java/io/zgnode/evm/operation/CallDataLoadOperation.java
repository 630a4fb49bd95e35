package io.zgnode.evm.operation;

import io.zgnode.evm.frame.MessageFrame;
import io.zgnode.evm.frame.OperandStack;
import io.zgnode.evm.gas.GasCalculator;

/** CALLDATALOAD: 32 bytes of call data, zero past its end. */
final class CallDataLoadOperation extends AbstractOperation {
  CallDataLoadOperation() {
    super(0x35, "CALLDATALOAD", 1, 1, GasCalculator.VERY_LOW_TIER);
  }

  @Override
  public int execute(MessageFrame frame) {
    load(frame.stack().data(), top(frame), frame.input());
    return 1;
  }

  /** Replaces the offset at {@code a} with the word of {@code data} there. */
  static void load(long[] s, int a, byte[] data) {
    long offset = OperandStack.clamp(s, a);
    if (offset >= data.length) {
      StackMath.zero(s, a);
      return;
    }
    int off = (int) offset;
    for (int limb = 0; limb < 4; limb++) {
      long v = 0;
      for (int i = 0; i < 8; i++) {
        int p = off + limb * 8 + i;
        v = (v << 8) | (p < data.length ? data[p] & 0xff : 0);
      }
      s[a + limb] = v;
    }
  }
}
