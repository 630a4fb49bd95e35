package io.zgnode.slashing.signing;

import io.zgnode.evm.bytes.Hex;
import java.util.Arrays;
import java.util.Objects;

/**
 * A CometBFT validator (consensus) address: the first 20 bytes of sha256 of the ed25519 public key.
 * Immutable; ordered by unsigned bytes, which is also the order of the module's keys.
 */
public final class ConsAddress implements Comparable<ConsAddress> {
  public static final int LENGTH = 20;

  private final byte[] bytes;

  private ConsAddress(byte[] bytes) {
    this.bytes = bytes;
  }

  /** Copies {@code bytes}, which must be exactly 20 bytes long. */
  public static ConsAddress of(byte[] bytes) {
    Objects.requireNonNull(bytes, "consensus address");
    if (bytes.length != LENGTH) {
      throw new IllegalArgumentException(
          "a consensus address is " + LENGTH + " bytes, got " + bytes.length);
    }
    return new ConsAddress(bytes.clone());
  }

  public static ConsAddress fromHex(String hex) {
    return of(Hex.decode(hex));
  }

  public byte[] toArray() {
    return bytes.clone();
  }

  /** The backing array; callers must not modify it. */
  public byte[] bytesUnsafe() {
    return bytes;
  }

  public String toHex() {
    return Hex.encode(bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ConsAddress c && Arrays.equals(bytes, c.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public int compareTo(ConsAddress o) {
    return Arrays.compareUnsigned(bytes, o.bytes);
  }

  @Override
  public String toString() {
    return toHex();
  }
}
