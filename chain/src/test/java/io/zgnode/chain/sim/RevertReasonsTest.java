package io.zgnode.chain.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.zgnode.evm.bytes.Hex;
import org.junit.jupiter.api.Test;

class RevertReasonsTest {
  @Test
  void decodesErrorAndPanic() {
    assertEquals("nope", RevertReasons.decode(SimFixture.errorString("nope")));
    assertEquals("", RevertReasons.decode(SimFixture.errorString("")));
    assertEquals("assert(false)", RevertReasons.decode(SimFixture.PANIC_ASSERT));
    assertEquals(
        "arithmetic underflow or overflow",
        RevertReasons.decode(Hex.decode("4e487b71" + "0".repeat(62) + "11")));
    assertEquals(
        "unknown panic code: 0x99",
        RevertReasons.decode(Hex.decode("4e487b71" + "0".repeat(62) + "99")));
  }

  @Test
  void anythingElseHasNoReason() {
    assertNull(RevertReasons.decode(new byte[0]));
    assertNull(RevertReasons.decode(Hex.decode("08c379a0")));
    assertNull(RevertReasons.decode(SimFixture.CUSTOM_ERROR));
    // a length running past the data
    byte[] bad = SimFixture.errorString("nope");
    bad[4 + 32 + 31] = 100;
    assertNull(RevertReasons.decode(bad));
  }
}
