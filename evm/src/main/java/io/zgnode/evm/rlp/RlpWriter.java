package io.zgnode.evm.rlp;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * Writes canonical RLP into one growing buffer. Lists are opened and closed; closing a list inserts
 * its header in front of its payload, so nothing is allocated per item.
 */
public final class RlpWriter {
  private byte[] buf;
  private int size;
  private int[] listStarts = new int[8];
  private int depth;

  public RlpWriter() {
    this(128);
  }

  public RlpWriter(int initialCapacity) {
    buf = new byte[Math.max(16, initialCapacity)];
  }

  public RlpWriter startList() {
    if (depth == listStarts.length) {
      listStarts = Arrays.copyOf(listStarts, depth * 2);
    }
    listStarts[depth++] = size;
    return this;
  }

  public RlpWriter endList() {
    if (depth == 0) {
      throw new IllegalStateException("endList without startList");
    }
    int start = listStarts[--depth];
    int payload = size - start;
    int headerLen = headerLength(payload);
    ensure(headerLen);
    System.arraycopy(buf, start, buf, start + headerLen, payload);
    writeHeader(buf, start, payload, 0xc0);
    size += headerLen;
    return this;
  }

  public RlpWriter writeBytes(byte[] value) {
    return writeBytes(value, 0, value.length);
  }

  public RlpWriter writeBytes(byte[] value, int offset, int length) {
    if (length == 1 && (value[offset] & 0xff) < 0x80) {
      ensure(1);
      buf[size++] = value[offset];
      return this;
    }
    int headerLen = headerLength(length);
    ensure(headerLen + length);
    writeHeader(buf, size, length, 0x80);
    size += headerLen;
    System.arraycopy(value, offset, buf, size, length);
    size += length;
    return this;
  }

  /** An unsigned integer, minimal big-endian (zero is the empty string). */
  public RlpWriter writeLong(long value) {
    if (value == 0) {
      ensure(1);
      buf[size++] = (byte) 0x80;
      return this;
    }
    if (value > 0 && value < 0x80) {
      ensure(1);
      buf[size++] = (byte) value;
      return this;
    }
    int len = 8 - Long.numberOfLeadingZeros(value) / 8;
    ensure(1 + len);
    buf[size++] = (byte) (0x80 + len);
    for (int i = len - 1; i >= 0; i--) {
      buf[size++] = (byte) (value >>> (8 * i));
    }
    return this;
  }

  /** A non-negative integer, minimal big-endian. */
  public RlpWriter writeBigInteger(BigInteger value) {
    if (value.signum() < 0) {
      throw new IllegalArgumentException("RLP integers are unsigned: " + value);
    }
    if (value.bitLength() <= 63) {
      return writeLong(value.longValue());
    }
    byte[] b = value.toByteArray();
    int off = b[0] == 0 ? 1 : 0;
    return writeBytes(b, off, b.length - off);
  }

  /** Appends an already-encoded item as it is. */
  public RlpWriter writeRaw(byte[] encoded) {
    ensure(encoded.length);
    System.arraycopy(encoded, 0, buf, size, encoded.length);
    size += encoded.length;
    return this;
  }

  public int size() {
    return size;
  }

  public byte[] toByteArray() {
    if (depth != 0) {
      throw new IllegalStateException(depth + " list(s) still open");
    }
    return Arrays.copyOf(buf, size);
  }

  static int headerLength(int payload) {
    if (payload < 56) {
      return 1;
    }
    return 1 + (4 - Integer.numberOfLeadingZeros(payload) / 8);
  }

  private static void writeHeader(byte[] out, int at, int payload, int base) {
    if (payload < 56) {
      out[at] = (byte) (base + payload);
      return;
    }
    int lenLen = 4 - Integer.numberOfLeadingZeros(payload) / 8;
    out[at] = (byte) (base + 55 + lenLen);
    for (int i = 0; i < lenLen; i++) {
      out[at + 1 + i] = (byte) (payload >>> (8 * (lenLen - 1 - i)));
    }
  }

  private void ensure(int extra) {
    if (size + extra > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + extra));
    }
  }
}
