package io.zgnode.evm.rlp;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * A strict cursor over RLP items in a byte range. It rejects non-canonical encodings (a single byte
 * below 0x80 wrapped in a string header, long-form lengths under 56, lengths with leading zeros),
 * lengths past the end of the input, and integers with leading zero bytes.
 *
 * <p>A reader over a list's payload is obtained with {@link #readList()}; {@link #hasNext()} says
 * whether items remain.
 */
public final class RlpReader {
  private final byte[] data;
  private int pos;
  private final int end;

  private RlpReader(byte[] data, int pos, int end) {
    this.data = data;
    this.pos = pos;
    this.end = end;
  }

  /** A reader over a sequence of items in {@code data[from, to)}. */
  public static RlpReader over(byte[] data, int from, int to) {
    if (from < 0 || to > data.length || from > to) {
      throw new IndexOutOfBoundsException("bad range " + from + ".." + to);
    }
    return new RlpReader(data, from, to);
  }

  /** A reader positioned on the single item that {@code encoded} must consist of. */
  public static RlpReader ofSingleItem(byte[] encoded) {
    if (encoded.length == 0) {
      throw new RlpException("empty input: expected an RLP item");
    }
    RlpReader r = new RlpReader(encoded, 0, encoded.length);
    Header h = r.header();
    if (h.payloadStart + h.payloadLength != encoded.length) {
      throw new RlpException(
          "trailing bytes: item ends at "
              + (h.payloadStart + h.payloadLength)
              + ", input has "
              + encoded.length);
    }
    return r;
  }

  public boolean hasNext() {
    return pos < end;
  }

  public boolean nextIsList() {
    requireMore();
    return (data[pos] & 0xff) >= 0xc0;
  }

  /** Enters the next item, which must be a list, and returns a reader over its payload. */
  public RlpReader readList() {
    Header h = header();
    if (!h.list) {
      throw new RlpException("expected a list at offset " + pos + ", found a string");
    }
    pos = h.payloadStart + h.payloadLength;
    return new RlpReader(data, h.payloadStart, h.payloadStart + h.payloadLength);
  }

  /** Reads the next item, which must be a string, as its bytes. */
  public byte[] readBytes() {
    Header h = header();
    if (h.list) {
      throw new RlpException("expected a string at offset " + pos + ", found a list");
    }
    pos = h.payloadStart + h.payloadLength;
    return Arrays.copyOfRange(data, h.payloadStart, h.payloadStart + h.payloadLength);
  }

  /** Reads a string of exactly {@code length} bytes. */
  public byte[] readBytes(int length, String what) {
    byte[] b = readBytes();
    if (b.length != length) {
      throw new RlpException(what + ": expected " + length + " bytes, got " + b.length);
    }
    return b;
  }

  /** Reads an unsigned integer of at most 8 bytes (full 64-bit range, as an unsigned long). */
  public long readLong(String what) {
    byte[] b = readBytes();
    checkInteger(b, 8, what);
    long v = 0;
    for (byte x : b) {
      v = (v << 8) | (x & 0xff);
    }
    return v;
  }

  /** Reads an unsigned integer of at most {@code maxBytes} bytes. */
  public BigInteger readBigInteger(int maxBytes, String what) {
    byte[] b = readBytes();
    checkInteger(b, maxBytes, what);
    return b.length == 0 ? BigInteger.ZERO : new BigInteger(1, b);
  }

  /** Returns the whole encoding of the next item (header included) and skips it. */
  public byte[] readRaw() {
    int start = pos;
    Header h = header();
    pos = h.payloadStart + h.payloadLength;
    return Arrays.copyOfRange(data, start, pos);
  }

  public void skip() {
    Header h = header();
    pos = h.payloadStart + h.payloadLength;
  }

  /** Fails unless every item of this reader has been read. */
  public void requireEnd(String what) {
    if (pos != end) {
      throw new RlpException(what + ": unexpected extra items");
    }
  }

  public int position() {
    return pos;
  }

  private static void checkInteger(byte[] b, int maxBytes, String what) {
    if (b.length > maxBytes) {
      throw new RlpException(what + ": integer longer than " + maxBytes + " bytes");
    }
    if (b.length > 0 && b[0] == 0) {
      throw new RlpException(what + ": integer with leading zero bytes");
    }
  }

  private void requireMore() {
    if (pos >= end) {
      throw new RlpException("unexpected end of input at offset " + pos);
    }
  }

  private record Header(boolean list, int payloadStart, int payloadLength) {}

  private Header header() {
    requireMore();
    int b0 = data[pos] & 0xff;
    if (b0 < 0x80) {
      return new Header(false, pos, 1);
    }
    if (b0 < 0xb8) {
      int len = b0 - 0x80;
      checkBounds(pos + 1, len);
      if (len == 1 && (data[pos + 1] & 0xff) < 0x80) {
        throw new RlpException("non-canonical single byte at offset " + pos);
      }
      return new Header(false, pos + 1, len);
    }
    if (b0 < 0xc0) {
      return longForm(false, b0 - 0xb7);
    }
    if (b0 < 0xf8) {
      int len = b0 - 0xc0;
      checkBounds(pos + 1, len);
      return new Header(true, pos + 1, len);
    }
    return longForm(true, b0 - 0xf7);
  }

  private Header longForm(boolean list, int lenLen) {
    checkBounds(pos + 1, lenLen);
    if (data[pos + 1] == 0) {
      throw new RlpException("length with leading zero bytes at offset " + pos);
    }
    if (lenLen > 4) {
      throw new RlpException("length of " + lenLen + " bytes is too large at offset " + pos);
    }
    long len = 0;
    for (int i = 0; i < lenLen; i++) {
      len = (len << 8) | (data[pos + 1 + i] & 0xff);
    }
    if (len < 56) {
      throw new RlpException("long-form length " + len + " under 56 at offset " + pos);
    }
    if (len > Integer.MAX_VALUE) {
      throw new RlpException("length " + len + " too large at offset " + pos);
    }
    int start = pos + 1 + lenLen;
    checkBounds(start, (int) len);
    return new Header(list, start, (int) len);
  }

  private void checkBounds(int start, int len) {
    if ((long) start + len > end) {
      throw new RlpException(
          "item at offset "
              + pos
              + " needs "
              + len
              + " bytes, only "
              + Math.max(0, end - start)
              + " left");
    }
  }
}
