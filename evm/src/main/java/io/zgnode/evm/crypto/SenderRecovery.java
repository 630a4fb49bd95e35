package io.zgnode.evm.crypto;

import io.zgnode.evm.types.Address;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * Recovers transaction senders, the hottest cryptography of the node: every transaction needs it
 * once. It uses libsecp256k1 through its JNI binding from Maven Central (about four times faster
 * than the pure-Java path on this machine) and falls back to {@link Secp256k1} (BouncyCastle
 * arithmetic) where the native library cannot load. Both give the same answer for every input; a
 * test cross-checks them. Set {@code -Dzgnode.secp256k1.native=false} to force the Java path.
 */
public final class SenderRecovery {
  private static final Native NATIVE = Native.load();

  private SenderRecovery() {}

  /** Which implementation is in use, for logs and benchmarks. */
  public static String implementation() {
    return NATIVE != null ? "libsecp256k1 (JNI)" : "BouncyCastle (Java)";
  }

  /** The signer's address, or null when no key recovers (same contract as Secp256k1). */
  public static Address recoverAddress(byte[] hash32, BigInteger r, BigInteger s, int recoveryId) {
    if (NATIVE == null) {
      return Secp256k1.recoverAddress(hash32, r, s, recoveryId);
    }
    if (hash32.length != 32
        || recoveryId < 0
        || recoveryId > 3
        || r.signum() <= 0
        || r.compareTo(Secp256k1.N) >= 0
        || s.signum() <= 0
        || s.compareTo(Secp256k1.N) >= 0) {
      return null;
    }
    byte[] pub = NATIVE.recover(hash32, r, s, recoveryId);
    return pub == null ? null : Address.fromPublicKey(Arrays.copyOfRange(pub, 1, 65));
  }

  /** Package-private for the cross-check test: the native path, or null if it is not loaded. */
  static byte[] recoverNative(byte[] hash32, BigInteger r, BigInteger s, int recoveryId) {
    return NATIVE == null ? null : NATIVE.recover(hash32, r, s, recoveryId);
  }

  static boolean nativeLoaded() {
    return NATIVE != null;
  }

  private record Native(fr.acinq.secp256k1.Secp256k1 lib) {
    static Native load() {
      if ("false".equalsIgnoreCase(System.getProperty("zgnode.secp256k1.native"))) {
        return null;
      }
      try {
        return new Native(fr.acinq.secp256k1.Secp256k1.Companion.get());
      } catch (Throwable e) { // UnsatisfiedLinkError, missing platform jar: use the Java path.
        return null;
      }
    }

    /** 65-byte uncompressed key (0x04 || x || y), or null. */
    byte[] recover(byte[] hash32, BigInteger r, BigInteger s, int recoveryId) {
      byte[] sig = new byte[64];
      put32(r, sig, 0);
      put32(s, sig, 32);
      try {
        byte[] pub = lib.ecdsaRecover(sig, hash32, recoveryId);
        return pub != null && pub.length == 65 ? pub : null;
      } catch (RuntimeException e) { // the library signals "no key" by throwing
        return null;
      }
    }

    private static void put32(BigInteger v, byte[] out, int at) {
      byte[] b = v.toByteArray();
      int len = Math.min(b.length, 32);
      System.arraycopy(b, b.length - len, out, at + 32 - len, len);
    }
  }
}
