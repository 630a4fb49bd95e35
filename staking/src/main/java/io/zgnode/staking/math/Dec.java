package io.zgnode.staking.math;

import java.math.BigInteger;
import java.util.Objects;

/**
 * A signed fixed-point decimal with 18 fractional digits, stored as an integer count of 10^-18
 * units. It reproduces the Cosmos SDK's {@code LegacyDec} where results can differ:
 *
 * <ul>
 *   <li>{@link #mul} and {@link #quo} round the 19th digit half to even (the SDK's "bankers" chop);
 *   <li>{@link #mulTruncate} and {@link #quoTruncate} truncate toward zero;
 *   <li>{@link #mulRoundUp} and {@link #quoRoundUp} round away from zero for positive results;
 *   <li>{@link #mulInt} is exact and {@link #quoInt} truncates toward zero;
 *   <li>{@link #truncateInt} drops the fraction toward zero; {@link #roundInt} rounds half to even.
 * </ul>
 *
 * <p>Values are bounded like the SDK's: |value| &le; 2^256 (an {@link ArithmeticException} beyond).
 * Immutable; equality is numeric (there is a single representation per value).
 */
public final class Dec implements Comparable<Dec> {
  public static final int PRECISION = 18;

  private static final BigInteger SCALE = BigInteger.TEN.pow(PRECISION);
  private static final BigInteger SCALE_SQUARED = SCALE.multiply(SCALE);
  private static final BigInteger HALF_SCALE = SCALE.shiftRight(1);
  private static final BigInteger LIMIT = BigInteger.ONE.shiftLeft(256).multiply(SCALE);

  public static final Dec ZERO = new Dec(BigInteger.ZERO);
  public static final Dec ONE = new Dec(SCALE);

  /** The smallest positive value, 10^-18. */
  public static final Dec SMALLEST = new Dec(BigInteger.ONE);

  private final BigInteger raw;

  private Dec(BigInteger raw) {
    if (raw.abs().compareTo(LIMIT) > 0) {
      throw new ArithmeticException("decimal out of range (|value| > 2^256)");
    }
    this.raw = raw;
  }

  /** The decimal whose integer representation (in 10^-18 units) is {@code raw}. */
  public static Dec ofRaw(BigInteger raw) {
    return new Dec(Objects.requireNonNull(raw, "raw"));
  }

  public static Dec of(BigInteger integer) {
    return new Dec(integer.multiply(SCALE));
  }

  public static Dec of(long integer) {
    return of(BigInteger.valueOf(integer));
  }

  /**
   * Parses "1", "-0.5", "0.050000000000000000" (at most 18 fractional digits, no exponent, no plus
   * sign, no surrounding blanks).
   */
  public static Dec parse(String text) {
    if (text == null || text.isEmpty()) {
      throw new NumberFormatException("decimal string is empty");
    }
    String s = text;
    boolean negative = s.charAt(0) == '-';
    if (negative) {
      s = s.substring(1);
    }
    int dot = s.indexOf('.');
    String intPart = dot < 0 ? s : s.substring(0, dot);
    String fracPart = dot < 0 ? "" : s.substring(dot + 1);
    if (intPart.isEmpty() || (dot >= 0 && fracPart.isEmpty())) {
      throw new NumberFormatException("invalid decimal '" + text + "': digits expected");
    }
    if (!allDigits(intPart) || !allDigits(fracPart)) {
      throw new NumberFormatException("invalid decimal '" + text + "': only digits and one '.'");
    }
    if (fracPart.length() > PRECISION) {
      throw new NumberFormatException(
          "invalid decimal '" + text + "': more than " + PRECISION + " decimal places");
    }
    String digits = intPart + fracPart + "0".repeat(PRECISION - fracPart.length());
    BigInteger raw = new BigInteger(digits);
    try {
      return new Dec(negative ? raw.negate() : raw);
    } catch (ArithmeticException e) {
      throw new NumberFormatException("invalid decimal '" + text + "': out of range");
    }
  }

