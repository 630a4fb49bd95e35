package io.zgnode.chain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.zgnode.chain.system.HistoryStorage;
import io.zgnode.chain.tx.TxDecoder;
import io.zgnode.evm.types.Hash;
import io.zgnode.state.store.StateDatabase;
import java.util.List;
import org.junit.jupiter.api.Test;

/** EIP-2935: each block stores its parent's hash in the history contract from Prague on. */
class HistoryStorageTest {
  private static byte[] hashOf(long h) {
    byte[] b = new byte[32];
    b[0] = (byte) 0xab;
    b[31] = (byte) h;
    return b;
  }

  @Test
  void parentHashesAreServedFromState() {
    try (Chain c = new Chain(StateDatabase.inMemory(), TxDecoder.withDefaults(), false)) {
      c.initChain("zg-2935", 1, TestKeys.genesis(1, TestKeys.ETH));
      for (long h = 1; h <= 4; h++) {
        c.finalizeBlock(new BlockInput(h, h, new byte[20], hashOf(h), List.of()));
        c.commit();
      }
      assertArrayEquals(HistoryStorage.CODE, c.committedView().code(HistoryStorage.ADDRESS));
      assertEquals(1, c.committedView().account(HistoryStorage.ADDRESS).nonce());
      for (long n = 1; n <= 3; n++) {
        byte[] slot = new byte[32];
        slot[31] = (byte) n;
        Hash stored = c.committedView().storage(HistoryStorage.ADDRESS, Hash.wrap(slot));
        assertEquals(
            c.header(n).orElseThrow().hash(),
            stored,
            "block " + (n + 1) + " stored the Ethereum hash of block " + n);
        assertNotEquals(Hash.wrap(hashOf(n)), stored, "not CometBFT's block hash");
      }
    }
  }
}
