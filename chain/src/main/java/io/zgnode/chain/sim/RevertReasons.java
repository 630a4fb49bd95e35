package io.zgnode.chain.sim;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * Reads the reason out of revert data as geth's {@code abi.UnpackRevert} does: Solidity's {@code
 * Error(string)} (selector 0x08c379a0) gives its message, {@code Panic(uint256)} (0x4e487b71) the
 * description of its code; anything else (custom errors, empty data) has no reason.
 */
public final class RevertReasons {
  private static final byte[] ERROR_SELECTOR = {0x08, (byte) 0xc3, 0x79, (byte) 0xa0};
  private static final byte[] PANIC_SELECTOR = {0x4e, 0x48, 0x7b, 0x71};

  /** Solidity's panic codes, worded as geth words them. */
  private static final Map<Long, String> PANICS =
      Map.ofEntries(
          Map.entry(0x00L, "generic panic"),
          Map.entry(0x01L, "assert(false)"),
          Map.entry(0x11L, "arithmetic underflow or overflow"),
          Map.entry(0x12L, "division or modulo by zero"),
          Map.entry(0x21L, "enum overflow"),
          Map.entry(0x22L, "invalid encoded storage byte array accessed"),
          Map.entry(0x31L, "out-of-bounds array access; popping on an empty array"),
          Map.entry(0x32L, "out-of-bounds access of an array or bytesN"),
          Map.entry(0x41L, "out of memory"),
          Map.entry(0x51L, "uninitialized function"));

  private RevertReasons() {}

  /** The reason in {@code output}, or null when it is neither a well-formed Error nor Panic. */
  public static String decode(byte[] output) {
    if (output == null || output.length < 4) {
      return null;
    }
    byte[] selector = Arrays.copyOf(output, 4);
    if (Arrays.equals(selector, ERROR_SELECTOR)) {
      return errorString(output);
    }
    if (Arrays.equals(selector, PANIC_SELECTOR)) {
      if (output.length < 4 + 32) {
        return null;
      }
      BigInteger code = new BigInteger(1, Arrays.copyOfRange(output, 4, 36));
      if (code.bitLength() < 64) {
        String known = PANICS.get(code.longValue());
        if (known != null) {
          return known;
        }
      }
      return "unknown panic code: 0x" + code.toString(16);
    }
    return null;
  }

  /** The ABI-encoded string argument after the selector, or null when malformed. */
  private static String errorString(byte[] output) {
    int base = 4;
    if (output.length < base + 32) {
      return null;
    }
    BigInteger offset = new BigInteger(1, Arrays.copyOfRange(output, base, base + 32));
    if (offset.bitLength() > 31) {
      return null;
    }
    long lengthAt = (long) base + offset.longValue();
    if (lengthAt + 32 > output.length) {
      return null;
    }
    BigInteger length =
        new BigInteger(1, Arrays.copyOfRange(output, (int) lengthAt, (int) lengthAt + 32));
    if (length.bitLength() > 31) {
      return null;
    }
    long start = lengthAt + 32;
    if (start + length.longValue() > output.length) {
      return null;
    }
    return new String(output, (int) start, length.intValue(), StandardCharsets.UTF_8);
  }
}
