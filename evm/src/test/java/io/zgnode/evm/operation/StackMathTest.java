package io.zgnode.evm.operation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.zgnode.evm.frame.OperandStack;
import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The 256-bit arithmetic against BigInteger on random operands of every shape: small, one limb,
 * full width, near the limb boundaries, zero, all ones, and with the sign bit set.
 */
class StackMathTest {
  private static final BigInteger TWO_256 = BigInteger.ONE.shiftLeft(256);
  private static final BigInteger MASK = TWO_256.subtract(BigInteger.ONE);
  private static final int ROUNDS = 20_000;

  private final SplittableRandom random = new SplittableRandom(20251123);
  private final long[] scratch = new long[Division.SCRATCH_SIZE];

  private BigInteger operand() {
    switch (random.nextInt(12)) {
      case 0:
        return BigInteger.ZERO;
      case 1:
        return MASK;
      case 2:
        return BigInteger.valueOf(random.nextInt(5));
      case 3:
        return BigInteger.ONE.shiftLeft(random.nextInt(256));
      case 4:
        return BigInteger.ONE.shiftLeft(random.nextInt(256)).subtract(BigInteger.ONE);
      case 5:
        return new BigInteger(64, new java.util.Random(random.nextLong()));
      default:
        {
          int bits = 1 + random.nextInt(256);
          return new BigInteger(bits, new java.util.Random(random.nextLong()));
        }
    }
  }

  private static BigInteger signed(BigInteger v) {
    return v.testBit(255) ? v.subtract(TWO_256) : v;
  }

  private static BigInteger unsigned(BigInteger v) {
    return v.and(MASK);
  }

  /** Puts x at index 0 (a), y at 4 (b), z at 8. Returns the stack array. */
  private static long[] stack(BigInteger x, BigInteger y, BigInteger z) {
    long[] s = new long[12];
    OperandStack.setBigInteger(s, 0, x);
    OperandStack.setBigInteger(s, 4, y);
    OperandStack.setBigInteger(s, 8, z);
    return s;
  }

  private static BigInteger at(long[] s, int b) {
    return OperandStack.toBigInteger(s, b);
  }

  @Test
  void binaryOperationsMatchBigInteger() {
    for (int i = 0; i < ROUNDS; i++) {
      BigInteger x = operand();
      BigInteger y = operand();
      String ctx = "x=" + x.toString(16) + " y=" + y.toString(16);
      long[] s = stack(x, y, BigInteger.ZERO);
      StackMath.add(s, 0, 4);
      assertEquals(unsigned(x.add(y)), at(s, 4), "add " + ctx);
      s = stack(x, y, BigInteger.ZERO);
      StackMath.sub(s, 0, 4);
      assertEquals(unsigned(x.subtract(y)), at(s, 4), "sub " + ctx);
      s = stack(x, y, BigInteger.ZERO);
      StackMath.mul(s, 0, 4);
      assertEquals(unsigned(x.multiply(y)), at(s, 4), "mul " + ctx);
      s = stack(x, y, BigInteger.ZERO);
      StackMath.div(s, 0, 4, scratch);
      assertEquals(y.signum() == 0 ? BigInteger.ZERO : x.divide(y), at(s, 4), "div " + ctx);
      s = stack(x, y, BigInteger.ZERO);
      StackMath.mod(s, 0, 4, scratch);
      assertEquals(y.signum() == 0 ? BigInteger.ZERO : x.mod(y), at(s, 4), "mod " + ctx);
      s = stack(x, y, BigInteger.ZERO);
      StackMath.sdiv(s, 0, 4, scratch);
      BigInteger sx = signed(x);
      BigInteger sy = signed(y);
      assertEquals(
          sy.signum() == 0 ? BigInteger.ZERO : unsigned(sx.divide(sy)), at(s, 4), "sdiv " + ctx);
      s = stack(x, y, BigInteger.ZERO);
      StackMath.smod(s, 0, 4, scratch);
      assertEquals(
          sy.signum() == 0 ? BigInteger.ZERO : unsigned(sx.remainder(sy)), at(s, 4), "smod " + ctx);
      s = stack(x, y, BigInteger.ZERO);
      StackMath.exp(s, 0, 4, scratch);
      assertEquals(x.modPow(y, TWO_256), at(s, 4), "exp " + ctx);
      s = stack(x, y, BigInteger.ZERO);
      StackMath.lt(s, 0, 4);
      assertEquals(x.compareTo(y) < 0 ? 1 : 0, at(s, 4).intValue(), "lt " + ctx);
      s = stack(x, y, BigInteger.ZERO);
      StackMath.slt(s, 0, 4);
      assertEquals(sx.compareTo(sy) < 0 ? 1 : 0, at(s, 4).intValue(), "slt " + ctx);
      s = stack(x, y, BigInteger.ZERO);
      StackMath.sgt(s, 0, 4);
      assertEquals(sx.compareTo(sy) > 0 ? 1 : 0, at(s, 4).intValue(), "sgt " + ctx);
    }
  }

