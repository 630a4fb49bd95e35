package io.zgnode.evm.crypto.bn254;

import java.math.BigInteger;

/**
 * Scalar multiplication in G1 by the GLV method: k·P = k1·P + k2·φ(P) with φ(x, y) = (βx, y) = [λ]P
 * and |k1|, |k2| about 2^127, evaluated as one interleaved width-5 NAF loop over both halves (half
 * the doublings of a plain 254-bit loop). Jacobian coordinates throughout.
 */
final class G1Mul {
  private static final int WINDOW = 5;
  private static final int TABLE = 1 << (WINDOW - 2); // P, 3P, …, 15P
  private static final BigInteger R = Fr.MODULUS;

  private static final BigInteger U = new BigInteger("4965661367192848881");

  /** λ = 36u^3 + 18u^2 + 6u + 1, a primitive cube root of unity mod r. */
  private static final BigInteger LAMBDA =
      BigInteger.valueOf(36)
          .multiply(U.pow(3))
          .add(BigInteger.valueOf(18).multiply(U.pow(2)))
          .add(BigInteger.valueOf(6).multiply(U))
          .add(BigInteger.ONE);

  /** The cube root of unity β in Fp with (βx, y) = [λ](x, y) on G1 (Montgomery form). */
  private static final long[] BETA = findBeta();

  /** A reduced basis (a1, b1), (a2, b2) of the lattice {(x, y) : x + yλ ≡ 0 mod r}. */
  private static final BigInteger[] BASIS = reducedBasis();

  private G1Mul() {}

  static long[] beta() {
    return BETA.clone();
  }

  static BigInteger lambda() {
    return LAMBDA;
  }

  private static long[] findBeta() {
    if (!LAMBDA.multiply(LAMBDA).add(LAMBDA).add(BigInteger.ONE).mod(R).equals(BigInteger.ZERO)) {
      throw new IllegalStateException("λ is not a cube root of unity mod r");
    }
    BigInteger p = Fp.MODULUS;
    BigInteger sqrtMinus3 =
        p.subtract(BigInteger.valueOf(3)).modPow(p.add(BigInteger.ONE).shiftRight(2), p);
    BigInteger b1 =
        sqrtMinus3.subtract(BigInteger.ONE).multiply(BigInteger.TWO.modInverse(p)).mod(p);
    BigInteger b2 = b1.multiply(b1).mod(p);
    // [λ]G by plain width-5 NAF, compared with (βx, y)
    long[] g = G1Point.GENERATOR.xy;
    long[] s = new long[G1Arith.SCRATCH];
    long[] lg = new long[8];
    G1Arith.toAffine(lg, 0, plain(g, LAMBDA, s), 0, s);
    for (BigInteger b : new BigInteger[] {b1, b2}) {
      long[] beta = new long[4];
      FpArith.fromBigInteger(beta, 0, b);
      long[] x = new long[4];
      FpArith.mul(x, 0, g, 0, beta, 0);
      if (FpArith.equal(x, 0, lg, 0)) {
        return beta;
      }
    }
    throw new IllegalStateException("no cube root of unity in Fp matches λ");
  }

  /** The extended-Euclid construction of a short GLV basis (Guide to ECC, Algorithm 3.74). */
  private static BigInteger[] reducedBasis() {
    BigInteger sqrtR = R.sqrt();
    BigInteger r0 = R;
    BigInteger r1 = LAMBDA;
    BigInteger t0 = BigInteger.ZERO;
    BigInteger t1 = BigInteger.ONE;
    while (r1.compareTo(sqrtR) >= 0) {
      BigInteger q = r0.divide(r1);
      BigInteger r2 = r0.subtract(q.multiply(r1));
      BigInteger t2 = t0.subtract(q.multiply(t1));
      r0 = r1;
      r1 = r2;
      t0 = t1;
      t1 = t2;
    }
    // r0 ≥ √r > r1: (a1, b1) = (r1, -t1); (a2, b2) is the shorter of (r0, -t0) and the next pair
    BigInteger q = r0.divide(r1);
    BigInteger r2 = r0.subtract(q.multiply(r1));
    BigInteger t2 = t0.subtract(q.multiply(t1));
    BigInteger a1 = r1;
    BigInteger b1 = t1.negate();
    BigInteger a2;
    BigInteger b2;
    if (r0.pow(2).add(t0.pow(2)).compareTo(r2.pow(2).add(t2.pow(2))) <= 0) {
      a2 = r0;
      b2 = t0.negate();
    } else {
      a2 = r2;
      b2 = t2.negate();
    }
    return new BigInteger[] {a1, b1, a2, b2};
  }

