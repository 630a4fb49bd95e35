package io.zgnode.evm.types;

import io.zgnode.evm.bytes.Hex;
import io.zgnode.evm.crypto.Keccak256;
import java.util.Arrays;

/** A 32-byte value: a hash, a storage slot or a storage word. Immutable, ordered bytewise. */
public final class Hash implements Comparable<Hash> {
  public static final int LENGTH = 32;
  public static final Hash ZERO = new Hash(new byte[LENGTH]);

  /** keccak256 of the empty string: the code hash of an account without code. */
  public static final Hash EMPTY_CODE =
      fromHex("0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");

  /** The root of an empty Merkle-Patricia trie: keccak256(rlp("")). */
  public static final Hash EMPTY_TRIE =
      fromHex("0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421");

  private final byte[] bytes;
  private final int hash;

  private Hash(byte[] bytes) {
    this.bytes = bytes;
    this.hash = Arrays.hashCode(bytes);
  }

  public static Hash wrap(byte[] bytes) {
    if (bytes.length != LENGTH) {
      throw new IllegalArgumentException("a hash has 32 bytes, got " + bytes.length);
    }
    return new Hash(bytes.clone());
  }

  /** Takes ownership of {@code bytes} without copying; for hot paths that just created them. */
  public static Hash wrapOwned(byte[] bytes) {
    if (bytes.length != LENGTH) {
      throw new IllegalArgumentException("a hash has 32 bytes, got " + bytes.length);
    }
    return new Hash(bytes);
  }

  public static Hash fromHex(String hex) {
    return new Hash(Hex.decode(hex, LENGTH));
  }

  public static Hash keccak(byte[] data) {
    return new Hash(Keccak256.hash(data));
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

  @Override
  public boolean equals(Object o) {
    return o instanceof Hash h && Arrays.equals(bytes, h.bytes);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public int compareTo(Hash o) {
    return Arrays.compareUnsigned(bytes, o.bytes);
  }

  @Override
  public String toString() {
    return toHex();
  }
}
