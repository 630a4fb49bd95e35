package io.zgnode.evm.crypto.bn254;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zgnode.evm.bytes.Hex;
import io.zgnode.evm.crypto.Keccak256;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The 0G try-and-increment hash to G1, against the vectors of the DA brief. */
class HashToG1Test {
  private static final byte[] ADDRESS = Hex.decode("0x9685C4EB29309820CDC62663CC6CC82F3D42E964");
  private static final long CHAIN_ID = 8888;

  private static byte[] uint256(long v) {
    byte[] out = new byte[32];
    for (int i = 0; i < 8; i++) {
      out[31 - i] = (byte) (v >>> (8 * i));
    }
    return out;
  }

  private static byte[] uint64(long v) {
    byte[] out = new byte[8];
    for (int i = 0; i < 8; i++) {
      out[7 - i] = (byte) (v >>> (8 * i));
    }
    return out;
  }

  private static void assertPoint(String x, String y, G1Point p) {
    assertEquals(new BigInteger(x), p.x().toBigInteger(), "x");
    assertEquals(new BigInteger(y), p.y().toBigInteger(), "y");
  }

  @Test
  void registrationMessage() {
    byte[] digest =
        Keccak256.hash(
            ADDRESS,
            uint256(CHAIN_ID),
            "0G_BN254_Pubkey_Registration".getBytes(StandardCharsets.US_ASCII));
    assertPoint(
        "17347288745752564851578145205408924577042674846071448492673629564958667746090",
        "21456041422468658262738002909407073439935597271458862589356790821116767485654",
        G1Point.hashToG1(digest));
  }

  @Test
  void epochRegistrationMessage() {
    byte[] digest = Keccak256.hash(ADDRESS, uint64(1), uint256(CHAIN_ID));
    assertPoint(
        "13283083124528531674735853832182424672122091139683454761857829308708073730285",
        "21773064143788270772276852950775943855438706734263253481317981346601766662828",
        G1Point.hashToG1(digest));
  }

  @Test
  void blobMessage() {
    byte[] dataRoot = new byte[32];
    Arrays.fill(dataRoot, (byte) 0x11);
    byte[] digest = Keccak256.hash(dataRoot, uint256(1), uint256(2), uint256(1), uint256(2));
    assertPoint(
        "3104132272622526655068902279970515367044771064982988265068273751564440697689",
        "14983672482514514723382346054400511740670770934276906876175822994665721348371",
        G1Point.hashToG1(digest));
  }

  @Test
  void followsTheSpecificationOnRandomDigests() {
    Random rnd = new Random(11);
    BigInteger p = Fp.MODULUS;
    for (int i = 0; i < 50; i++) {
      byte[] digest = new byte[32];
      rnd.nextBytes(digest);
      if (i == 0) {
        Arrays.fill(digest, (byte) 0xff); // above p: reduced first
      }
      G1Point h = G1Point.hashToG1(digest);
      // reference: BigInteger, straight from the description
      BigInteger x = new BigInteger(1, digest).mod(p);
      BigInteger rhs;
      while (true) {
        rhs = x.pow(3).add(BigInteger.valueOf(3)).mod(p);
        if (rhs.modPow(p.shiftRight(1), p).equals(BigInteger.ONE)) {
          break;
        }
        x = x.add(BigInteger.ONE).mod(p);
      }
      BigInteger y = rhs.modPow(p.add(BigInteger.ONE).shiftRight(2), p);
      assertEquals(x, h.x().toBigInteger());
      assertEquals(y, h.y().toBigInteger());
      assertTrue(G1Point.fromBytes(h.toBytes()).equals(h));
    }
  }

  @Test
  void rejectsDigestsOfOtherLengths() {
    assertThrows(Bn254Exception.class, () -> G1Point.hashToG1(new byte[31]));
    assertThrows(Bn254Exception.class, () -> G1Point.hashToG1(new byte[33]));
  }
}
