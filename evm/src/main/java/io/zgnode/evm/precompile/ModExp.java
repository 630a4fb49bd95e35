package io.zgnode.evm.precompile;

import java.math.BigInteger;

/**
 * 0x05 MODEXP (EIP-198): {@code base^exp mod modulus} for arbitrary-length unsigned big-endian
 * numbers. Input: the three lengths as 32-byte words, then base, exponent and modulus; bytes past
 * the end of the input read as zero. The output has exactly the modulus length (zero when the
 * modulus is zero).
 *
 * <p>Two rule sets: {@link #berlin()} prices by EIP-2565 (Berlin to Prague); {@link #osaka()}
 * prices by EIP-7883 and enforces EIP-7823, under which a length above 1024 bytes fails the call.
 *
 * <p>Declared lengths are never allocated before the gas is known: a length beyond 2^32 - 1 (or one
 * that makes the price overflow) prices at {@link Long#MAX_VALUE}, which no call can pay.
 */
public final class ModExp implements Precompile {
  /** The largest length EIP-7823 allows for each of base, exponent and modulus. */
  public static final int OSAKA_MAX_LENGTH = 1024;

  // A length at or above this is "huge": its price is beyond any gas limit, so its exact value
  // never matters. Keeping lengths below it keeps every product below in long range.
  private static final long HUGE = 1L << 32;
  // The longest operand execute() will build (its bits must fit an int). Reaching it costs at
  // least 8 * 2^28 / 3 (over 700 million) gas even under the cheaper Berlin rules.
  private static final long MAX_EXECUTABLE_LENGTH = (Integer.MAX_VALUE >> 3) - 1;
  // More gas than any block could ever hold; execute() refuses such inputs outright, so a caller
  // that skipped the gas check cannot make it allocate and compute for minutes.
  private static final long UNPAYABLE_GAS = 1L << 32;
  private static final byte[] EMPTY = new byte[0];
  private static final ModExp BERLIN = new ModExp(false);
  private static final ModExp OSAKA = new ModExp(true);

  private final boolean osaka;

  private ModExp(boolean osaka) {
    this.osaka = osaka;
  }

  /** EIP-2565 pricing, no length bounds: Berlin through Prague. */
  public static ModExp berlin() {
    return BERLIN;
  }

  /** EIP-7883 pricing and EIP-7823 bounds: Osaka. */
  public static ModExp osaka() {
    return OSAKA;
  }

  @Override
  public long gasCost(byte[] input) {
    long baseLen = readLength(input, 0);
    long expLen = readLength(input, 32);
    long modLen = readLength(input, 64);
    return osaka
        ? osakaGas(input, baseLen, expLen, modLen)
        : berlinGas(input, baseLen, expLen, modLen);
  }

  @Override
  public PrecompileResult execute(byte[] input) {
    long baseLen = readLength(input, 0);
    long expLen = readLength(input, 32);
    long modLen = readLength(input, 64);
    if (osaka
        && (baseLen > OSAKA_MAX_LENGTH || expLen > OSAKA_MAX_LENGTH || modLen > OSAKA_MAX_LENGTH)) {
      return PrecompileResult.failure();
    }
    if (baseLen == 0 && modLen == 0) {
      // Nothing to compute and nothing to return, however long the exponent claims to be.
      return PrecompileResult.success(EMPTY);
    }
    // Only reachable when a caller skips the gas check: refuse rather than allocate gigabytes.
    if (baseLen > MAX_EXECUTABLE_LENGTH
        || expLen > MAX_EXECUTABLE_LENGTH
        || modLen > MAX_EXECUTABLE_LENGTH
        || gasCost(input) > UNPAYABLE_GAS) {
      return PrecompileResult.failure();
    }
    BigInteger base = readNumber(input, 96, baseLen);
    BigInteger exp = readNumber(input, 96 + baseLen, expLen);
    BigInteger mod = readNumber(input, 96 + baseLen + expLen, modLen);
    int outLen = (int) modLen;
    if (mod.signum() == 0) {
      return PrecompileResult.success(new byte[outLen]);
    }
    return PrecompileResult.success(toFixedLength(base.modPow(exp, mod), outLen));
  }

