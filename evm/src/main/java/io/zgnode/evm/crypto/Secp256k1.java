package io.zgnode.evm.crypto;

import io.zgnode.evm.types.Address;
import java.math.BigInteger;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECMultiplier;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.util.BigIntegers;

/**
 * ECDSA over secp256k1 as Ethereum uses it: signatures with a recovery id, public-key recovery,
 * deterministic RFC 6979 nonces and low-s normalisation.
 *
 * <p>It uses BouncyCastle's custom secp256k1 curve, whose field arithmetic is specialised and which
 * carries the GLV endomorphism, so recovery runs as one interleaved multi-scalar multiplication
 * with the generator's precomputations cached across calls. Thread-safe and stateless.
 */
public final class Secp256k1 {
  private static final X9ECParameters PARAMS = CustomNamedCurves.getByName("secp256k1");
  private static final ECCurve CURVE = PARAMS.getCurve();
  private static final ECPoint G = PARAMS.getG();
  private static final BigInteger P = CURVE.getField().getCharacteristic();

  /** The order of the group. */
  public static final BigInteger N = PARAMS.getN();

  /** N / 2, rounded down: the largest {@code s} a canonical (low-s) signature may have. */
  public static final BigInteger HALF_N = N.shiftRight(1);

  // Constant-time enough for the secret scalars of signing and key derivation; it caches a comb
  // table for G on first use.
  private static final ECMultiplier FIXED_BASE = new FixedPointCombMultiplier();

  static {
    // Build the generator's tables now rather than inside the first caller's latency budget.
    FIXED_BASE.multiply(G, BigInteger.ONE);
    ECAlgorithms.sumOfTwoMultiplies(G, BigInteger.ONE, G, BigInteger.TWO);
  }

  private Secp256k1() {}

  /**
   * A signature: {@code r}, {@code s} and the recovery id (bit 0: parity of R's y coordinate; bit
   * 1: R's x coordinate was at least N, which happens with negligible probability).
   */
  public record Signature(BigInteger r, BigInteger s, int recoveryId) {
    public Signature {
      if (r == null || s == null) {
        throw new IllegalArgumentException("signature r and s are required");
      }
      if (recoveryId < 0 || recoveryId > 3) {
        throw new IllegalArgumentException("recovery id must be 0..3, got " + recoveryId);
      }
    }
  }

  /**
   * Recovers the public key that made a signature over {@code hash32}.
   *
   * @return the 64-byte uncompressed key (x || y, without the 0x04 prefix), or null when r or s is
   *     out of [1, N-1], the recovery id is not 0..3, R is not on the curve, or the result is the
   *     point at infinity. High-s signatures are recovered as well; rejecting them is a policy
   *     decision left to the caller.
   */
  public static byte[] recoverPublicKey(byte[] hash32, BigInteger r, BigInteger s, int recoveryId) {
    ECPoint q = recoverPoint(hash32, r, s, recoveryId);
    if (q == null) {
      return null;
    }
    byte[] out = new byte[64];
    q.getAffineXCoord().encodeTo(out, 0);
    q.getAffineYCoord().encodeTo(out, 32);
    return out;
  }

  /** The address of the recovered key, or null when no key recovers. */
  public static Address recoverAddress(byte[] hash32, BigInteger r, BigInteger s, int recoveryId) {
    byte[] pub = recoverPublicKey(hash32, r, s, recoveryId);
    return pub == null ? null : Address.fromPublicKey(pub);
  }

  /** R's x coordinate for valid inputs, null when no key can recover from them. */
  private static BigInteger checkRecoveryInputs(
      byte[] hash32, BigInteger r, BigInteger s, int recoveryId) {
    if (hash32 == null || hash32.length != 32) {
      throw new IllegalArgumentException(
          "message hash must be 32 bytes, got " + (hash32 == null ? "null" : hash32.length));
    }
    if (r == null || s == null) {
      throw new IllegalArgumentException("signature r and s are required");
    }
    if (recoveryId < 0 || recoveryId > 3) {
      return null;
    }
    if (r.signum() <= 0 || r.compareTo(N) >= 0 || s.signum() <= 0 || s.compareTo(N) >= 0) {
      return null;
    }
    BigInteger x = r;
    if ((recoveryId & 2) != 0) {
      x = r.add(N);
      if (x.compareTo(P) >= 0) {
        return null;
      }
    }
    return x;
  }

