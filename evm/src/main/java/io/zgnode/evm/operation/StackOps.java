package io.zgnode.evm.operation;

import io.zgnode.evm.frame.OperandStack;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Small stack writes the interpreter inlines. */
public final class StackOps {
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  private StackOps() {}

  /** Writes the non-negative {@code v} as the word at {@code b}. */
  public static void setLong(long[] s, int b, long v) {
    s[b] = 0;
    s[b + 1] = 0;
    s[b + 2] = 0;
    s[b + 3] = v;
  }

  /** CALLDATALOAD: replaces the offset at {@code a} with the word of {@code data} there. */
  public static void callDataLoad(long[] s, int a, byte[] data) {
    long offset = OperandStack.clamp(s, a);
    if (offset >= data.length) {
      StackMath.zero(s, a);
      return;
    }
    int off = (int) offset;
    if (off + 32 <= data.length) {
      s[a] = (long) LONGS.get(data, off);
      s[a + 1] = (long) LONGS.get(data, off + 8);
      s[a + 2] = (long) LONGS.get(data, off + 16);
      s[a + 3] = (long) LONGS.get(data, off + 24);
      return;
    }
    for (int limb = 0; limb < 4; limb++) {
      long v = 0;
      for (int i = 0; i < 8; i++) {
        int p = off + limb * 8 + i;
        v = (v << 8) | (p < data.length ? data[p] & 0xff : 0);
      }
      s[a + limb] = v;
    }
  }

  /**
   * PUSHn: the {@code n} code bytes from {@code start} as the word at {@code b}. The code is
   * padded, so the bytes may run past its end. Widths up to eight bytes and PUSH32 take one or four
   * loads.
   */
  public static void push(long[] s, int b, byte[] code, int start, int n) {
    int lo = start + n - 8;
    if (n <= 8 && lo >= 0) {
      s[b] = 0;
      s[b + 1] = 0;
      s[b + 2] = 0;
      s[b + 3] = (long) LONGS.get(code, lo) & (-1L >>> (64 - 8 * n));
    } else if (n == 32) {
      s[b] = (long) LONGS.get(code, start);
      s[b + 1] = (long) LONGS.get(code, start + 8);
      s[b + 2] = (long) LONGS.get(code, start + 16);
      s[b + 3] = (long) LONGS.get(code, start + 24);
    } else {
      PushOperation.read(s, b, code, start, n);
    }
  }
}
