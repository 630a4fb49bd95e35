package io.zgnode.evm.crypto.bn254;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zgnode.evm.crypto.Keccak256;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The pairing: bilinearity, non-degeneracy, order r, the multi-pairing check, a BLS-style check.
 */
class PairingTest {
  private static final BigInteger R = Fr.MODULUS;

  @Test
  void bilinearity() {
    Random rnd = new Random(20);
    G1Point p = G1Point.GENERATOR;
    G2Point q = G2Point.GENERATOR;
    Fp12 base = Pairing.pairing(p, q);
    assertFalse(base.isOne(), "non-degenerate");
    assertTrue(base.pow(R).isOne(), "e(P, Q) has order r");
    for (int i = 0; i < 4; i++) {
      BigInteger a = new BigInteger(254, rnd);
      BigInteger b = new BigInteger(254, rnd);
      Fp12 lhs = Pairing.pairing(p.multiply(a), q.multiply(b));
      assertEquals(base.pow(a.multiply(b).mod(R)), lhs, "e(aP, bQ) = e(P, Q)^(ab)");
      assertEquals(Pairing.pairing(p.multiply(a.multiply(b)), q), lhs);
      assertEquals(Pairing.pairing(p, q.multiply(a.multiply(b))), lhs);
    }
    // linearity in each argument
    G1Point p1 = p.multiply(BigInteger.valueOf(7));
    G1Point p2 = p.multiply(BigInteger.valueOf(11));
    assertEquals(
        Pairing.pairing(p1, q).multiply(Pairing.pairing(p2, q)), Pairing.pairing(p1.add(p2), q));
    assertEquals(Pairing.pairing(p.negate(), q), Pairing.pairing(p, q).conjugate());
    assertEquals(Pairing.pairing(p.negate(), q), Pairing.pairing(p, q.negate()));
  }

  @Test
  void infinityPairsToOne() {
    assertTrue(Pairing.pairing(G1Point.INFINITY, G2Point.GENERATOR).isOne());
    assertTrue(Pairing.pairing(G1Point.GENERATOR, G2Point.INFINITY).isOne());
    assertTrue(Pairing.pairingCheck(new G1Point[0], new G2Point[0]));
  }

  @Test
  void multiPairingCheck() {
    Random rnd = new Random(21);
    for (int n = 1; n <= 5; n++) {
      G1Point[] a = new G1Point[n + 1];
      G2Point[] b = new G2Point[n + 1];
      BigInteger sum = BigInteger.ZERO;
      for (int i = 0; i < n; i++) {
        BigInteger x = new BigInteger(254, rnd);
        BigInteger y = new BigInteger(254, rnd);
        a[i] = G1Point.GENERATOR.multiply(x);
        b[i] = G2Point.GENERATOR.multiply(y);
        sum = sum.add(x.multiply(y));
      }
      // the last pair cancels the others: e(-sum·G1, G2)
      a[n] = G1Point.GENERATOR.multiply(sum).negate();
      b[n] = G2Point.GENERATOR;
      assertTrue(Pairing.pairingCheck(a, b), n + " pairs plus the cancelling one");
      b[n] = G2Point.GENERATOR.multiply(BigInteger.TWO);
      assertFalse(Pairing.pairingCheck(a, b), "broken by doubling one point");
      // the product agrees with the pairings multiplied one by one
      Fp12 product = Fp12.ONE;
      for (int i = 0; i <= n; i++) {
        product = product.multiply(Pairing.pairing(a[i], b[i]));
      }
      assertEquals(product, Pairing.pairingProduct(a, b));
    }
    assertThrows(Bn254Exception.class, () -> Pairing.pairingCheck(new G1Point[1], new G2Point[2]));
  }

  /** The 0G DA signature check, e(σ + γ·PK1, -G2)·e(H + γ·G1, PK2) = 1, on a fresh key. */
  @Test
  void daSignatureCheck() {
    Random rnd = new Random(22);
    BigInteger sk = new BigInteger(254, rnd).mod(R);
    G1Point pk1 = G1Point.GENERATOR.multiply(sk);
    G2Point pk2 = G2Point.GENERATOR.multiply(sk);
    G1Point h = G1Point.hashToG1(Keccak256.hash(new byte[] {1, 2, 3}));
    G1Point sigma = h.multiply(sk);
    BigInteger gamma =
        Fr.reduce(Keccak256.hash(h.toBytes(), sigma.toBytes(), pk1.toBytes(), pk2.toZeroGBytes()))
            .value();
    G1Point[] a = {sigma.add(pk1.multiply(gamma)), h.add(G1Point.GENERATOR.multiply(gamma))};
    G2Point[] b = {G2Point.GENERATOR.negate(), pk2};
    assertTrue(Pairing.pairingCheck(a, b));
    G1Point forged = h.multiply(sk.add(BigInteger.ONE));
    a[0] = forged.add(pk1.multiply(gamma));
    assertFalse(Pairing.pairingCheck(a, b));
    assertNotEquals(sigma, forged);
  }
}