  @Test
  void modularOperationsMatchBigInteger() {
    for (int i = 0; i < ROUNDS; i++) {
      BigInteger x = operand();
      BigInteger y = operand();
      BigInteger m = operand();
      String ctx = "x=" + x.toString(16) + " y=" + y.toString(16) + " m=" + m.toString(16);
      long[] s = stack(x, y, m);
      StackMath.addmod(s, 0, 4, 8, scratch);
      assertEquals(m.signum() == 0 ? BigInteger.ZERO : x.add(y).mod(m), at(s, 8), "addmod " + ctx);
      s = stack(x, y, m);
      StackMath.mulmod(s, 0, 4, 8, scratch);
      assertEquals(
          m.signum() == 0 ? BigInteger.ZERO : x.multiply(y).mod(m), at(s, 8), "mulmod " + ctx);
    }
  }

  /** Runs of the same modulus take the cached (Barrett) path; check it on awkward moduli. */
  @Test
  void repeatedModulusMatchesBigInteger() {
    BigInteger two192 = BigInteger.ONE.shiftLeft(192);
    BigInteger[] moduli = {
      MASK,
      two192,
      two192.add(BigInteger.ONE),
      two192.subtract(BigInteger.ONE),
      new BigInteger("30644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd47", 16),
      BigInteger.ONE.shiftLeft(255),
      BigInteger.ONE.shiftLeft(255).add(BigInteger.ONE),
      new BigInteger(256, new java.util.Random(7)),
      new BigInteger(200, new java.util.Random(8)),
      BigInteger.valueOf(3)
    };
    java.util.List<BigInteger> all = new java.util.ArrayList<>(java.util.List.of(moduli));
    for (int k = 0; k < 40; k++) {
      // full-width moduli, some just above 2^192 where the quotient estimate is loosest
      BigInteger m =
          new BigInteger(192 + random.nextInt(65), new java.util.Random(random.nextLong()));
      all.add(m.setBit(Math.max(192, m.bitLength() - 1)));
    }
    for (BigInteger m : all) {
      for (int i = 0; i < 5_000; i++) {
        BigInteger x = i % 50 == 0 ? MASK : operand();
        BigInteger y = i % 70 == 0 ? MASK : operand();
        if (i % 30 == 0) {
          x = m.subtract(BigInteger.ONE);
          y = m.subtract(BigInteger.ONE);
        }
        long[] s = stack(x, y, m);
        StackMath.mulmod(s, 0, 4, 8, scratch);
        assertEquals(
            x.multiply(y).mod(m), at(s, 8), "mulmod x=" + x + " y=" + y + " m=" + m.toString(16));
        BigInteger xs = i % 2 == 0 ? x.mod(m) : x;
        BigInteger ys = i % 2 == 0 ? y.mod(m) : y;
        s = stack(xs, ys, m);
        StackMath.addmod(s, 0, 4, 8, scratch);
        assertEquals(
            xs.add(ys).mod(m), at(s, 8), "addmod x=" + xs + " y=" + ys + " m=" + m.toString(16));
      }
    }
  }

