package io.zgnode.evm.precompile;

/** Gas helpers shared by the precompiles priced per 32-byte word. */
final class GasWords {
  private GasWords() {}

  /** The number of 32-byte words needed to hold {@code length} bytes, rounded up. */
  static long words(int length) {
    return (length + 31L) >>> 5;
  }

  /** {@code base + perWord * words(length)}; cannot overflow for an array length. */
  static long linear(long base, long perWord, int length) {
    return base + perWord * words(length);
  }
}
