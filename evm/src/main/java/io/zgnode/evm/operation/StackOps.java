package io.zgnode.evm.operation;

/** Small stack writes the interpreter inlines. */
public final class StackOps {
  private StackOps() {}

  /** Writes the non-negative {@code v} as the word at {@code b}. */
  public static void setLong(long[] s, int b, long v) {
    s[b] = 0;
    s[b + 1] = 0;
    s[b + 2] = 0;
    s[b + 3] = v;
  }

  /** PUSHn: the {@code n} code bytes from {@code start} as the word at {@code b}. */
  public static void push(long[] s, int b, byte[] code, int start, int n) {
    PushOperation.read(s, b, code, start, n);
  }
}
