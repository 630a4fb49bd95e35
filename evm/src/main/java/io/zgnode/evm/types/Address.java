package io.zgnode.evm.types;

import io.zgnode.evm.bytes.Hex;
import io.zgnode.evm.crypto.Keccak256;
import java.util.Arrays;

/** A 20-byte account address. Immutable; ordered bytewise so sorted iteration is deterministic. */
public final class Address implements Comparable<Address> {
  public static final int LENGTH = 20;
  public static final Address ZERO = new Address(new byte[LENGTH]);

  private final byte[] bytes;
  private final int hash;

  private Address(byte[] bytes) {
    this.bytes = bytes;
    this.hash = Arrays.hashCode(bytes);
  }

  /** Wraps a copy of exactly 20 bytes. */
  public static Address wrap(byte[] bytes) {
    if (bytes.length != LENGTH) {
      throw new IllegalArgumentException("an address has 20 bytes, got " + bytes.length);
    }
    return new Address(bytes.clone());
  }

  /**
   * Parses {@code 0x}-prefixed (or bare) hex of exactly 20 bytes; checksum case is not enforced.
   */
  public static Address fromHex(String hex) {
    String body = hex.startsWith("0x") || hex.startsWith("0X") ? hex.substring(2) : hex;
    if (body.length() != 2 * LENGTH) {
      throw new IllegalArgumentException("invalid address (want 40 hex digits): " + hex);
    }
    return new Address(Hex.decode(body));
  }

  /** The address of a low-numbered precompile or system contract, e.g. {@code fromLong(0x800)}. */
  public static Address fromLong(long value) {
    byte[] b = new byte[LENGTH];
    for (int i = 0; i < 8; i++) {
      b[LENGTH - 1 - i] = (byte) (value >>> (8 * i));
    }
    return new Address(b);
  }

  /** The address of an uncompressed secp256k1 public key (64 bytes, without the 0x04 prefix). */
  public static Address fromPublicKey(byte[] publicKey64) {
    byte[] h = Keccak256.hash(publicKey64);
    return new Address(Arrays.copyOfRange(h, 12, 32));
  }

  public byte[] toArray() {
    return bytes.clone();
  }

  /** The backing bytes; callers must not modify them. */
  public byte[] bytesUnsafe() {
    return bytes;
  }

  public String toHex() {
    return Hex.encode(bytes);
  }

  /** EIP-55 mixed-case checksum form. */
  public String toChecksumHex() {
    String lower = Hex.encodePlain(bytes);
    byte[] h = Keccak256.hash(lower.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    StringBuilder sb = new StringBuilder("0x");
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      int nibble = (h[i / 2] >> (i % 2 == 0 ? 4 : 0)) & 0xf;
      sb.append(nibble >= 8 ? Character.toUpperCase(c) : c);
    }
    return sb.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Address a && Arrays.equals(bytes, a.bytes);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public int compareTo(Address o) {
    return Arrays.compareUnsigned(bytes, o.bytes);
  }

  @Override
  public String toString() {
    return toHex();
  }
}
