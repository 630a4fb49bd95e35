package io.zgnode.evm.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zgnode.evm.types.Address;
import io.zgnode.evm.types.Hash;
import java.util.List;
import org.junit.jupiter.api.Test;

class TxScopeTest {
  private static final Address A = Address.fromLong(0xa);
  private static final Hash SLOT = Hash.fromHex("0x" + "00".repeat(31) + "07");
  private static final Hash VALUE = Hash.fromHex("0x" + "00".repeat(31) + "09");

  @Test
  void revertForgetsWarmthLogsRefundsAndMarks() {
    TxScope s = new TxScope();
    assertFalse(s.warmAddress(A));
    int cp = s.checkpoint();
    assertFalse(s.warmSlot(A, SLOT));
    assertTrue(s.warmSlot(A, SLOT));
    s.addLog(new Log(A, List.of(), new byte[0]));
    s.addRefund(4800);
    s.markCreated(A);
    s.markSelfDestructed(A);
    s.setTransientValue(A, SLOT, VALUE);
    s.touch(A);
    s.revertTo(cp);
    assertTrue(s.isWarm(A), "warm before the checkpoint");
    assertFalse(s.isWarm(A, SLOT));
    assertTrue(s.logs().isEmpty());
    assertEquals(0, s.refund());
    assertFalse(s.wasCreated(A));
    assertFalse(s.isSelfDestructed(A));
    assertEquals(Hash.ZERO, s.transientValue(A, SLOT));
    assertTrue(s.touched().isEmpty());
  }

  @Test
  void aTouchOfRipemdSurvivesRevert() {
    TxScope s = new TxScope();
    int cp = s.checkpoint();
    s.touch(Address.fromLong(3));
    s.touch(Address.fromLong(4));
    s.revertTo(cp);
    assertEquals(List.of(Address.fromLong(3)), List.copyOf(s.touched()));
  }

  @Test
  void originalValueIsTheFirstOneSeen() {
    TxScope s = new TxScope();
    assertEquals(VALUE, s.originalValue(A, SLOT, VALUE));
    assertEquals(VALUE, s.originalValue(A, SLOT, Hash.ZERO));
  }
}