  /** k1, k2 with k ≡ k1 + k2·λ (mod r), each about √r in absolute value. */
  static BigInteger[] decompose(BigInteger k) {
    BigInteger a1 = BASIS[0];
    BigInteger b1 = BASIS[1];
    BigInteger a2 = BASIS[2];
    BigInteger b2 = BASIS[3];
    BigInteger c1 = roundedDivide(b2.multiply(k), R);
    BigInteger c2 = roundedDivide(b1.negate().multiply(k), R);
    BigInteger k1 = k.subtract(c1.multiply(a1)).subtract(c2.multiply(a2));
    BigInteger k2 = c1.multiply(b1).add(c2.multiply(b2)).negate();
    return new BigInteger[] {k1, k2};
  }

  private static BigInteger roundedDivide(BigInteger x, BigInteger d) {
    BigInteger[] qr = x.divideAndRemainder(d);
    BigInteger q = qr[0];
    if (qr[1].abs().shiftLeft(1).compareTo(d) >= 0) {
      q = q.add(BigInteger.valueOf(x.signum()));
    }
    return q;
  }

  /** k·P for an affine P and 0 ≤ k < r; returns a Jacobian point (12 longs). */
  static long[] multiply(long[] affine, BigInteger k, long[] s) {
    BigInteger[] parts = decompose(k);
    long[] p = affine.clone();
    if (parts[0].signum() < 0) {
      FpArith.neg(p, 4, p, 4);
    }
    long[] phi = affine.clone();
    FpArith.mul(phi, 0, phi, 0, BETA, 0);
    if (parts[1].signum() < 0) {
      FpArith.neg(phi, 4, phi, 4);
    }
    long[] t1 = oddMultiples(p, s);
    long[] t2 = oddMultiples(phi, s);
    int[] n1 = Naf.windowed(parts[0].abs(), WINDOW);
    int[] n2 = Naf.windowed(parts[1].abs(), WINDOW);
    long[] acc = new long[12];
    G1Arith.setInfinity(acc, 0);
    for (int i = Math.max(n1.length, n2.length) - 1; i >= 0; i--) {
      G1Arith.dbl(acc, 0, acc, 0, s);
      if (i < n1.length && n1[i] != 0) {
        G1Arith.add(acc, 0, acc, 0, t1, 12 * index(n1[i]), s);
      }
      if (i < n2.length && n2[i] != 0) {
        G1Arith.add(acc, 0, acc, 0, t2, 12 * index(n2[i]), s);
      }
    }
    return acc;
  }

  private static int index(int digit) {
    return digit > 0 ? (digit - 1) >> 1 : TABLE + ((-digit - 1) >> 1);
  }

  /** P, 3P, …, 15P and their negatives, Jacobian. */
  private static long[] oddMultiples(long[] affine, long[] s) {
    long[] table = new long[2 * TABLE * 12];
    G1Arith.fromAffine(table, 0, affine, 0);
    long[] twice = new long[12];
    G1Arith.dbl(twice, 0, table, 0, s);
    for (int i = 1; i < TABLE; i++) {
      G1Arith.add(table, 12 * i, table, 12 * (i - 1), twice, 0, s);
    }
    for (int i = 0; i < TABLE; i++) {
      G1Arith.neg(table, 12 * (TABLE + i), table, 12 * i);
    }
    return table;
  }

  /** Plain width-5 NAF k·P (used once, to match β with λ before the GLV tables exist). */
  private static long[] plain(long[] affine, BigInteger k, long[] s) {
    long[] table = oddMultiples(affine, s);
    int[] naf = Naf.windowed(k, WINDOW);
    long[] acc = new long[12];
    G1Arith.setInfinity(acc, 0);
    for (int i = naf.length - 1; i >= 0; i--) {
      G1Arith.dbl(acc, 0, acc, 0, s);
      if (naf[i] != 0) {
        G1Arith.add(acc, 0, acc, 0, table, 12 * index(naf[i]), s);
      }
    }
    return acc;
  }
}
