package io.zgnode.tools.keys;

import java.io.ByteArrayOutputStream;
import java.util.Locale;

/**
 * Bech32 strings as BIP-173 defines them (the original checksum constant 1, not BIP-350's bech32m),
 * which is what Cosmos SDK account addresses use: a human-readable part, the separator {@code 1},
 * 5-bit data and a six-character checksum.
 */
public final class Bech32 {
  /** BIP-173's limit on a whole string; Cosmos clients accept the same for addresses. */
  public static final int MAX_LENGTH = 90;

  private static final String CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
  private static final int[] GENERATOR = {
    0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3
  };
  private static final int CHECKSUM_LENGTH = 6;

  private Bech32() {}

  /** A decoded string: its lower-case human-readable part and 5-bit data (checksum removed). */
  public record Decoded(String hrp, byte[] data) {
    public Decoded {
      data = data.clone();
    }

    @Override
    public byte[] data() {
      return data.clone();
    }
  }

  /** Encodes 5-bit values (each 0..31) under {@code hrp}, in lower case. */
  public static String encode(String hrp, byte[] data5) {
    checkHrp(hrp);
    String lowerHrp = hrp.toLowerCase(Locale.ROOT);
    for (byte b : data5) {
      if ((b & 0xff) > 31) {
        throw new IllegalArgumentException("bech32 data value out of range: " + (b & 0xff));
      }
    }
    int length = lowerHrp.length() + 1 + data5.length + CHECKSUM_LENGTH;
    if (length > MAX_LENGTH) {
      throw new IllegalArgumentException(
          "bech32 string would be " + length + " characters, more than " + MAX_LENGTH);
    }
    int[] checksum = checksum(lowerHrp, data5);
    StringBuilder sb = new StringBuilder(length).append(lowerHrp).append('1');
    for (byte b : data5) {
      sb.append(CHARSET.charAt(b));
    }
    for (int c : checksum) {
      sb.append(CHARSET.charAt(c));
    }
    return sb.toString();
  }

