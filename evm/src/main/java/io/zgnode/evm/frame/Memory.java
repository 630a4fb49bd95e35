package io.zgnode.evm.frame;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A frame's memory: bytes that grow in 32-byte words. Callers first ask {@link #expansionCost} for
 * the gas of a range, charge it, and only then {@link #expand}; a range whose cost can never be
 * paid has cost {@link Long#MAX_VALUE}, so no request allocates before it is paid for.
 *
 * <p>Offsets and lengths are longs the caller has clamped from 256-bit words: anything that does
 * not fit is passed as {@link Long#MAX_VALUE}.
 */
public final class Memory {
  /** The largest offset or length a range may have before it is unpayable in any case. */
  public static final long MAX_RANGE = 0xFFFF_FFFFL;

  /**
   * The largest size a JVM array can hold. Reaching it costs about 8.8e12 gas, which no real
   * transaction carries; a request beyond it is treated as out of gas.
   */
  private static final long MAX_SIZE = 0x7FFF_FFE0L;

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  private byte[] data = new byte[0];
  private long size;

  /** The memory size in bytes (a multiple of 32): what MSIZE returns. */
  public long size() {
    return size;
  }

  /** The backing array (at least {@link #size()} bytes); for tracers and tests. */
  public byte[] data() {
    return data;
  }

  /** Clears the memory for reuse by another frame. */
  public void reset() {
    Arrays.fill(data, 0, (int) size, (byte) 0);
    size = 0;
  }

  /** The gas of memory of {@code words} words: 3 per word plus words^2/512. */
  public static long cost(long words) {
    return 3 * words + words * words / 512;
  }

  /**
   * The gas to extend memory over {@code [offset, offset + length)}: 0 when {@code length} is 0 or
   * the range is already covered, {@link Long#MAX_VALUE} when it can never be paid.
   */
  public long expansionCost(long offset, long length) {
    if (length == 0) {
      return 0;
    }
    if (offset > MAX_RANGE || length > MAX_RANGE) {
      return Long.MAX_VALUE;
    }
    long end = offset + length;
    if (end <= size) {
      return 0;
    }
    if (end > MAX_SIZE) {
      return Long.MAX_VALUE;
    }
    long words = (end + 31) >>> 5;
    return cost(words) - cost(size >>> 5);
  }

  /**
   * The gas to extend memory over both ranges (as CALL needs for its input and output); each range
   * counts only when its length is non-zero.
   */
  public long expansionCost(long offset1, long length1, long offset2, long length2) {
    long c1 = expansionCost(offset1, length1);
    long c2 = expansionCost(offset2, length2);
    return Math.max(c1, c2);
  }

  /** Extends memory over {@code [offset, offset + length)}, whose cost has been charged. */
  public void expand(long offset, long length) {
    if (length == 0) {
      return;
    }
    long end = offset + length;
    if (end <= size) {
      return;
    }
    long newSize = (end + 31) & ~31L;
    if (newSize > data.length) {
      long cap = Math.max(newSize, Math.min(MAX_SIZE, (long) data.length * 2));
      data = Arrays.copyOf(data, (int) cap);
    }
    size = newSize;
  }

  /** Reads the 32-byte word at {@code offset} into stack slot {@code base} (expanded already). */
  public void loadWord(int offset, long[] stack, int base) {
    stack[base] = (long) LONGS.get(data, offset);
    stack[base + 1] = (long) LONGS.get(data, offset + 8);
    stack[base + 2] = (long) LONGS.get(data, offset + 16);
    stack[base + 3] = (long) LONGS.get(data, offset + 24);
  }

  /** Writes stack slot {@code base} as a 32-byte word at {@code offset} (expanded already). */
  public void storeWord(int offset, long[] stack, int base) {
    LONGS.set(data, offset, stack[base]);
    LONGS.set(data, offset + 8, stack[base + 1]);
    LONGS.set(data, offset + 16, stack[base + 2]);
    LONGS.set(data, offset + 24, stack[base + 3]);
  }

  public void storeByte(int offset, byte value) {
    data[offset] = value;
  }

  /**
   * Copies {@code length} bytes from {@code src} at {@code srcOffset} to {@code offset}, with zeros
   * where the source ends ({@code srcOffset} may be past its end; {@link Long#MAX_VALUE} for a
   * source offset that does not fit in a long).
   */
  public void copyFrom(int offset, byte[] src, long srcOffset, int length) {
    if (length == 0) {
      return;
    }
    int available = srcOffset >= src.length ? 0 : (int) Math.min(length, src.length - srcOffset);
    if (available > 0) {
      System.arraycopy(src, (int) srcOffset, data, offset, available);
    }
    if (available < length) {
      Arrays.fill(data, offset + available, offset + length, (byte) 0);
    }
  }

  /** Copies within memory (MCOPY); both ranges are expanded already. */
  public void move(int dest, int src, int length) {
    System.arraycopy(data, src, data, dest, length);
  }

  /** A copy of {@code [offset, offset + length)} (expanded already). */
  public byte[] slice(long offset, long length) {
    if (length == 0) {
      return new byte[0];
    }
    return Arrays.copyOfRange(data, (int) offset, (int) (offset + length));
  }

  /** Writes the first {@code min(length, bytes.length)} bytes of {@code bytes} at offset. */
  public void write(long offset, long length, byte[] bytes) {
    int n = (int) Math.min(length, bytes.length);
    if (n > 0) {
      System.arraycopy(bytes, 0, data, (int) offset, n);
    }
  }
}
