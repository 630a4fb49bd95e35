package io.zgnode.evm.frame;

import io.zgnode.evm.types.Address;
import io.zgnode.evm.types.Hash;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigInteger;
import java.nio.ByteOrder;

/**
 * The EVM operand stack as one flat {@code long[]}: four longs per 256-bit word, most significant
 * first, so word {@code i} (0 = bottom) occupies {@code data[4i .. 4i+3]}. Operations work in place
 * on the array; nothing is allocated per opcode. Bounds are checked by the interpreter against each
 * opcode's needs before it runs, so these helpers do not check them again.
 */
public final class OperandStack {
  public static final int MAX_SIZE = 1024;

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  // Allocated on first use: a frame whose callee has no code never needs its 32 KiB.
  private long[] data;
  private int size;

  /** The backing array; the interpreter works on it directly. */
  public long[] data() {
    long[] d = data;
    if (d == null) {
      d = new long[4 * MAX_SIZE];
      data = d;
    }
    return d;
  }

  /** The number of words on the stack. */
  public int size() {
    return size;
  }

  public void setSize(int size) {
    this.size = size;
  }

  /** The array index of the word {@code depth} below the top (0 = top). */
  public int base(int depth) {
    return (size - 1 - depth) << 2;
  }

  public void drop(int n) {
    size -= n;
  }

  /** Pops a word as an offset or length: its value, or {@link Long#MAX_VALUE} if above 2^63-1. */
  public long popClamped() {
    int b = (--size) << 2;
    return clamp(data(), b);
  }

  /** The value at {@code base} clamped to a non-negative long (Long.MAX_VALUE if larger). */
  public static long clamp(long[] s, int b) {
    if ((s[b] | s[b + 1] | s[b + 2]) != 0 || s[b + 3] < 0) {
      return Long.MAX_VALUE;
    }
    return s[b + 3];
  }

  /** Pops a word and keeps its low 160 bits as an address. */
  public Address popAddress() {
    int b = (--size) << 2;
    return toAddress(data(), b);
  }

  public static Address toAddress(long[] s, int b) {
    byte[] a = new byte[20];
    int hi = (int) s[b + 1];
    a[0] = (byte) (hi >>> 24);
    a[1] = (byte) (hi >>> 16);
    a[2] = (byte) (hi >>> 8);
    a[3] = (byte) hi;
    LONGS.set(a, 4, s[b + 2]);
    LONGS.set(a, 12, s[b + 3]);
    return Address.wrap(a);
  }

  /** Pops a word as 32 bytes. */
  public Hash popHash() {
    int b = (--size) << 2;
    return toHash(data(), b);
  }

  public static Hash toHash(long[] s, int b) {
    byte[] h = new byte[32];
    LONGS.set(h, 0, s[b]);
    LONGS.set(h, 8, s[b + 1]);
    LONGS.set(h, 16, s[b + 2]);
    LONGS.set(h, 24, s[b + 3]);
    return Hash.wrapOwned(h);
  }

  /** Whether the word at {@code base} is zero. */
  public static boolean isZero(long[] s, int b) {
    return (s[b] | s[b + 1] | s[b + 2] | s[b + 3]) == 0;
  }

  public void push(long w3, long w2, long w1, long w0) {
    int b = (size++) << 2;
    long[] d = data();
    d[b] = w3;
    d[b + 1] = w2;
    d[b + 2] = w1;
    d[b + 3] = w0;
  }

  public void pushLong(long v) {
    push(0, 0, 0, v);
  }

  public void pushZero() {
    push(0, 0, 0, 0);
  }

  public void pushAddress(Address address) {
    byte[] a = address.bytesUnsafe();
    long w2 =
        ((a[0] & 0xffL) << 24) | ((a[1] & 0xffL) << 16) | ((a[2] & 0xffL) << 8) | (a[3] & 0xffL);
    push(0, w2, (long) LONGS.get(a, 4), (long) LONGS.get(a, 12));
  }

  public void pushHash(Hash h) {
    byte[] b = h.bytesUnsafe();
    push(
        (long) LONGS.get(b, 0),
        (long) LONGS.get(b, 8),
        (long) LONGS.get(b, 16),
        (long) LONGS.get(b, 24));
  }

  /** Pushes a non-negative integer below 2^256. */
  public void pushBigInteger(BigInteger v) {
    int b = (size++) << 2;
    setBigInteger(data(), b, v);
  }

  public static void setBigInteger(long[] s, int b, BigInteger v) {
    if (v.bitLength() <= 63) {
      s[b] = 0;
      s[b + 1] = 0;
      s[b + 2] = 0;
      s[b + 3] = v.longValue();
      return;
    }
    s[b + 3] = v.longValue();
    s[b + 2] = v.shiftRight(64).longValue();
    s[b + 1] = v.shiftRight(128).longValue();
    s[b] = v.shiftRight(192).longValue();
  }

  /** The word at {@code base} as a non-negative BigInteger. */
  public static BigInteger toBigInteger(long[] s, int b) {
    if ((s[b] | s[b + 1] | s[b + 2]) == 0 && s[b + 3] >= 0) {
      return BigInteger.valueOf(s[b + 3]);
    }
    byte[] bytes = new byte[33];
    LONGS.set(bytes, 1, s[b]);
    LONGS.set(bytes, 9, s[b + 1]);
    LONGS.set(bytes, 17, s[b + 2]);
    LONGS.set(bytes, 25, s[b + 3]);
    return new BigInteger(bytes);
  }

  /** Pops a word as a non-negative BigInteger. */
  public BigInteger popBigInteger() {
    int b = (--size) << 2;
    return toBigInteger(data(), b);
  }

  /** The word {@code depth} below the top as 32 big-endian bytes; for tracers. */
  public byte[] bytesAt(int depth) {
    int b = base(depth);
    byte[] out = new byte[32];
    long[] d = data();
    LONGS.set(out, 0, d[b]);
    LONGS.set(out, 8, d[b + 1]);
    LONGS.set(out, 16, d[b + 2]);
    LONGS.set(out, 24, d[b + 3]);
    return out;
  }
}
