package io.zgnode.evm.crypto.bn254;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Fp against BigInteger arithmetic mod p, including the edges 0, 1, p-1 and values near 2^k. */
class FpTest {
  private static final BigInteger P = Fp.MODULUS;
  private static final int ROUNDS = 2000;

  private static BigInteger random(Random rnd) {
    return switch (rnd.nextInt(8)) {
      case 0 -> BigInteger.ZERO;
      case 1 -> BigInteger.ONE;
      case 2 -> P.subtract(BigInteger.ONE);
      case 3 -> BigInteger.ONE.shiftLeft(rnd.nextInt(254)).mod(P);
      case 4 -> P.subtract(BigInteger.ONE.shiftLeft(rnd.nextInt(200)));
      default -> new BigInteger(256, rnd).mod(P);
    };
  }

  @Test
  void constantsMatchTheModulus() {
    assertEquals(
        new BigInteger(
            "21888242871839275222246405745257275088696311157297823662689037894645226208583"),
        P);
    // -p^-1 mod 2^64
    BigInteger two64 = BigInteger.ONE.shiftLeft(64);
    assertEquals(
        two64.subtract(BigInteger.ONE), P.multiply(BigInteger.valueOf(FpArith.INV)).mod(two64));
  }

  @Test
  void arithmeticMatchesBigInteger() {
    Random rnd = new Random(1);
    for (int i = 0; i < ROUNDS; i++) {
      BigInteger a = random(rnd);
      BigInteger b = random(rnd);
      Fp fa = Fp.of(a);
      Fp fb = Fp.of(b);
      assertEquals(a, fa.toBigInteger());
      assertEquals(a.add(b).mod(P), fa.add(fb).toBigInteger(), "add");
      assertEquals(a.subtract(b).mod(P), fa.subtract(fb).toBigInteger(), "sub");
      assertEquals(a.multiply(b).mod(P), fa.multiply(fb).toBigInteger(), "mul");
      assertEquals(a.multiply(a).mod(P), fa.square().toBigInteger(), "sqr");
      assertEquals(a.negate().mod(P), fa.negate().toBigInteger(), "neg");
      if (a.signum() != 0) {
        assertEquals(a.modInverse(P), fa.inverse().toBigInteger(), "inv");
      }
    }
  }

  @Test
  void sumOfProductsKernelMatchesBigInteger() {
    Random rnd = new Random(2);
    long[] r = new long[4];
    for (int i = 0; i < ROUNDS; i++) {
      Fp a = Fp.of(random(rnd));
      Fp b = Fp.of(random(rnd));
      Fp c = Fp.of(random(rnd));
      Fp d = Fp.of(random(rnd));
      long[] x = a.limbs;
      long[] y = b.limbs;
      long[] z = c.limbs;
      long[] w = d.limbs;
      FpArith.mulSum(
          r, 0, x[0], x[1], x[2], x[3], y[0], y[1], y[2], y[3], z[0], z[1], z[2], z[3], w[0], w[1],
          w[2], w[3]);
      assertEquals(a.multiply(b).add(c.multiply(d)), new Fp(r.clone()));
    }
    // the kernel also accepts p itself (a negated zero) as an operand
    long[] pl = FpArith.toLimbs(P);
    Fp b = Fp.of(12345);
    long[] y = b.limbs;
    FpArith.mulSum(
        r, 0, pl[0], pl[1], pl[2], pl[3], y[0], y[1], y[2], y[3], pl[0], pl[1], pl[2], pl[3], y[0],
        y[1], y[2], y[3]);
    assertTrue(new Fp(r.clone()).isZero());
  }

  @Test
  void squareRootsAndLegendre() {
    Random rnd = new Random(3);
    int squares = 0;
    for (int i = 0; i < 200; i++) {
      BigInteger a = random(rnd);
      Fp fa = Fp.of(a);
      boolean euler = a.signum() == 0 || a.modPow(P.shiftRight(1), P).equals(BigInteger.ONE);
      assertEquals(euler, fa.isSquare());
      assertEquals(euler, fa.sqrt().isPresent());
      if (euler) {
        squares++;
        Fp root = fa.sqrt().orElseThrow();
        assertEquals(fa, root.square());
        assertTrue(root.isSquare(), "the (p+1)/4 power is itself a square");
      }
    }
    assertTrue(squares > 50 && squares < 150, "about half are squares: " + squares);
  }

  @Test
  void bytesRoundTripAndStrictness() {
    Random rnd = new Random(4);
    for (int i = 0; i < 200; i++) {
      Fp a = Fp.of(random(rnd));
      assertEquals(a, Fp.fromBytes(a.toBytes()));
    }
    byte[] pBytes = new byte[32];
    byte[] raw = P.toByteArray();
    System.arraycopy(raw, raw.length - 32, pBytes, 0, 32);
    assertThrows(Bn254Exception.class, () -> Fp.fromBytes(pBytes));
    byte[] ones = new byte[32];
    java.util.Arrays.fill(ones, (byte) 0xff);
    assertThrows(Bn254Exception.class, () -> Fp.fromBytes(ones));
    assertThrows(Bn254Exception.class, () -> Fp.fromBytes(new byte[31]));
    assertEquals(
        Fp.of(BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE).mod(P)), Fp.reduce(ones));
    assertArrayEquals(new byte[32], Fp.ZERO.toBytes());
    assertThrows(Bn254Exception.class, () -> Fp.of(P));
    assertThrows(Bn254Exception.class, () -> Fp.of(-1));
    assertFalse(Fp.ONE.isZero());
  }
}
