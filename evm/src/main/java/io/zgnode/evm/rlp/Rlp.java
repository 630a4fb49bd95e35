package io.zgnode.evm.rlp;

import java.math.BigInteger;

/** One-line helpers for common encodings; use {@link RlpWriter} to build larger structures. */
public final class Rlp {
  /** The encoding of the empty string. */
  public static final byte[] EMPTY_STRING = {(byte) 0x80};

  /** The encoding of the empty list. */
  public static final byte[] EMPTY_LIST = {(byte) 0xc0};

  private Rlp() {}

  public static byte[] encodeBytes(byte[] value) {
    return new RlpWriter(value.length + 9).writeBytes(value).toByteArray();
  }

  public static byte[] encodeLong(long value) {
    return new RlpWriter(16).writeLong(value).toByteArray();
  }

  public static byte[] encodeBigInteger(BigInteger value) {
    return new RlpWriter(40).writeBigInteger(value).toByteArray();
  }

  /** A list of already-encoded items. */
  public static byte[] encodeList(byte[]... encodedItems) {
    int total = 0;
    for (byte[] item : encodedItems) {
      total += item.length;
    }
    RlpWriter w = new RlpWriter(total + 9).startList();
    for (byte[] item : encodedItems) {
      w.writeRaw(item);
    }
    return w.endList().toByteArray();
  }

  /** Decodes a whole input that must be exactly one item (no trailing bytes). */
  public static RlpReader reader(byte[] encoded) {
    return RlpReader.ofSingleItem(encoded);
  }
}