  private static long berlinGas(byte[] input, long baseLen, long expLen, long modLen) {
    long maxLen = Math.max(baseLen, modLen);
    long words = (maxLen + 7) / 8;
    long complexity = words * words;
    if (complexity == 0) {
      return 200;
    }
    if (maxLen >= HUGE || expLen >= HUGE) {
      return Long.MAX_VALUE;
    }
    long product = saturatingMultiply(complexity, iterations(input, baseLen, expLen, 8));
    return product == Long.MAX_VALUE ? Long.MAX_VALUE : Math.max(200, product / 3);
  }

  private static long osakaGas(byte[] input, long baseLen, long expLen, long modLen) {
    long maxLen = Math.max(baseLen, modLen);
    if (maxLen >= HUGE || expLen >= HUGE) {
      return Long.MAX_VALUE;
    }
    long words = (maxLen + 7) / 8;
    long complexity = maxLen > 32 ? 2 * words * words : 16;
    return Math.max(500, saturatingMultiply(complexity, iterations(input, baseLen, expLen, 16)));
  }

  /**
   * The adjusted exponent length: the bit length of the exponent's first 32 bytes less one, plus
   * {@code perByte} for every exponent byte beyond 32; at least 1.
   */
  private static long iterations(byte[] input, long baseLen, long expLen, long perByte) {
    int headBits = headBitLength(input, 96 + baseLen, (int) Math.min(32, expLen));
    long count;
    if (expLen <= 32) {
      count = headBits == 0 ? 0 : headBits - 1;
    } else {
      count = perByte * (expLen - 32) + Math.max(headBits - 1, 0);
    }
    return Math.max(count, 1);
  }

  /** The bit length of the big-endian number in {@code input[offset, offset+len)}, zero-padded. */
  private static int headBitLength(byte[] input, long offset, int len) {
    for (int i = 0; i < len; i++) {
      long at = offset + i;
      if (at >= input.length) {
        return 0;
      }
      int b = input[(int) at] & 0xff;
      if (b != 0) {
        return (len - i - 1) * 8 + (32 - Integer.numberOfLeadingZeros(b));
      }
    }
    return 0;
  }

  /**
   * A 32-byte big-endian length at {@code offset}, zero-padded; {@link #HUGE} when it does not fit
   * in 32 bits.
   */
  private static long readLength(byte[] input, int offset) {
    for (int i = 0; i < 28; i++) {
      int at = offset + i;
      if (at < input.length && input[at] != 0) {
        return HUGE;
      }
    }
    long value = 0;
    for (int i = 28; i < 32; i++) {
      int at = offset + i;
      value = (value << 8) | (at < input.length ? input[at] & 0xff : 0);
    }
    return value;
  }

  /** The unsigned number of {@code len} bytes at {@code offset}; bytes past the input are zero. */
  private static BigInteger readNumber(byte[] input, long offset, long len) {
    long available = Math.max(0, Math.min(len, input.length - offset));
    if (available == 0) {
      return BigInteger.ZERO;
    }
    BigInteger present = new BigInteger(1, input, (int) offset, (int) available);
    long missing = len - available;
    return missing == 0 ? present : present.shiftLeft((int) (missing * 8));
  }

  private static byte[] toFixedLength(BigInteger value, int length) {
    byte[] out = new byte[length];
    byte[] raw = value.toByteArray();
    // toByteArray may carry a leading sign byte; the value is below the modulus so it fits.
    int copy = Math.min(raw.length, length);
    System.arraycopy(raw, raw.length - copy, out, length - copy, copy);
    return out;
  }

  private static long saturatingMultiply(long a, long b) {
    long high = Math.multiplyHigh(a, b);
    long low = a * b;
    return high != 0 || low < 0 ? Long.MAX_VALUE : low;
  }
}
