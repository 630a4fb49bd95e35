package io.zgnode.evm.precompile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;

class P256VerifyTest {
  private static final P256Verify P256 = new P256Verify();
  private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256r1");
  private static final BigInteger N = CURVE.getN();
  private static final BigInteger P = CURVE.getCurve().getField().getCharacteristic();

  /** hash || r || s || qx || qy for a deterministic signature by {@code key} over {@code hash}. */
  private static byte[] signed(BigInteger key, byte[] hash) {
    ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
    ECDomainParameters domain =
        new ECDomainParameters(CURVE.getCurve(), CURVE.getG(), N, CURVE.getH());
    signer.init(true, new ECPrivateKeyParameters(key, domain));
    BigInteger[] rs = signer.generateSignature(hash);
    ECPoint q = CURVE.getG().multiply(key).normalize();
    return input(
        hash, rs[0], rs[1], q.getAffineXCoord().toBigInteger(), q.getAffineYCoord().toBigInteger());
  }

  private static byte[] input(byte[] hash, BigInteger r, BigInteger s, BigInteger x, BigInteger y) {
    byte[] in = new byte[160];
    System.arraycopy(hash, 0, in, 0, 32);
    put(in, 32, r);
    put(in, 64, s);
    put(in, 96, x);
    put(in, 128, y);
    return in;
  }

  private static void put(byte[] out, int offset, BigInteger v) {
    byte[] raw = v.toByteArray();
    int len = Math.min(raw.length, 32);
    System.arraycopy(raw, raw.length - len, out, offset + 32 - len, len);
  }

  private static BigInteger word(byte[] in, int index) {
    return new BigInteger(1, Arrays.copyOfRange(in, 32 * index, 32 * index + 32));
  }

  private static boolean valid(byte[] in) {
    PrecompileResult r = P256.execute(in);
    assertTrue(r.success(), "P256VERIFY never fails the call");
    assertEquals(6900, P256.gasCost(in));
    if (r.output().length == 0) {
      return false;
    }
    assertEquals(32, r.output().length);
    assertEquals(1, r.output()[31]);
    return true;
  }

  @Test
  void validSignaturesVerifyAndTamperedOnesDoNot() {
    SecureRandom seeded = new SecureRandom(new byte[] {42});
    for (int i = 0; i < 20; i++) {
      BigInteger key =
          new BigInteger(256, seeded).mod(N.subtract(BigInteger.ONE)).add(BigInteger.ONE);
      byte[] hash = new byte[32];
      seeded.nextBytes(hash);
      byte[] in = signed(key, hash);
      assertTrue(valid(in), "signature " + i);
      // Both s and n - s verify (ECDSA has no low-s rule here).
      byte[] flipped = input(hash, word(in, 1), N.subtract(word(in, 2)), word(in, 3), word(in, 4));
      assertTrue(valid(flipped), "flipped s " + i);
      byte[] badHash = in.clone();
      badHash[5] ^= 1;
      assertTrue(!valid(badHash), "tampered hash " + i);
      byte[] badR = in.clone();
      badR[40] ^= 1;
      assertTrue(!valid(badR), "tampered r " + i);
    }
  }

  @Test
  void invalidInputsGiveEmptyOutput() {
    byte[] hash = new byte[32];
    hash[0] = 7;
    byte[] good = signed(BigInteger.valueOf(123456789), hash);
    BigInteger r = word(good, 1);
    BigInteger s = word(good, 2);
    BigInteger x = word(good, 3);
    BigInteger y = word(good, 4);
    assertTrue(valid(good));
    assertTrue(!valid(Arrays.copyOf(good, 159)), "short");
    assertTrue(!valid(Arrays.copyOf(good, 161)), "long");
    assertTrue(!valid(new byte[0]), "empty");
    assertTrue(!valid(input(hash, BigInteger.ZERO, s, x, y)), "r = 0");
    assertTrue(!valid(input(hash, N, s, x, y)), "r = n");
    assertTrue(!valid(input(hash, r, BigInteger.ZERO, x, y)), "s = 0");
    assertTrue(!valid(input(hash, r, N, x, y)), "s = n");
    assertTrue(!valid(input(hash, r, s, x, y.add(BigInteger.ONE))), "not on the curve");
    assertTrue(!valid(input(hash, r, s, x.add(P), y)), "x >= p");
    assertTrue(!valid(input(hash, r, s, x, y.add(P))), "y >= p");
    assertTrue(!valid(input(hash, r, s, BigInteger.ZERO, BigInteger.ZERO)), "infinity");
  }
}
