package io.zgnode.evm.bytes;

/** Hexadecimal text for byte strings, in the Ethereum style ({@code 0x}-prefixed, lower case). */
public final class Hex {
  private static final char[] DIGITS = "0123456789abcdef".toCharArray();

  private Hex() {}

  /** Encodes with a {@code 0x} prefix. */
  public static String encode(byte[] bytes) {
    return "0x" + encodePlain(bytes, 0, bytes.length);
  }

  /** Encodes without a prefix. */
  public static String encodePlain(byte[] bytes) {
    return encodePlain(bytes, 0, bytes.length);
  }

  public static String encodePlain(byte[] bytes, int offset, int length) {
    char[] out = new char[length * 2];
    for (int i = 0; i < length; i++) {
      int b = bytes[offset + i] & 0xff;
      out[2 * i] = DIGITS[b >>> 4];
      out[2 * i + 1] = DIGITS[b & 0x0f];
    }
    return new String(out);
  }

  /**
   * Decodes hex text with or without a {@code 0x} prefix. An odd number of digits is read as if a
   * leading zero were present, as Ethereum tools do for quantities.
   *
   * @throws IllegalArgumentException on a character that is not a hex digit
   */
  public static byte[] decode(String text) {
    int start = text.startsWith("0x") || text.startsWith("0X") ? 2 : 0;
    int digits = text.length() - start;
    int odd = digits & 1;
    byte[] out = new byte[(digits + 1) / 2];
    for (int i = 0; i < digits; i++) {
      int v = Character.digit(text.charAt(start + i), 16);
      if (v < 0) {
        throw new IllegalArgumentException(
            "invalid hex character '" + text.charAt(start + i) + "' in " + abbreviate(text));
      }
      int pos = i + odd;
      if ((pos & 1) == 0) {
        out[pos >> 1] = (byte) (v << 4);
      } else {
        out[pos >> 1] |= (byte) v;
      }
    }
    return out;
  }

  /** Decodes and requires exactly {@code length} bytes. */
  public static byte[] decode(String text, int length) {
    byte[] out = decode(text);
    if (out.length != length) {
      throw new IllegalArgumentException(
          "expected " + length + " bytes of hex, got " + out.length + ": " + abbreviate(text));
    }
    return out;
  }

  private static String abbreviate(String text) {
    return text.length() <= 80 ? text : text.substring(0, 77) + "...";
  }
}
