package io.zgnode.evm.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zgnode.evm.bytes.Hex;
import io.zgnode.evm.types.Address;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Random;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;

class Secp256k1Test {
  private static final BigInteger N = Secp256k1.N;

  @Test
  void constants() {
    assertEquals(
        new BigInteger("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", 16), N);
    assertEquals(N.shiftRight(1), Secp256k1.HALF_N);
  }

  @Test
  void publicKeyOfOneIsTheGenerator() {
    assertEquals(
        "0x79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798"
            + "483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8",
        Hex.encode(Secp256k1.publicKey(BigInteger.ONE)));
    // The well-known address of private key 1.
    assertEquals(
        Address.fromHex("0x7e5f4552091a69125d5dfcb7b8c2659029395bdf"),
        Secp256k1.address(BigInteger.ONE));
  }

  @Test
  void rfc6979VectorWithLowS() throws Exception {
    // Private key 1, SHA-256("Satoshi Nakamoto"): a widely published deterministic vector.
    byte[] h =
        MessageDigest.getInstance("SHA-256")
            .digest("Satoshi Nakamoto".getBytes(StandardCharsets.US_ASCII));
    Secp256k1.Signature sig = Secp256k1.sign(h, BigInteger.ONE);
    assertEquals(
        new BigInteger("934b1ea10a4b3c1757e2b0c017d0b6143ce3c9a7e6a4a49860d7a6ab210ee3d8", 16),
        sig.r());
    assertEquals(
        new BigInteger("2442ce9d2b916064108014783e923ec36b49743e2ffa1c4496f01a512aafd9e5", 16),
        sig.s());
  }

  @Test
  void signMatchesBouncyCastleDeterministicEcdsaAndRecovers() {
    X9ECParameters p = CustomNamedCurves.getByName("secp256k1");
    ECDomainParameters domain = new ECDomainParameters(p.getCurve(), p.getG(), p.getN(), p.getH());
    Random rnd = new Random(7);
    for (int i = 0; i < 200; i++) {
      BigInteger key = new BigInteger(256, rnd).mod(N.subtract(BigInteger.ONE)).add(BigInteger.ONE);
      byte[] hash = new byte[32];
      rnd.nextBytes(hash);
      Secp256k1.Signature sig = Secp256k1.sign(hash, key);

      ECDSASigner reference = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
      reference.init(true, new ECPrivateKeyParameters(key, domain));
      BigInteger[] rs = reference.generateSignature(hash);
      BigInteger lowS = rs[1].compareTo(Secp256k1.HALF_N) > 0 ? N.subtract(rs[1]) : rs[1];
      assertEquals(rs[0], sig.r());
      assertEquals(lowS, sig.s());
      assertTrue(sig.s().compareTo(Secp256k1.HALF_N) <= 0, "low s");

      byte[] pub = Secp256k1.recoverPublicKey(hash, sig.r(), sig.s(), sig.recoveryId());
      assertArrayEquals(Secp256k1.publicKey(key), pub);
      assertEquals(
          Secp256k1.address(key),
          Secp256k1.recoverAddress(hash, sig.r(), sig.s(), sig.recoveryId()));
      // The other parity recovers a different key (or none).
      byte[] other = Secp256k1.recoverPublicKey(hash, sig.r(), sig.s(), sig.recoveryId() ^ 1);
      assertTrue(other == null || !java.util.Arrays.equals(other, pub));
    }
  }

  @Test
  void highSAlsoRecoversTheSameKeyWithFlippedParity() {
    byte[] hash = new byte[32];
    hash[31] = 1;
    BigInteger key = BigInteger.valueOf(123456789);
    Secp256k1.Signature sig = Secp256k1.sign(hash, key);
    byte[] pub =
        Secp256k1.recoverPublicKey(hash, sig.r(), N.subtract(sig.s()), sig.recoveryId() ^ 1);
    assertArrayEquals(Secp256k1.publicKey(key), pub);
  }

  @Test
  void recoveryRejectsOutOfRangeInputs() {
    byte[] hash = new byte[32];
    hash[0] = 9;
    Secp256k1.Signature sig = Secp256k1.sign(hash, BigInteger.TEN);
    BigInteger r = sig.r();
    BigInteger s = sig.s();
    int id = sig.recoveryId();
    assertNull(Secp256k1.recoverPublicKey(hash, BigInteger.ZERO, s, id));
    assertNull(Secp256k1.recoverPublicKey(hash, N, s, id));
    assertNull(Secp256k1.recoverPublicKey(hash, r, BigInteger.ZERO, id));
    assertNull(Secp256k1.recoverPublicKey(hash, r, N, id));
    assertNull(Secp256k1.recoverPublicKey(hash, r, s, 4));
    assertNull(Secp256k1.recoverPublicKey(hash, r, s, -1));
    // Recovery ids 2 and 3 mean x = r + N, which is past the field prime for this r.
    assertNull(Secp256k1.recoverPublicKey(hash, r, s, id | 2));
    // x = N-1 is not the x coordinate of any curve point (the fixtures' EC_RECOVERY_FAIL case).
    assertNull(Secp256k1.recoverPublicKey(hash, N.subtract(BigInteger.ONE), s, 0));
    assertThrows(
        IllegalArgumentException.class, () -> Secp256k1.recoverPublicKey(new byte[31], r, s, id));
  }

