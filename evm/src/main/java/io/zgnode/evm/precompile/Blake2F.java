package io.zgnode.evm.precompile;

/**
 * 0x09 BLAKE2F (EIP-152): one call of the BLAKE2b compression function. Input exactly 213 bytes:
 * rounds (4 bytes, big-endian), h (8 words), m (16 words), t (2 words), all words little-endian,
 * then the final-block flag (0 or 1); anything else fails. Output the new h (64 bytes). Gas: one
 * per round.
 */
public final class Blake2F implements Precompile {
  static final int INPUT_LENGTH = 213;

  @Override
  public long gasCost(byte[] input) {
    // A malformed input fails in execute(), which consumes the call's gas anyway.
    return input.length == INPUT_LENGTH ? rounds(input) : 0;
  }

  @Override
  public PrecompileResult execute(byte[] input) {
    if (input.length != INPUT_LENGTH) {
      return PrecompileResult.failure();
    }
    int flag = input[212];
    if (flag != 0 && flag != 1) {
      return PrecompileResult.failure();
    }
    long[] h = new long[8];
    long[] m = new long[16];
    for (int i = 0; i < 8; i++) {
      h[i] = readLittleEndian(input, 4 + 8 * i);
    }
    for (int i = 0; i < 16; i++) {
      m[i] = readLittleEndian(input, 68 + 8 * i);
    }
    long t0 = readLittleEndian(input, 196);
    long t1 = readLittleEndian(input, 204);
    Blake2bCompression.compress(rounds(input), h, m, t0, t1, flag == 1);
    byte[] out = new byte[64];
    for (int i = 0; i < 8; i++) {
      writeLittleEndian(h[i], out, 8 * i);
    }
    return PrecompileResult.success(out);
  }

  private static long rounds(byte[] input) {
    return ((input[0] & 0xffL) << 24)
        | ((input[1] & 0xffL) << 16)
        | ((input[2] & 0xffL) << 8)
        | (input[3] & 0xffL);
  }

  private static long readLittleEndian(byte[] in, int offset) {
    long v = 0;
    for (int i = 7; i >= 0; i--) {
      v = (v << 8) | (in[offset + i] & 0xffL);
    }
    return v;
  }

  private static void writeLittleEndian(long v, byte[] out, int offset) {
    for (int i = 0; i < 8; i++) {
      out[offset + i] = (byte) (v >>> (8 * i));
    }
  }
}
