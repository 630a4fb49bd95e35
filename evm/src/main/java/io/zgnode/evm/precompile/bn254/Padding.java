package io.zgnode.evm.precompile.bn254;

/** The EIP-196 input convention: missing bytes read as zeros. */
final class Padding {
  private Padding() {}

  /** The first {@code length} bytes of {@code input}, zero-padded on the right when shorter. */
  static byte[] rightPad(byte[] input, int length) {
    byte[] out = new byte[length];
    System.arraycopy(input, 0, out, 0, Math.min(input.length, length));
    return out;
  }
}
