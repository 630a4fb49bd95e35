package io.zgnode.chain.sim;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;

/**
 * Durations as Go writes and reads them ("5s", "1m30s", "500ms"), because geth's messages print
 * them that way and debug_trace* takes its "timeout" option in that syntax.
 */
public final class GoDuration {
  private static final long NS_PER_US = 1_000L;
  private static final long NS_PER_MS = 1_000_000L;
  private static final long NS_PER_S = 1_000_000_000L;
  private static final BigInteger MAX_NANOS = BigInteger.valueOf(Long.MAX_VALUE);

  private GoDuration() {}

  /** Go's {@code time.Duration.String()}: "0s", "1.5µs", "250ms", "5s", "1m0s", "2h3m4.5s". */
  public static String format(Duration d) {
    long ns;
    try {
      ns = d.toNanos();
    } catch (ArithmeticException overflow) {
      ns = d.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
    if (ns == 0) {
      return "0s";
    }
    String sign = ns < 0 ? "-" : "";
    BigInteger abs = BigInteger.valueOf(ns).abs();
    if (abs.compareTo(BigInteger.valueOf(NS_PER_S)) < 0) {
      long v = abs.longValueExact();
      if (v < NS_PER_US) {
        return sign + v + "ns";
      }
      if (v < NS_PER_MS) {
        return sign + fraction(v, NS_PER_US) + "µs";
      }
      return sign + fraction(v, NS_PER_MS) + "ms";
    }
    BigInteger[] hs = abs.divideAndRemainder(BigInteger.valueOf(3600 * NS_PER_S));
    BigInteger[] ms = hs[1].divideAndRemainder(BigInteger.valueOf(60 * NS_PER_S));
    StringBuilder sb = new StringBuilder(sign);
    if (hs[0].signum() > 0) {
      sb.append(hs[0]).append('h');
    }
    if (hs[0].signum() > 0 || ms[0].signum() > 0) {
      sb.append(ms[0]).append('m');
    }
    sb.append(fraction(ms[1].longValueExact(), NS_PER_S)).append('s');
    return sb.toString();
  }

  /** {@code value / unit} with as many decimals as needed and no trailing zeros. */
  private static String fraction(long value, long unit) {
    BigDecimal q =
        BigDecimal.valueOf(value).divide(BigDecimal.valueOf(unit), 9, RoundingMode.UNNECESSARY);
    q = q.stripTrailingZeros();
    return q.scale() < 0 ? q.setScale(0).toPlainString() : q.toPlainString();
  }

  /**
   * Go's {@code time.ParseDuration}: a sequence of decimal numbers with units ns, us (or µs), ms,
   * s, m, h, optionally signed; "0" alone is zero.
   *
   * @throws IllegalArgumentException with Go's wording for a malformed string
   */
  public static Duration parse(String text) {
    String s = text;
    boolean negative = false;
    if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
      negative = s.charAt(0) == '-';
      s = s.substring(1);
    }
    if (s.equals("0")) {
      return Duration.ZERO;
    }
    if (s.isEmpty()) {
      throw invalid(text);
    }
    BigDecimal total = BigDecimal.ZERO;
    int i = 0;
    while (i < s.length()) {
      int start = i;
      while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
        i++;
      }
      String number = s.substring(start, i);
      if (number.isEmpty()
          || number.equals(".")
          || number.indexOf('.') != number.lastIndexOf('.')) {
        throw invalid(text);
      }
      int unitStart = i;
      while (i < s.length() && !Character.isDigit(s.charAt(i)) && s.charAt(i) != '.') {
        i++;
      }
      String unit = s.substring(unitStart, i);
      if (unit.isEmpty()) {
        throw new IllegalArgumentException("time: missing unit in duration \"" + text + "\"");
      }
      long scale =
          switch (unit) {
            case "ns" -> 1L;
            case "us", "µs", "μs" -> NS_PER_US;
            case "ms" -> NS_PER_MS;
            case "s" -> NS_PER_S;
            case "m" -> 60 * NS_PER_S;
            case "h" -> 3600 * NS_PER_S;
            default ->
                throw new IllegalArgumentException(
                    "time: unknown unit \"" + unit + "\" in duration \"" + text + "\"");
          };
      total = total.add(new BigDecimal(number).multiply(BigDecimal.valueOf(scale)));
    }
    BigInteger nanos = total.setScale(0, RoundingMode.DOWN).toBigIntegerExact();
    if (nanos.compareTo(MAX_NANOS) > 0) {
      throw invalid(text);
    }
    Duration d = Duration.ofNanos(nanos.longValueExact());
    return negative ? d.negated() : d;
  }

  private static IllegalArgumentException invalid(String text) {
    return new IllegalArgumentException("time: invalid duration \"" + text + "\"");
  }
}