  @Test
  void shiftsAndBytesMatchBigInteger() {
    for (int i = 0; i < ROUNDS; i++) {
      BigInteger v = operand();
      int n = random.nextInt(300);
      BigInteger shift = random.nextInt(20) == 0 ? operand() : BigInteger.valueOf(n);
      String ctx = "v=" + v.toString(16) + " shift=" + shift;
      boolean big = shift.compareTo(BigInteger.valueOf(256)) >= 0;
      int k = big ? 256 : shift.intValue();
      long[] s = stack(shift, v, BigInteger.ZERO);
      StackMath.shl(s, 0, 4);
      assertEquals(big ? BigInteger.ZERO : unsigned(v.shiftLeft(k)), at(s, 4), "shl " + ctx);
      s = stack(shift, v, BigInteger.ZERO);
      StackMath.shr(s, 0, 4);
      assertEquals(big ? BigInteger.ZERO : v.shiftRight(k), at(s, 4), "shr " + ctx);
      s = stack(shift, v, BigInteger.ZERO);
      StackMath.sar(s, 0, 4);
      BigInteger sar =
          big
              ? (signed(v).signum() < 0 ? MASK : BigInteger.ZERO)
              : unsigned(signed(v).shiftRight(k));
      assertEquals(sar, at(s, 4), "sar " + ctx);
      s = stack(shift, v, BigInteger.ZERO);
      StackMath.byteOp(s, 0, 4);
      BigInteger expectedByte =
          shift.compareTo(BigInteger.valueOf(32)) >= 0
              ? BigInteger.ZERO
              : v.shiftRight(8 * (31 - shift.intValue())).and(BigInteger.valueOf(0xff));
      assertEquals(expectedByte, at(s, 4), "byte " + ctx);
      s = stack(shift, v, BigInteger.ZERO);
      StackMath.signExtend(s, 0, 4);
      BigInteger extended;
      if (shift.compareTo(BigInteger.valueOf(31)) >= 0) {
        extended = v;
      } else {
        int bits = 8 * shift.intValue() + 8;
        BigInteger low = v.and(BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE));
        extended =
            low.testBit(bits - 1) ? unsigned(low.subtract(BigInteger.ONE.shiftLeft(bits))) : low;
      }
      assertEquals(extended, at(s, 4), "signextend " + ctx);
      s = stack(v, BigInteger.ZERO, BigInteger.ZERO);
      StackMath.clz(s, 0);
      assertEquals(256 - v.bitLength(), at(s, 0).intValue(), "clz " + ctx);
      s = stack(v, BigInteger.ZERO, BigInteger.ZERO);
      assertEquals((v.bitLength() + 7) / 8, StackMath.byteLength(s, 0), "byteLength " + ctx);
    }
  }

  @Test
  void reciprocalMatchesTheDivisionDefinition() {
    long[] edges = {
      Long.MIN_VALUE,
      -1L,
      Long.MIN_VALUE + 1,
      0xC000000000000000L,
      0xFFFFFFFF00000000L,
      0x8000000100000000L,
      0xFF80000000000000L,
      0x807FFFFFFFFFFFFFL
    };
    for (long d : edges) {
      assertEquals(Division.reciprocalByDivision(d), Division.reciprocal(d), Long.toHexString(d));
    }
    for (int i = 0; i < 2_000_000; i++) {
      long d = random.nextLong() | Long.MIN_VALUE;
      if (i % 3 == 0) {
        d &= -1L << random.nextInt(63); // many trailing zeros
      }
      assertEquals(Division.reciprocalByDivision(d), Division.reciprocal(d), Long.toHexString(d));
    }
  }

  @Test
  void divisionHelpersAgreeWithBigInteger() {
    BigInteger two64 = BigInteger.ONE.shiftLeft(64);
    for (int i = 0; i < ROUNDS; i++) {
      long d = random.nextLong() | Long.MIN_VALUE;
      long u1 = random.nextLong();
      if (Long.compareUnsigned(u1, d) >= 0) {
        u1 = d - 1 - random.nextInt(3);
      }
      long u0 = random.nextLong();
      BigInteger num =
          new BigInteger(Long.toUnsignedString(u1))
              .multiply(two64)
              .add(new BigInteger(Long.toUnsignedString(u0)));
      BigInteger den = new BigInteger(Long.toUnsignedString(d));
      long expected = num.divide(den).longValue();
      assertEquals(expected, Division.divlu(u1, u0, d), "divlu");
      assertEquals(expected, Division.div2by1(u1, u0, d, Division.reciprocal(d)), "div2by1");
    }
  }
}
