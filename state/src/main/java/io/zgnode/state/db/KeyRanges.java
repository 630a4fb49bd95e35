package io.zgnode.state.db;

import java.util.Arrays;

/** Byte-string key arithmetic for range scans; keys order as unsigned bytes, shorter first. */
public final class KeyRanges {
  private KeyRanges() {}

  /**
   * The smallest key greater than every key that starts with {@code prefix}, or null when there is
   * none (an empty prefix or one made only of 0xff bytes): the exclusive end of a prefix scan.
   */
  public static byte[] prefixEnd(byte[] prefix) {
    for (int i = prefix.length - 1; i >= 0; i--) {
      if (prefix[i] != (byte) 0xff) {
        byte[] end = Arrays.copyOf(prefix, i + 1);
        end[i]++;
        return end;
      }
    }
    return null;
  }

  public static int compare(byte[] a, byte[] b) {
    return Arrays.compareUnsigned(a, b);
  }

  public static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