  @Test
  void rejectsBadPrivateKeys() {
    byte[] hash = new byte[32];
    assertThrows(IllegalArgumentException.class, () -> Secp256k1.sign(hash, BigInteger.ZERO));
    assertThrows(IllegalArgumentException.class, () -> Secp256k1.sign(hash, N));
    assertThrows(IllegalArgumentException.class, () -> Secp256k1.publicKey(N.negate()));
  }

  @Test
  void signatureIsDeterministicAndDependsOnTheMessage() {
    byte[] a = new byte[32];
    byte[] b = new byte[32];
    b[5] = 1;
    BigInteger key = BigInteger.valueOf(42);
    assertEquals(Secp256k1.sign(a, key), Secp256k1.sign(a, key));
    assertNotEquals(Secp256k1.sign(a, key).r(), Secp256k1.sign(b, key).r());
  }

  @Test
  void recoveryAgreesWithANaiveComputation() {
    Random rnd = new Random(99);
    int recovered = 0;
    for (int i = 0; i < 3_000; i++) {
      byte[] hash = new byte[32];
      BigInteger r;
      BigInteger s;
      int id;
      switch (i % 6) {
        case 0 -> { // a real signature
          rnd.nextBytes(hash);
          Secp256k1.Signature sig =
              Secp256k1.sign(hash, new BigInteger(250, rnd).add(BigInteger.ONE));
          r = sig.r();
          s = sig.s();
          id = sig.recoveryId();
        }
        case 1 -> { // arbitrary r, s: recovers a key half of the time
          rnd.nextBytes(hash);
          r = new BigInteger(256, rnd).mod(N.subtract(BigInteger.ONE)).add(BigInteger.ONE);
          s = new BigInteger(256, rnd).mod(N.subtract(BigInteger.ONE)).add(BigInteger.ONE);
          id = rnd.nextInt(4);
        }
        case 2 -> { // hash of zero and hash equal to N: u1 = 0
          if (rnd.nextBoolean()) {
            byte[] n = N.toByteArray();
            System.arraycopy(n, n.length - 32, hash, 0, 32);
          }
          r = new BigInteger(256, rnd).mod(N.subtract(BigInteger.ONE)).add(BigInteger.ONE);
          s = new BigInteger(256, rnd).mod(N.subtract(BigInteger.ONE)).add(BigInteger.ONE);
          id = rnd.nextInt(2);
        }
        case 3 -> { // tiny r and s
          rnd.nextBytes(hash);
          r = BigInteger.valueOf(1 + rnd.nextInt(100));
          s = BigInteger.valueOf(1 + rnd.nextInt(100));
          id = rnd.nextInt(4);
        }
        case 4 -> { // r the x of G: R = +-G, so u1*G + u2*R can cancel or double
          rnd.nextBytes(hash);
          r =
              new BigInteger(
                  "79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798", 16);
          BigInteger e = new BigInteger(1, hash).mod(N);
          // s = e makes Q = r^-1 (e R - e G): infinity for R = G, -2e/r G for R = -G.
          s =
              rnd.nextBoolean() || e.signum() == 0
                  ? new BigInteger(200, rnd).add(BigInteger.ONE)
                  : e;
          id = rnd.nextInt(2);
        }
        default -> { // values at the top of the range
          rnd.nextBytes(hash);
          r = N.subtract(BigInteger.valueOf(1 + rnd.nextInt(1000)));
          s = N.subtract(BigInteger.valueOf(1 + rnd.nextInt(1000)));
          id = rnd.nextInt(2);
        }
      }
      byte[] fast = Secp256k1.recoverPublicKey(hash, r, s, id);
      byte[] reference = naiveRecover(hash, r, s, id);
      assertArrayEquals(reference, fast, "case " + i + " r=" + r + " s=" + s + " id=" + id);
      if (fast != null) {
        recovered++;
      }
    }
    assertTrue(recovered > 1_000, "most inputs recover a key: " + recovered);
  }

  /** Q = r^-1 (sR - eG) with two separate multiplications and no shortcuts. */
  private static byte[] naiveRecover(byte[] hash, BigInteger r, BigInteger s, int id) {
    X9ECParameters p = CustomNamedCurves.getByName("secp256k1");
    BigInteger x = (id & 2) != 0 ? r.add(N) : r;
    if (x.compareTo(p.getCurve().getField().getCharacteristic()) >= 0) {
      return null;
    }
    byte[] enc = new byte[33];
    enc[0] = (byte) ((id & 1) != 0 ? 3 : 2);
    byte[] xb = x.toByteArray();
    int len = Math.min(xb.length, 32);
    System.arraycopy(xb, xb.length - len, enc, 33 - len, len);
    ECPoint bigR;
    try {
      bigR = p.getCurve().decodePoint(enc);
    } catch (IllegalArgumentException notOnCurve) {
      return null;
    }
    BigInteger e = new BigInteger(1, hash).mod(N);
    ECPoint sum = bigR.multiply(s).subtract(p.getG().multiply(e));
    ECPoint q = sum.multiply(r.modInverse(N)).normalize();
    if (q.isInfinity()) {
      return null;
    }
    byte[] out = new byte[64];
    q.getAffineXCoord().encodeTo(out, 0);
    q.getAffineYCoord().encodeTo(out, 32);
    return out;
  }
}
