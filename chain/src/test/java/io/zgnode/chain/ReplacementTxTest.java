package io.zgnode.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zgnode.chain.mempool.CheckOutcome;
import io.zgnode.chain.tx.TxDecoder;
import io.zgnode.evm.types.Address;
import io.zgnode.state.store.StateDatabase;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * CheckTx of a second transaction for a nonce the mempool already holds (MetaMask's speed-up and
 * cancel): geth's "replacement transaction underpriced", since CometBFT's mempool cannot replace;
 * "nonce too low" only below the committed nonce, reporting that nonce; "already known" for the
 * same transaction again.
 */
class ReplacementTxTest {
  private static final BigInteger FUNDS = TestKeys.ETH.multiply(BigInteger.valueOf(100));
  private static final Address TO = TestKeys.address(1);

  private static Chain started() {
    Chain c = new Chain(StateDatabase.inMemory(), TxDecoder.withDefaults(), false);
    c.initChain("zg-test", 1, TestKeys.genesis(2, FUNDS));
    c.finalizeBlock(new BlockInput(1, 1_700_000_001L, new byte[20], List.of()));
    c.commit();
    return c;
  }

  private static byte[] transfer(long nonce, long wei) {
    return TestKeys.transfer(0, nonce, TO, BigInteger.valueOf(wei)).encoded();
  }

  private static void assertRefused(CheckOutcome out, TxCode code, String log) {
    assertEquals(code, out.code(), out.log());
    assertEquals(log, out.log());
  }

  @Test
  void aSecondTransactionForAPendingNonceIsAReplacement() {
    try (Chain c = started()) {
      byte[] first = transfer(0, 1);
      assertTrue(c.checkTx(first).accepted());
      // A speed-up or cancel: same nonce, other content.
      assertRefused(
          c.checkTx(transfer(0, 2)),
          TxCode.REPLACEMENT_UNDERPRICED,
          "replacement transaction underpriced");
      assertRefused(c.checkTx(first), TxCode.ALREADY_KNOWN, "already known");
      assertTrue(c.checkTx(transfer(1, 1)).accepted());
      assertRefused(
          c.checkTx(transfer(0, 3)),
          TxCode.REPLACEMENT_UNDERPRICED,
          "replacement transaction underpriced");
      assertRefused(
          c.checkTx(transfer(1, 3)),
          TxCode.REPLACEMENT_UNDERPRICED,
          "replacement transaction underpriced");
      assertEquals(2, c.pendingNonce(TestKeys.address(0)), "refusals leave the pending view");
      assertTrue(c.checkTx(transfer(2, 1)).accepted());
    }
  }

  @Test
  void nonceTooLowReportsTheCommittedNonceAndReplacementsStartAboveIt() {
    try (Chain c = started()) {
      byte[] n0 = transfer(0, 1);
      byte[] n1 = transfer(1, 1);
      assertTrue(c.checkTx(n0).accepted());
      assertTrue(c.checkTx(n1).accepted());
      // A block includes nonce 0 only; CometBFT then re-checks nonce 1, still in its mempool.
      List<byte[]> block = List.of(n0);
      assertTrue(c.processProposal(2, block));
      c.finalizeBlock(new BlockInput(2, 1_700_000_002L, new byte[20], block))
          .txResults()
          .forEach(r -> assertTrue(r.ok(), r.log()));
      c.commit();
      assertTrue(c.checkTx(n1, true).accepted(), "a recheck is not 'already known'");
      assertEquals(2, c.pendingNonce(TestKeys.address(0)));

      String sender = TestKeys.address(0).toChecksumHex();
      assertRefused(
          c.checkTx(n0),
          TxCode.NONCE_TOO_LOW,
          "nonce too low: address " + sender + ", tx: 0 state: 1");
      assertRefused(
          c.checkTx(transfer(0, 9)),
          TxCode.NONCE_TOO_LOW,
          "nonce too low: address " + sender + ", tx: 0 state: 1");
      assertRefused(
          c.checkTx(transfer(1, 9)),
          TxCode.REPLACEMENT_UNDERPRICED,
          "replacement transaction underpriced");
      assertRefused(c.checkTx(n1), TxCode.ALREADY_KNOWN, "already known");
      assertRefused(
          c.checkTx(transfer(3, 1)),
          TxCode.NONCE_TOO_HIGH,
          "nonce too high: address " + sender + ", tx: 3 state: 2");
      assertTrue(c.checkTx(transfer(2, 1)).accepted());
    }
  }

  @Test
  void withoutMempoolTransactionsALowNonceIsTooLow() {
    try (Chain c = started()) {
      byte[] n0 = transfer(0, 1);
      assertTrue(c.checkTx(n0).accepted());
      List<byte[]> block = List.of(n0);
      c.finalizeBlock(new BlockInput(2, 1_700_000_002L, new byte[20], block));
      c.commit();
      // Included and committed: the mempool's view is gone, a resend is spent.
      CheckOutcome again = c.checkTx(n0);
      assertRefused(
          again,
          TxCode.NONCE_TOO_LOW,
          "nonce too low: address " + TestKeys.address(0).toChecksumHex() + ", tx: 0 state: 1");
    }
  }

  @Test
  void codesKeepTheirNumbers() {
    assertEquals(4, TxCode.NONCE_TOO_LOW.code());
    assertEquals(15, TxCode.EXECUTION_FAILED.code());
    assertEquals(16, TxCode.REPLACEMENT_UNDERPRICED.code());
    assertEquals(17, TxCode.ALREADY_KNOWN.code());
    assertEquals(99, TxCode.INTERNAL.code());
  }
}
