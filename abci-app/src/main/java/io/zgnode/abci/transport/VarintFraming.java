package io.zgnode.abci.transport;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The framing of CometBFT's socket protocol since v0.37: each message is preceded by its length as
 * an unsigned base-128 varint (the protobuf "delimited" form). v0.34 and older used a signed
 * zig-zag varint, which reads as twice the length here, so a peer speaking it is caught by the size
 * check or by a parse error rather than silently misread.
 */
final class VarintFraming {

  /** The longest varint encoding of a 64-bit value. */
  private static final int MAX_VARINT_BYTES = 10;

  private VarintFraming() {}

  /**
   * Reads one frame, blocking until all of it has arrived.
   *
   * @return the frame's bytes, or {@code null} if the stream ended cleanly before a new frame
   * @throws FrameTooLargeException if the announced length exceeds {@code maxBytes}
   * @throws EOFException if the stream ended inside a frame
   * @throws IOException if the length prefix is malformed or reading fails
   */
  static byte[] readFrame(InputStream in, int maxBytes) throws IOException {
    long length = 0;
    for (int index = 0; ; index++) {
      int b = in.read();
      if (b < 0) {
        if (index == 0) {
          return null;
        }
        throw new EOFException("stream ended inside the length prefix of an ABCI frame");
      }
      if (index == MAX_VARINT_BYTES - 1 && (b & 0xFE) != 0) {
        throw new IOException("ABCI frame length prefix does not fit in 64 bits");
      }
      length |= (long) (b & 0x7F) << (7 * index);
      if ((b & 0x80) == 0) {
        break;
      }
    }
    if (Long.compareUnsigned(length, maxBytes) > 0) {
      throw new FrameTooLargeException(Long.toUnsignedString(length), maxBytes);
    }
    int size = (int) length;
    byte[] frame = in.readNBytes(size);
    if (frame.length < size) {
      throw new EOFException(
          "stream ended after " + frame.length + " of the " + size + " bytes of an ABCI frame");
    }
    return frame;
  }

  /** Writes {@code value} as an unsigned varint. */
  static void writeLength(OutputStream out, int value) throws IOException {
    if (value < 0) {
      throw new IllegalArgumentException("frame length must not be negative: " + value);
    }
    int rest = value;
    while ((rest & ~0x7F) != 0) {
      out.write((rest & 0x7F) | 0x80);
      rest >>>= 7;
    }
    out.write(rest);
  }
}
