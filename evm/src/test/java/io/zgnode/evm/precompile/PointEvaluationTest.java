package io.zgnode.evm.precompile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ethereum.ckzg4844.CKZG4844JNI;
import ethereum.ckzg4844.ProofAndY;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Point evaluation on proofs made here with c-kzg, valid and tampered. */
class PointEvaluationTest {
  private static final PointEvaluation POINT_EVALUATION = new PointEvaluation();
  private static byte[] commitment;
  private static byte[] z;
  private static byte[] y;
  private static byte[] proof;

  @BeforeAll
  static void makeProof() {
    KzgTrustedSetup.ensureLoaded();
    Random random = new Random(4844);
    byte[] blob = new byte[CKZG4844JNI.BYTES_PER_BLOB];
    for (int i = 0; i < CKZG4844JNI.FIELD_ELEMENTS_PER_BLOB; i++) {
      // Random field elements: the top byte zero keeps each below the BLS modulus.
      byte[] element = new byte[31];
      random.nextBytes(element);
      System.arraycopy(element, 0, blob, 32 * i + 1, 31);
    }
    commitment = CKZG4844JNI.blobToKzgCommitment(blob);
    z = new byte[32];
    z[31] = 42;
    ProofAndY proofAndY = CKZG4844JNI.computeKzgProof(blob, z);
    proof = proofAndY.getProof();
    y = proofAndY.getY();
  }

  private static byte[] input(byte[] versionedHash, byte[] z, byte[] y, byte[] c, byte[] p) {
    byte[] in = new byte[192];
    System.arraycopy(versionedHash, 0, in, 0, 32);
    System.arraycopy(z, 0, in, 32, 32);
    System.arraycopy(y, 0, in, 64, 32);
    System.arraycopy(c, 0, in, 96, 48);
    System.arraycopy(p, 0, in, 144, 48);
    return in;
  }

  @Test
  void trustedSetupShipsWithTheModule() {
    assertNotNull(
        KzgTrustedSetup.class.getResource(KzgTrustedSetup.RESOURCE),
        "the build must copy shared/kzg/trusted_setup_mainnet.txt into the jar");
  }

  @Test
  void validProofReturnsBlobConstants() {
    byte[] in = input(PointEvaluation.versionedHash(commitment), z, y, commitment, proof);
    PrecompileResult r = POINT_EVALUATION.execute(in);
    assertTrue(r.success());
    assertEquals(64, r.output().length);
    assertEquals(4096, new BigInteger(1, Arrays.copyOfRange(r.output(), 0, 32)).intValueExact());
    assertEquals(
        CKZG4844JNI.BLS_MODULUS, new BigInteger(1, Arrays.copyOfRange(r.output(), 32, 64)));
    assertEquals(50_000, POINT_EVALUATION.gasCost(in));
    // A second call returns an equal but independent array.
    assertArrayEquals(r.output(), POINT_EVALUATION.execute(in).output());
  }

  @Test
  void wrongValueFails() {
    byte[] wrongY = y.clone();
    wrongY[31] ^= 1;
    assertFalse(
        POINT_EVALUATION
            .execute(input(PointEvaluation.versionedHash(commitment), z, wrongY, commitment, proof))
            .success());
  }

  @Test
  void wrongVersionedHashFails() {
    byte[] hash = PointEvaluation.versionedHash(commitment);
    hash[0] = 0x02;
    assertFalse(POINT_EVALUATION.execute(input(hash, z, y, commitment, proof)).success());
    byte[] other = PointEvaluation.versionedHash(commitment);
    other[31] ^= 1;
    assertFalse(POINT_EVALUATION.execute(input(other, z, y, commitment, proof)).success());
  }

  @Test
  void nonCanonicalFieldElementOrBadPointFails() {
    byte[] big = new byte[32];
    Arrays.fill(big, (byte) 0xff);
    byte[] hash = PointEvaluation.versionedHash(commitment);
    assertFalse(POINT_EVALUATION.execute(input(hash, big, y, commitment, proof)).success(), "z");
    assertFalse(POINT_EVALUATION.execute(input(hash, z, big, commitment, proof)).success(), "y");
    byte[] badProof = proof.clone();
    badProof[10] ^= 0x40;
    assertFalse(POINT_EVALUATION.execute(input(hash, z, y, commitment, badProof)).success());
    byte[] badCommitment = commitment.clone();
    badCommitment[20] ^= 1;
    byte[] badHash = PointEvaluation.versionedHash(badCommitment);
    assertFalse(
        POINT_EVALUATION.execute(input(badHash, z, y, badCommitment, proof)).success(), "commit");
  }

  @Test
  void wrongLengthFails() {
    byte[] in = input(PointEvaluation.versionedHash(commitment), z, y, commitment, proof);
    assertFalse(POINT_EVALUATION.execute(Arrays.copyOf(in, 191)).success());
    assertFalse(POINT_EVALUATION.execute(Arrays.copyOf(in, 193)).success());
    assertFalse(POINT_EVALUATION.execute(new byte[0]).success());
  }
}
