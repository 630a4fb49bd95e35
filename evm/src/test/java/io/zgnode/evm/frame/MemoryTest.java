package io.zgnode.evm.frame;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MemoryTest {
  @Test
  void costGrowsQuadraticallyInWords() {
    Memory m = new Memory();
    assertEquals(0, m.expansionCost(1_000_000, 0), "a zero length costs nothing anywhere");
    assertEquals(3, m.expansionCost(0, 1));
    assertEquals(3 * 1024 + 1024 * 1024 / 512, m.expansionCost(0, 32 * 1024));
    m.expand(0, 64);
    assertEquals(64, m.size());
    assertEquals(Memory.cost(3) - Memory.cost(2), m.expansionCost(64, 1));
    assertEquals(0, m.expansionCost(10, 54));
  }

  @Test
  void unpayableRangesCostTheMaximumWithoutAllocating() {
    Memory m = new Memory();
    assertEquals(Long.MAX_VALUE, m.expansionCost(Long.MAX_VALUE, 1));
    assertEquals(Long.MAX_VALUE, m.expansionCost(0, 0x1_0000_0000L));
    assertEquals(Long.MAX_VALUE, m.expansionCost(0xFFFF_FFFFL, 0xFFFF_FFFFL));
    assertEquals(0, m.size());
  }
}
