package io.zgnode.staking.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DecTest {
  private static Dec d(String s) {
    return Dec.parse(s);
  }

  private static Dec units(long raw) {
    return Dec.ofRaw(BigInteger.valueOf(raw));
  }

  @ParameterizedTest
  @CsvSource({
    "0.05, 0.050000000000000000",
    "1, 1.000000000000000000",
    "-1.5, -1.500000000000000000",
    "0.000000000000000001, 0.000000000000000001",
    "123456789.123456789123456789, 123456789.123456789123456789",
    "0, 0.000000000000000000",
    "-0.000000000000000001, -0.000000000000000001"
  })
  void parsesAndPrintsLikeTheSdk(String in, String printed) {
    assertEquals(printed, d(in).toString());
    assertEquals(d(in), d(printed));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        ".",
        "1.",
        ".5",
        "1e5",
        "+1",
        "0.0000000000000000001",
        "1.2.3",
        " 1",
        "--1",
        "a"
      })
  void refusesMalformedDecimals(String s) {
    NumberFormatException e = assertThrows(NumberFormatException.class, () -> Dec.parse(s));
    assertTrue(e.getMessage().contains("decimal"), e.getMessage());
  }

  @Test
  void mulRoundsTheNineteenthDigitHalfToEven() {
    // 1e-18 * 0.5 = 0.5e-18: a tie, the even neighbour is 0.
    assertEquals(Dec.ZERO, units(1).mul(d("0.5")));
    // 3e-18 * 0.5 = 1.5e-18: a tie between 1 and 2, even is 2.
    assertEquals(units(2), units(3).mul(d("0.5")));
    // 5e-18 * 0.5 = 2.5e-18: a tie between 2 and 3, even is 2.
    assertEquals(units(2), units(5).mul(d("0.5")));
    // 7e-18 * 0.3 = 2.1e-18 -> 2; 7e-18 * 0.4 = 2.8e-18 -> 3.
    assertEquals(units(2), units(7).mul(d("0.3")));
    assertEquals(units(3), units(7).mul(d("0.4")));
    // Symmetric around zero: -1.5e-18 -> -2e-18.
    assertEquals(units(-2), units(-3).mul(d("0.5")));
  }

  @Test
  void mulTruncateAndRoundUp() {
    assertEquals(units(1), units(3).mulTruncate(d("0.5")));
    assertEquals(units(-1), units(-3).mulTruncate(d("0.5")));
    assertEquals(units(1), units(1).mulRoundUp(d("0.5")));
    assertEquals(units(2), units(3).mulRoundUp(d("0.5")));
    // The SDK truncates negative products in MulRoundUp (chopPrecisionAndRoundUp).
    assertEquals(units(-1), units(-3).mulRoundUp(d("0.5")));
    assertEquals(d("6"), d("2").mulRoundUp(d("3")));
  }

  @Test
  void quotientsRoundAsTheSdk() {
    assertEquals("0.333333333333333333", d("1").quo(d("3")).toString());
    assertEquals("0.666666666666666667", d("2").quo(d("3")).toString());
    assertEquals("0.666666666666666666", d("2").quoTruncate(d("3")).toString());
    assertEquals("0.333333333333333334", d("1").quoRoundUp(d("3")).toString());
    assertEquals("0.666666666666666667", d("2").quoRoundUp(d("3")).toString());
    // QuoRoundUp rounds toward +infinity: -1/3 -> -0.333333333333333332.
    assertEquals("-0.333333333333333332", d("-1").quoRoundUp(d("3")).toString());
    assertEquals("0.500000000000000000", d("1").quoRoundUp(d("2")).toString());
    // Quo ties: 1e-18 / 2 = 0.5e-18 -> 0; 3e-18 / 2 = 1.5e-18 -> 2; 5e-18 / 2 -> 2.
    assertEquals(Dec.ZERO, units(1).quo(d("2")));
    assertEquals(units(2), units(3).quo(d("2")));
    assertEquals(units(2), units(5).quo(d("2")));
    assertEquals("3.333333333333333333", d("10").quoInt(BigInteger.valueOf(3)).toString());
    assertThrows(ArithmeticException.class, () -> d("1").quo(Dec.ZERO));
    assertThrows(ArithmeticException.class, () -> d("1").quoTruncate(Dec.ZERO));
    assertThrows(ArithmeticException.class, () -> d("1").quoRoundUp(Dec.ZERO));
    assertThrows(ArithmeticException.class, () -> d("1").quoInt(BigInteger.ZERO));
  }

  @Test
  void integerConversions() {
    assertEquals(BigInteger.valueOf(-1), d("-1.5").truncateInt());
    assertEquals(BigInteger.ONE, d("1.999999999999999999").truncateInt());
    assertEquals(BigInteger.TWO, d("2.5").roundInt());
    assertEquals(BigInteger.valueOf(4), d("3.5").roundInt());
    assertEquals(BigInteger.valueOf(-2), d("-2.5").roundInt());
    assertEquals(d("7"), d("7.9").truncate());
    assertEquals(d("12"), d("1.2").mulInt(BigInteger.TEN));
  }

  @Test
  void rangeIsTheSdks() {
    BigInteger max = BigInteger.ONE.shiftLeft(256);
    assertEquals(max, Dec.of(max).truncateInt());
    assertThrows(ArithmeticException.class, () -> Dec.of(max.add(BigInteger.ONE)));
    assertThrows(ArithmeticException.class, () -> Dec.of(max).add(Dec.ONE));
  }

  @Test
  void ordering() {
    assertTrue(d("0.1").lt(d("0.2")));
    assertTrue(d("-0.1").lt(Dec.ZERO));
    assertEquals(d("0.1"), d("0.1").min(d("0.2")));
    assertEquals(d("0.2"), d("0.1").max(d("0.2")));
    assertEquals(d("0.1").hashCode(), d("0.100").hashCode());
  }
}
