package io.zgnode.chain.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class GoDurationTest {
  @Test
  void formatsAsGo() {
    assertEquals("0s", GoDuration.format(Duration.ZERO));
    assertEquals("5s", GoDuration.format(Duration.ofSeconds(5)));
    assertEquals("1m0s", GoDuration.format(Duration.ofMinutes(1)));
    assertEquals("1m30s", GoDuration.format(Duration.ofSeconds(90)));
    assertEquals("2h0m0s", GoDuration.format(Duration.ofHours(2)));
    assertEquals("500ms", GoDuration.format(Duration.ofMillis(500)));
    assertEquals("1.5s", GoDuration.format(Duration.ofMillis(1500)));
    assertEquals("1.5µs", GoDuration.format(Duration.ofNanos(1500)));
    assertEquals("7ns", GoDuration.format(Duration.ofNanos(7)));
  }

  @Test
  void parsesAsGo() {
    assertEquals(Duration.ofSeconds(10), GoDuration.parse("10s"));
    assertEquals(Duration.ofSeconds(90), GoDuration.parse("1m30s"));
    assertEquals(Duration.ofMillis(1500), GoDuration.parse("1.5s"));
    assertEquals(Duration.ofNanos(300), GoDuration.parse("300ns"));
    assertEquals(Duration.ofNanos(2000), GoDuration.parse("2us"));
    assertEquals(Duration.ZERO, GoDuration.parse("0"));
    assertEquals(
        "time: invalid duration \"abc\"",
        assertThrows(IllegalArgumentException.class, () -> GoDuration.parse("abc")).getMessage());
    assertEquals(
        "time: missing unit in duration \"10\"",
        assertThrows(IllegalArgumentException.class, () -> GoDuration.parse("10")).getMessage());
    assertEquals(
        "time: unknown unit \"d\" in duration \"1d\"",
        assertThrows(IllegalArgumentException.class, () -> GoDuration.parse("1d")).getMessage());
  }
}