  /**
   * Decodes and verifies a bech32 string.
   *
   * @throws IllegalArgumentException saying what is wrong (mixed case, a character out of range, no
   *     separator, an empty human-readable part, a bad checksum, too long)
   */
  public static Decoded decode(String s) {
    if (s.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(
          "bech32 string is " + s.length() + " characters, more than " + MAX_LENGTH);
    }
    boolean lower = false;
    boolean upper = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 33 || c > 126) {
        throw new IllegalArgumentException(
            "bech32 string has a character out of range at position " + i);
      }
      lower |= c >= 'a' && c <= 'z';
      upper |= c >= 'A' && c <= 'Z';
    }
    if (lower && upper) {
      throw new IllegalArgumentException("bech32 string mixes upper and lower case");
    }
    String text = s.toLowerCase(Locale.ROOT);
    int sep = text.lastIndexOf('1');
    if (sep < 0) {
      throw new IllegalArgumentException("bech32 string has no separator '1'");
    }
    if (sep == 0) {
      throw new IllegalArgumentException("bech32 string has an empty human-readable part");
    }
    if (text.length() - sep - 1 < CHECKSUM_LENGTH) {
      throw new IllegalArgumentException("bech32 string is too short for its checksum");
    }
    String hrp = text.substring(0, sep);
    byte[] values = new byte[text.length() - sep - 1];
    for (int i = 0; i < values.length; i++) {
      int v = CHARSET.indexOf(text.charAt(sep + 1 + i));
      if (v < 0) {
        throw new IllegalArgumentException(
            "bech32 string has an invalid data character '" + text.charAt(sep + 1 + i) + "'");
      }
      values[i] = (byte) v;
    }
    if (polymod(hrp, values, 0) != 1) {
      throw new IllegalArgumentException("bech32 checksum does not match");
    }
    byte[] data = new byte[values.length - CHECKSUM_LENGTH];
    System.arraycopy(values, 0, data, 0, data.length);
    return new Decoded(hrp, data);
  }

  /** The bech32 form of raw bytes (an address): the bytes regrouped into 5-bit values. */
  public static String encodeBytes(String hrp, byte[] bytes) {
    return encode(hrp, convertBits(bytes, 8, 5, true));
  }

  /**
   * The bytes of a bech32 string made by {@link #encodeBytes}, requiring human-readable part {@code
   * expectedHrp}.
   */
  public static byte[] decodeBytes(String expectedHrp, String s) {
    Decoded d = decode(s);
    if (!d.hrp().equals(expectedHrp.toLowerCase(Locale.ROOT))) {
      throw new IllegalArgumentException(
          "bech32 prefix is '" + d.hrp() + "', expected '" + expectedHrp + "'");
    }
    return convertBits(d.data(), 5, 8, false);
  }

  /**
   * Regroups bits (BIP-173's convertbits). With {@code pad}, a last partial group is padded with
   * zeros; without it, leftover bits must be fewer than {@code from} and all zero.
   */
  public static byte[] convertBits(byte[] in, int from, int to, boolean pad) {
    int acc = 0;
    int bits = 0;
    int maxv = (1 << to) - 1;
    ByteArrayOutputStream out = new ByteArrayOutputStream(in.length * from / to + 1);
    for (byte b : in) {
      int value = b & 0xff;
      if ((value >>> from) != 0) {
        throw new IllegalArgumentException("value " + value + " does not fit in " + from + " bits");
      }
      acc = (acc << from) | value;
      bits += from;
      while (bits >= to) {
        bits -= to;
        out.write((acc >>> bits) & maxv);
      }
    }
    if (pad) {
      if (bits > 0) {
        out.write((acc << (to - bits)) & maxv);
      }
    } else if (bits >= from || ((acc << (to - bits)) & maxv) != 0) {
      throw new IllegalArgumentException("invalid padding in bech32 data");
    }
    return out.toByteArray();
  }

  private static void checkHrp(String hrp) {
    if (hrp.isEmpty() || hrp.length() > 83) {
      throw new IllegalArgumentException(
          "bech32 prefix must have 1 to 83 characters: '" + hrp + "'");
    }
    for (int i = 0; i < hrp.length(); i++) {
      char c = hrp.charAt(i);
      if (c < 33 || c > 126) {
        throw new IllegalArgumentException(
            "bech32 prefix has a character out of range: '" + hrp + "'");
      }
    }
    if (!hrp.equals(hrp.toLowerCase(Locale.ROOT)) && !hrp.equals(hrp.toUpperCase(Locale.ROOT))) {
      throw new IllegalArgumentException("bech32 prefix mixes upper and lower case: '" + hrp + "'");
    }
  }

  private static int[] checksum(String hrp, byte[] data5) {
    int mod = polymod(hrp, data5, CHECKSUM_LENGTH) ^ 1;
    int[] out = new int[CHECKSUM_LENGTH];
    for (int i = 0; i < CHECKSUM_LENGTH; i++) {
      out[i] = (mod >>> (5 * (5 - i))) & 31;
    }
    return out;
  }

  /** The checksum polynomial over the expanded prefix, the values, then {@code zeros} zeros. */
  private static int polymod(String hrp, byte[] values, int zeros) {
    int chk = 1;
    for (int i = 0; i < hrp.length(); i++) {
      chk = step(chk, hrp.charAt(i) >>> 5);
    }
    chk = step(chk, 0);
    for (int i = 0; i < hrp.length(); i++) {
      chk = step(chk, hrp.charAt(i) & 31);
    }
    for (byte v : values) {
      chk = step(chk, v);
    }
    for (int i = 0; i < zeros; i++) {
      chk = step(chk, 0);
    }
    return chk;
  }

  private static int step(int chk, int value) {
    int top = chk >>> 25;
    chk = ((chk & 0x1ffffff) << 5) ^ value;
    for (int i = 0; i < 5; i++) {
      if (((top >>> i) & 1) != 0) {
        chk ^= GENERATOR[i];
      }
    }
    return chk;
  }
}