  private static boolean allDigits(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** The integer representation in 10^-18 units. */
  public BigInteger raw() {
    return raw;
  }

  public Dec add(Dec o) {
    return new Dec(raw.add(o.raw));
  }

  public Dec sub(Dec o) {
    return new Dec(raw.subtract(o.raw));
  }

  public Dec negate() {
    return new Dec(raw.negate());
  }

  /** Product, 19th digit rounded half to even (SDK {@code Mul}). */
  public Dec mul(Dec o) {
    return new Dec(chopRoundHalfEven(raw.multiply(o.raw)));
  }

  /** Product truncated toward zero (SDK {@code MulTruncate}). */
  public Dec mulTruncate(Dec o) {
    return new Dec(raw.multiply(o.raw).divide(SCALE));
  }

  /** Product rounded up for positive results, truncated for negative (SDK {@code MulRoundUp}). */
  public Dec mulRoundUp(Dec o) {
    BigInteger p = raw.multiply(o.raw);
    if (p.signum() < 0) {
      return new Dec(p.divide(SCALE));
    }
    BigInteger[] qr = p.divideAndRemainder(SCALE);
    return new Dec(qr[1].signum() == 0 ? qr[0] : qr[0].add(BigInteger.ONE));
  }

  /** Exact product with an integer (SDK {@code MulInt}). */
  public Dec mulInt(BigInteger i) {
    return new Dec(raw.multiply(i));
  }

  /** Quotient, 19th digit rounded half to even (SDK {@code Quo}). */
  public Dec quo(Dec o) {
    requireNonZero(o);
    return new Dec(chopRoundHalfEven(raw.multiply(SCALE_SQUARED).divide(o.raw)));
  }

  /** Quotient truncated toward zero (SDK {@code QuoTruncate}). */
  public Dec quoTruncate(Dec o) {
    requireNonZero(o);
    return new Dec(raw.multiply(SCALE).divide(o.raw));
  }

  /** Quotient rounded away from zero when inexact (SDK {@code QuoRoundUp}). */
  public Dec quoRoundUp(Dec o) {
    requireNonZero(o);
    BigInteger[] qr = raw.multiply(SCALE).divideAndRemainder(o.raw);
    BigInteger q = qr[0];
    int r = qr[1].signum();
    boolean sameSign = (raw.signum() < 0) == (o.raw.signum() < 0);
    // The SDK adds one only when the exact quotient is positive (see QuoRoundupMut).
    if ((r > 0 && sameSign) || (r < 0 && !sameSign)) {
      q = q.add(BigInteger.ONE);
    }
    return new Dec(q);
  }

  /** Quotient by an integer, truncated toward zero (SDK {@code QuoInt}). */
  public Dec quoInt(BigInteger i) {
    if (i.signum() == 0) {
      throw new ArithmeticException("division by zero");
    }
    return new Dec(raw.divide(i));
  }

  /** The integer part, toward zero (SDK {@code TruncateInt}). */
  public BigInteger truncateInt() {
    return raw.divide(SCALE);
  }

  /** The nearest integer, ties to even (SDK {@code RoundInt}). */
  public BigInteger roundInt() {
    return chopRoundHalfEven(raw);
  }

  /** The value without its fraction, toward zero (SDK {@code TruncateDec}). */
  public Dec truncate() {
    return new Dec(raw.divide(SCALE).multiply(SCALE));
  }

  public int signum() {
    return raw.signum();
  }

  public boolean isZero() {
    return raw.signum() == 0;
  }

  public boolean isPositive() {
    return raw.signum() > 0;
  }

  public boolean isNegative() {
    return raw.signum() < 0;
  }

  public Dec min(Dec o) {
    return compareTo(o) <= 0 ? this : o;
  }

  public Dec max(Dec o) {
    return compareTo(o) >= 0 ? this : o;
  }

  public boolean gt(Dec o) {
    return compareTo(o) > 0;
  }

  public boolean lt(Dec o) {
    return compareTo(o) < 0;
  }

  @Override
  public int compareTo(Dec o) {
    return raw.compareTo(o.raw);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Dec d && raw.equals(d.raw);
  }

  @Override
  public int hashCode() {
    return raw.hashCode();
  }

  /**
   * Always 18 fractional digits, as the SDK prints: "0.050000000000000000",
   * "-1.500000000000000000".
   */
  @Override
  public String toString() {
    String digits = raw.abs().toString();
    if (digits.length() <= PRECISION) {
      digits = "0".repeat(PRECISION + 1 - digits.length()) + digits;
    }
    int point = digits.length() - PRECISION;
    String s = digits.substring(0, point) + "." + digits.substring(point);
    return raw.signum() < 0 ? "-" + s : s;
  }

  private static void requireNonZero(Dec d) {
    if (d.raw.signum() == 0) {
      throw new ArithmeticException("division by zero");
    }
  }

  /** Drops 18 digits, rounding the dropped part half to even, symmetric around zero. */
  private static BigInteger chopRoundHalfEven(BigInteger v) {
    if (v.signum() < 0) {
      return chopRoundHalfEven(v.negate()).negate();
    }
    BigInteger[] qr = v.divideAndRemainder(SCALE);
    int c = qr[1].compareTo(HALF_SCALE);
    if (c < 0 || (c == 0 && !qr[0].testBit(0))) {
      return qr[0];
    }
    return qr[0].add(BigInteger.ONE);
  }
}
