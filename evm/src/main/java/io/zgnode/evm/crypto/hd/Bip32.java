package io.zgnode.evm.crypto.hd;

import io.zgnode.evm.crypto.Secp256k1;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.util.BigIntegers;

/** BIP-32 hierarchical deterministic derivation of secp256k1 private keys. */
public final class Bip32 {
  /** Indices at or above this are hardened (written with a trailing apostrophe). */
  public static final int HARDENED = 0x8000_0000;

  private static final byte[] MASTER_KEY = "Bitcoin seed".getBytes(StandardCharsets.US_ASCII);

  private Bip32() {}

  /** A private key with its chain code. */
  public record ExtendedKey(BigInteger privateKey, byte[] chainCode) {
    public ExtendedKey {
      chainCode = chainCode.clone();
    }

    @Override
    public byte[] chainCode() {
      return chainCode.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof ExtendedKey k
          && privateKey.equals(k.privateKey)
          && Arrays.equals(chainCode, k.chainCode);
    }

    @Override
    public int hashCode() {
      return privateKey.hashCode() * 31 + Arrays.hashCode(chainCode);
    }

    @Override
    public String toString() {
      return "ExtendedKey[private key hidden]";
    }
  }

  /** The master key of a seed (16 to 64 bytes). */
  public static ExtendedKey master(byte[] seed) {
    if (seed == null || seed.length < 16 || seed.length > 64) {
      throw new IllegalArgumentException(
          "BIP-32 seed must be 16 to 64 bytes, got " + (seed == null ? "null" : seed.length));
    }
    byte[] i = hmacSha512(MASTER_KEY, seed);
    BigInteger key = new BigInteger(1, Arrays.copyOfRange(i, 0, 32));
    if (key.signum() == 0 || key.compareTo(Secp256k1.N) >= 0) {
      throw new IllegalArgumentException("seed derives an invalid master key; use another seed");
    }
    return new ExtendedKey(key, Arrays.copyOfRange(i, 32, 64));
  }

  /** The child at {@code index} (hardened when {@code index >= HARDENED}, as an unsigned int). */
  public static ExtendedKey child(ExtendedKey parent, int index) {
    byte[] data = new byte[37];
    if (Integer.compareUnsigned(index, HARDENED) >= 0) {
      BigIntegers.asUnsignedByteArray(parent.privateKey(), data, 1, 32);
    } else {
      System.arraycopy(Secp256k1.compressedPublicKey(parent.privateKey()), 0, data, 0, 33);
    }
    data[33] = (byte) (index >>> 24);
    data[34] = (byte) (index >>> 16);
    data[35] = (byte) (index >>> 8);
    data[36] = (byte) index;
    byte[] i = hmacSha512(parent.chainCode, data);
    BigInteger tweak = new BigInteger(1, Arrays.copyOfRange(i, 0, 32));
    BigInteger key = tweak.add(parent.privateKey()).mod(Secp256k1.N);
    if (tweak.compareTo(Secp256k1.N) >= 0 || key.signum() == 0) {
      // Probability below 2^-127; BIP-32 says to skip to the next index, which a caller that
      // asked for this exact index cannot silently accept.
      throw new IllegalArgumentException(
          "BIP-32 child " + Integer.toUnsignedString(index) + " is invalid; use the next index");
    }
    return new ExtendedKey(key, Arrays.copyOfRange(i, 32, 64));
  }

  /**
   * Derives a path such as {@code m/44'/60'/0'/0/0} ({@code '}, {@code h} or {@code H} marks a
   * hardened index).
   */
  public static ExtendedKey derive(ExtendedKey master, String path) {
    if (path == null) {
      throw new IllegalArgumentException("derivation path is missing");
    }
    String[] parts = path.trim().split("/", -1);
    if (parts.length == 0 || !parts[0].equals("m")) {
      throw new IllegalArgumentException("derivation path must start with 'm': " + path);
    }
    ExtendedKey key = master;
    for (int p = 1; p < parts.length; p++) {
      key = child(key, parseIndex(parts[p], path));
    }
    return key;
  }

  private static int parseIndex(String part, String path) {
    boolean hardened = part.endsWith("'") || part.endsWith("h") || part.endsWith("H");
    String digits = hardened ? part.substring(0, part.length() - 1) : part;
    if (digits.isEmpty() || digits.length() > 10 || !digits.chars().allMatch(Character::isDigit)) {
      throw new IllegalArgumentException(
          "invalid path component '" + part + "' in derivation path " + path);
    }
    long value = Long.parseLong(digits);
    if (value >= (1L << 31)) {
      throw new IllegalArgumentException(
          "path component '" + part + "' is not below 2^31 in derivation path " + path);
    }
    return hardened ? (int) value | HARDENED : (int) value;
  }

  private static byte[] hmacSha512(byte[] key, byte[] data) {
    HMac mac = new HMac(new SHA512Digest());
    mac.init(new KeyParameter(key));
    mac.update(data, 0, data.length);
    byte[] out = new byte[64];
    mac.doFinal(out, 0);
    return out;
  }
}