  private static ECPoint recoverPoint(byte[] hash32, BigInteger r, BigInteger s, int recoveryId) {
    BigInteger x = checkRecoveryInputs(hash32, r, s, recoveryId);
    if (x == null) {
      return null;
    }
    ECPoint bigR = decompress(x, (recoveryId & 1) != 0);
    if (bigR == null) {
      return null;
    }
    // Q = r^-1 (s R - e G) = (s r^-1) R + (-e r^-1) G: one interleaved multi-scalar
    // multiplication, which BouncyCastle runs with GLV-split wNAF and cached tables for G.
    BigInteger e = new BigInteger(1, hash32).mod(N);
    BigInteger rInv = BigIntegers.modOddInverseVar(N, r);
    BigInteger u1 = N.subtract(e).multiply(rInv).mod(N);
    BigInteger u2 = s.multiply(rInv).mod(N);
    ECPoint q = ECAlgorithms.sumOfTwoMultiplies(G, u1, bigR, u2).normalize();
    return q.isInfinity() ? null : q;
  }

  /** The curve point with the given x and y parity, or null when x is not on the curve. */
  private static ECPoint decompress(BigInteger x, boolean oddY) {
    byte[] enc = new byte[33];
    enc[0] = (byte) (oddY ? 0x03 : 0x02);
    BigIntegers.asUnsignedByteArray(x, enc, 1, 32);
    try {
      return CURVE.decodePoint(enc);
    } catch (IllegalArgumentException notOnCurve) {
      return null;
    }
  }

  /**
   * Signs a 32-byte hash with an RFC 6979 (HMAC-SHA256) deterministic nonce. The result is low-s
   * normalised (s <= N/2), with the recovery id adjusted to match.
   *
   * @throws IllegalArgumentException when the private key is not in [1, N-1]
   */
  public static Signature sign(byte[] hash32, BigInteger privateKey) {
    if (hash32 == null || hash32.length != 32) {
      throw new IllegalArgumentException(
          "message hash must be 32 bytes, got " + (hash32 == null ? "null" : hash32.length));
    }
    checkPrivateKey(privateKey);
    HMacDSAKCalculator nonces = new HMacDSAKCalculator(new SHA256Digest());
    nonces.init(N, privateKey, hash32);
    BigInteger e = new BigInteger(1, hash32);
    while (true) {
      BigInteger k = nonces.nextK();
      ECPoint bigR = FIXED_BASE.multiply(G, k).normalize();
      BigInteger rx = bigR.getAffineXCoord().toBigInteger();
      BigInteger r = rx.mod(N);
      if (r.signum() == 0) {
        continue;
      }
      BigInteger s = BigIntegers.modOddInverse(N, k).multiply(e.add(privateKey.multiply(r))).mod(N);
      if (s.signum() == 0) {
        continue;
      }
      int recoveryId =
          (bigR.getAffineYCoord().testBitZero() ? 1 : 0) | (rx.compareTo(N) >= 0 ? 2 : 0);
      if (s.compareTo(HALF_N) > 0) {
        // -s is the other valid s; it corresponds to -R, whose y has the other parity.
        s = N.subtract(s);
        recoveryId ^= 1;
      }
      return new Signature(r, s, recoveryId);
    }
  }

  /** The 64-byte uncompressed public key (x || y) of a private key. */
  public static byte[] publicKey(BigInteger privateKey) {
    checkPrivateKey(privateKey);
    ECPoint q = FIXED_BASE.multiply(G, privateKey).normalize();
    byte[] out = new byte[64];
    q.getAffineXCoord().encodeTo(out, 0);
    q.getAffineYCoord().encodeTo(out, 32);
    return out;
  }

  /** The 33-byte SEC1 compressed public key of a private key (as BIP-32 hashes it). */
  public static byte[] compressedPublicKey(BigInteger privateKey) {
    checkPrivateKey(privateKey);
    return FIXED_BASE.multiply(G, privateKey).normalize().getEncoded(true);
  }

  /** The Ethereum address of a private key. */
  public static Address address(BigInteger privateKey) {
    return Address.fromPublicKey(publicKey(privateKey));
  }

  private static void checkPrivateKey(BigInteger privateKey) {
    if (privateKey == null || privateKey.signum() <= 0 || privateKey.compareTo(N) >= 0) {
      throw new IllegalArgumentException("private key must be in [1, N-1]");
    }
  }
}
