package io.zgnode.evm.operation;

import io.zgnode.evm.frame.MessageFrame;
import io.zgnode.evm.frame.OperandStack;
import io.zgnode.evm.gas.GasCalculator;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** PUSH0 (EIP-3855) and PUSH1 to PUSH32. */
final class PushOperation extends AbstractOperation {
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  private final int n;

  PushOperation(int n) {
    super(
        0x5f + n, "PUSH" + n, 0, 1, n == 0 ? GasCalculator.BASE_TIER : GasCalculator.VERY_LOW_TIER);
    this.n = n;
  }

  @Override
  public int execute(MessageFrame frame) {
    OperandStack stack = frame.stack();
    int b = stack.size() << 2;
    stack.setSize(stack.size() + 1);
    read(stack.data(), b, frame.code().padded(), frame.pc() + 1, n);
    return 1 + n;
  }

  /**
   * Writes the {@code n} big-endian bytes at {@code code[start..]} as the word at {@code b}. The
   * code is padded, so reading past its real end gives zeros.
   */
  static void read(long[] s, int b, byte[] code, int start, int n) {
    int end = start + n;
    for (int k = 3; k >= 0; k--) {
      int hi = end - 8 * (3 - k); // one past the last byte of this limb
      int lo = hi - 8;
      if (hi <= start) {
        s[b + k] = 0;
      } else if (lo >= start) {
        s[b + k] = (long) LONGS.get(code, lo);
      } else if (lo >= 0) {
        // a partial limb: the low (hi - start) bytes of the eight ending at hi
        s[b + k] = (long) LONGS.get(code, lo) & (-1L >>> (64 - 8 * (hi - start)));
      } else {
        long v = 0;
        for (int i = start; i < hi; i++) {
          v = (v << 8) | (code[i] & 0xff);
        }
        s[b + k] = v;
      }
    }
  }
}
