package io.zgnode.evm.fork;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ForkTest {
  @Test
  void forksAreOrdered() {
    assertEquals(
        List.of(Fork.LONDON, Fork.PARIS, Fork.SHANGHAI, Fork.CANCUN, Fork.PRAGUE, Fork.OSAKA),
        List.of(Fork.values()));
    assertTrue(Fork.CANCUN.isAtLeast(Fork.SHANGHAI));
    assertTrue(Fork.CANCUN.isAtLeast(Fork.CANCUN));
    assertFalse(Fork.PARIS.isAtLeast(Fork.SHANGHAI));
  }

  @Test
  void parsesFixtureNamesIgnoringCase() {
    assertEquals(Fork.LONDON, Fork.fromName("London"));
    assertEquals(Fork.PARIS, Fork.fromName("Paris"));
    assertEquals(Fork.PARIS, Fork.fromName("Merge"));
    assertEquals(Fork.PARIS, Fork.fromName("merge"));
    assertEquals(Fork.SHANGHAI, Fork.fromName("SHANGHAI"));
    assertEquals(Fork.CANCUN, Fork.fromName("cancun"));
    assertEquals(Fork.PRAGUE, Fork.fromName("Prague"));
    assertEquals(Fork.OSAKA, Fork.fromName(" Osaka "));
  }

  @Test
  void rejectsUnknownNamesListingValidOnes() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Fork.fromName("Berlin"));
    assertTrue(e.getMessage().contains("Berlin"), e.getMessage());
    assertTrue(e.getMessage().contains("London, Paris, Shanghai, Cancun, Prague, Osaka"));
    assertThrows(IllegalArgumentException.class, () -> Fork.fromName(null));
    assertThrows(IllegalArgumentException.class, () -> Fork.fromName(""));
  }
}
