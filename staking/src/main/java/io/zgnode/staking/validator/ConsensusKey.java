package io.zgnode.staking.validator;

import io.zgnode.evm.bytes.Hex;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * A validator's ed25519 consensus public key (32 bytes). Its CometBFT address is the first 20 bytes
 * of sha256(key).
 */
public final class ConsensusKey {
  public static final int LENGTH = 32;
  public static final int ADDRESS_LENGTH = 20;

  private final byte[] bytes;

  private ConsensusKey(byte[] bytes) {
    this.bytes = bytes;
  }

  /** Copies {@code key}; refuses anything but 32 bytes. */
  public static ConsensusKey ed25519(byte[] key) {
    if (key == null) {
      throw new IllegalArgumentException("consensus public key is missing");
    }
    if (key.length != LENGTH) {
      throw new IllegalArgumentException(
          "consensus public key must be an ed25519 key of 32 bytes, got " + key.length + " bytes");
    }
    return new ConsensusKey(key.clone());
  }

  public byte[] toArray() {
    return bytes.clone();
  }

  /** CometBFT's validator address: sha256(key)[0..20]. */
  public byte[] address() {
    try {
      return Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(bytes), ADDRESS_LENGTH);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ConsensusKey k && Arrays.equals(bytes, k.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return Hex.encode(bytes);
  }
}
