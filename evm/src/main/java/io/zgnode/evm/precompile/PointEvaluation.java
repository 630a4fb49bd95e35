package io.zgnode.evm.precompile;

import ethereum.ckzg4844.CKZG4844JNI;
import ethereum.ckzg4844.CKZGException;
import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.crypto.digests.SHA256Digest;

/**
 * 0x0a POINT_EVALUATION (EIP-4844): verifies a KZG proof that the blob committed to by {@code
 * commitment} evaluates to {@code y} at {@code z}. Input exactly 192 bytes: versioned hash (32), z
 * (32), y (32), commitment (48), proof (48). The versioned hash must be {@code 0x01 ||
 * sha256(commitment)[1:]}. Output {@code FIELD_ELEMENTS_PER_BLOB || BLS_MODULUS} as two 32-byte
 * words; any invalid input or proof fails the call. Gas 50000.
 */
public final class PointEvaluation implements Precompile {
  static final long GAS = 50_000;
  static final int INPUT_LENGTH = 192;
  private static final byte VERSIONED_HASH_VERSION_KZG = 0x01;
  private static final byte[] RETURN_VALUE = returnValue();

  @Override
  public long gasCost(byte[] input) {
    return GAS;
  }

  @Override
  public PrecompileResult execute(byte[] input) {
    if (input.length != INPUT_LENGTH) {
      return PrecompileResult.failure();
    }
    byte[] commitment = Arrays.copyOfRange(input, 96, 144);
    if (!Arrays.equals(versionedHash(commitment), 0, 32, input, 0, 32)) {
      return PrecompileResult.failure();
    }
    byte[] z = Arrays.copyOfRange(input, 32, 64);
    byte[] y = Arrays.copyOfRange(input, 64, 96);
    byte[] proof = Arrays.copyOfRange(input, 144, 192);
    KzgTrustedSetup.ensureLoaded();
    boolean valid;
    try {
      valid = CKZG4844JNI.verifyKzgProof(commitment, z, y, proof);
    } catch (CKZGException badEncoding) {
      // Non-canonical field elements or points that do not decode: an invalid input.
      return PrecompileResult.failure();
    }
    return valid ? PrecompileResult.success(RETURN_VALUE.clone()) : PrecompileResult.failure();
  }

  /** {@code 0x01 || sha256(commitment)[1:]}. */
  static byte[] versionedHash(byte[] commitment) {
    SHA256Digest digest = new SHA256Digest();
    digest.update(commitment, 0, commitment.length);
    byte[] hash = new byte[32];
    digest.doFinal(hash, 0);
    hash[0] = VERSIONED_HASH_VERSION_KZG;
    return hash;
  }

  private static byte[] returnValue() {
    byte[] out = new byte[64];
    byte[] count = BigInteger.valueOf(CKZG4844JNI.FIELD_ELEMENTS_PER_BLOB).toByteArray();
    System.arraycopy(count, 0, out, 32 - count.length, count.length);
    byte[] modulus = CKZG4844JNI.BLS_MODULUS.toByteArray();
    int len = Math.min(32, modulus.length);
    System.arraycopy(modulus, modulus.length - len, out, 64 - len, len);
    return out;
  }
}
