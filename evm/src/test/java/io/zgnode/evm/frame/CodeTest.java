package io.zgnode.evm.frame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zgnode.evm.types.Hash;
import org.junit.jupiter.api.Test;

class CodeTest {
  @Test
  void jumpDestsSkipPushData() {
    // JUMPDEST, PUSH2 0x5b5b, JUMPDEST, PUSH32 (truncated, all 0x5b)
    byte[] code = {0x5b, 0x61, 0x5b, 0x5b, 0x5b, 0x7f, 0x5b, 0x5b};
    Code c = new Code(code);
    assertTrue(c.isJumpDest(0));
    assertFalse(c.isJumpDest(2));
    assertFalse(c.isJumpDest(3));
    assertTrue(c.isJumpDest(4));
    assertFalse(c.isJumpDest(6));
    assertFalse(c.isJumpDest(8));
    assertFalse(c.isJumpDest(-1));
    assertFalse(c.isJumpDest(Long.MAX_VALUE));
    assertEquals(code.length + 33, c.padded().length);
  }

  @Test
  void cacheReturnsTheSameAnalysisAndStaysBounded() {
    CodeCache cache = new CodeCache(14 * 100 + 300);
    byte[] a = new byte[60];
    byte[] b = new byte[60];
    b[0] = 1;
    Code ca = cache.get(Hash.keccak(a), () -> a);
    assertTrue(ca == cache.get(Hash.keccak(a), () -> a));
    cache.get(Hash.keccak(b), () -> b);
    assertEquals(1, cache.size(), "the older entry went to stay within the limit");
    assertTrue(Code.EMPTY == cache.get(Hash.EMPTY_CODE, () -> new byte[0]));
  }
}
