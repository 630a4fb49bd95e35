package io.zgnode.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zgnode.chain.block.EthHeader;
import io.zgnode.chain.mempool.CheckOutcome;
import io.zgnode.chain.tx.TxDecoder;
import io.zgnode.evm.tx.Transaction;
import io.zgnode.evm.tx.TransactionBuilder;
import io.zgnode.evm.types.Address;
import io.zgnode.evm.types.Hash;
import io.zgnode.state.store.StateDatabase;
import io.zgnode.state.world.Account;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChainTest {
  private static final BigInteger FUNDS = TestKeys.ETH.multiply(BigInteger.valueOf(100));

  private static Chain newChain(StateDatabase db) {
    return new Chain(db, TxDecoder.withDefaults(), false);
  }

  private static BlockResult block(Chain c, long h, List<byte[]> txs) {
    return c.finalizeBlock(new BlockInput(h, 1_700_000_000L + h, new byte[20], txs));
  }

  @Test
  void genesisIsCommittedWithTheFirstBlockOnly() {
    try (Chain c = newChain(StateDatabase.inMemory())) {
      Hash genesisHash = c.initChain("zg-test", 1, TestKeys.genesis(2, FUNDS));
      assertEquals(0, c.info().height());
      BlockResult r = block(c, 1, List.of());
      c.commit();
      assertEquals(1, c.info().height());
      assertEquals(r.appHash(), c.info().appHash());
      assertNotEquals(Hash.ZERO, genesisHash);
      assertEquals(FUNDS, c.committedView().account(TestKeys.address(0)).balance());
    }
  }

  @Test
  void backToBackNoncesAreAdmittedAndExecuted() {
    try (Chain c = newChain(StateDatabase.inMemory())) {
      c.initChain("zg-test", 1, TestKeys.genesis(2, FUNDS));
      block(c, 1, List.of());
      c.commit();
      Address to = TestKeys.address(1);
      List<byte[]> txs = new ArrayList<>();
      for (int n = 0; n < 5; n++) {
        byte[] raw = TestKeys.transfer(0, n, to, TestKeys.ETH).encoded();
        CheckOutcome out = c.checkTx(raw);
        assertTrue(out.accepted(), out.log());
        txs.add(raw);
      }
      assertEquals(5, c.pendingNonce(TestKeys.address(0)));
      List<byte[]> chosen = c.prepareProposal(2, txs, 1 << 20);
      assertEquals(5, chosen.size());
      assertTrue(c.processProposal(2, chosen));
      BlockResult r = block(c, 2, chosen);
      r.txResults().forEach(o -> assertTrue(o.ok(), o.log()));
      assertEquals(5 * 21_000L, r.gasUsed());
      c.commit();
      Account sender = c.committedView().account(TestKeys.address(0));
      Account receiver = c.committedView().account(TestKeys.address(1));
      assertEquals(5, sender.nonce());
      assertEquals(FUNDS.add(TestKeys.ETH.multiply(BigInteger.valueOf(5))), receiver.balance());
      BigInteger fees =
          FUNDS.subtract(TestKeys.ETH.multiply(BigInteger.valueOf(5))).subtract(sender.balance());
      assertEquals(
          fees, c.committedView().account(ChainParams.FEE_COLLECTOR).balance(), "fees collected");
      // A replay of an included transaction is refused by CheckTx.
      CheckOutcome replay = c.checkTx(txs.get(0));
      assertEquals(TxCode.NONCE_TOO_LOW, replay.code());
      assertTrue(replay.log().startsWith("nonce too low"), replay.log());
    }
  }

  @Test
  void checkTxRejectsWithGethWording() {
    try (Chain c = newChain(StateDatabase.inMemory())) {
      c.initChain("zg-test", 1, TestKeys.genesis(2, FUNDS));
      block(c, 1, List.of());
      c.commit();
      Address to = TestKeys.address(1);
      assertEquals(TxCode.DECODE, c.checkTx(new byte[] {1, 2, 3}).code());
      CheckOutcome gap = c.checkTx(TestKeys.transfer(0, 3, to, BigInteger.ONE).encoded());
      assertEquals(TxCode.NONCE_TOO_HIGH, gap.code());
      assertTrue(gap.log().startsWith("nonce too high"), gap.log());
      Transaction wrongChain =
          TransactionBuilder.eip1559()
              .chainId(1)
              .nonce(0)
              .maxPriorityFeePerGas(TestKeys.GWEI)
              .maxFeePerGas(TestKeys.GWEI.multiply(BigInteger.TWO))
              .gasLimit(21_000)
              .to(to)
              .value(BigInteger.ONE)
              .sign(TestKeys.key(0));
      assertEquals(TxCode.WRONG_CHAIN_ID, c.checkTx(wrongChain.encoded()).code());
      CheckOutcome poor =
          c.checkTx(TestKeys.transfer(0, 0, to, FUNDS.add(BigInteger.ONE)).encoded());
      assertEquals(TxCode.INSUFFICIENT_FUNDS, poor.code());
      assertTrue(poor.log().startsWith("insufficient funds for gas * price + value"), poor.log());
      Transaction cheap =
          TransactionBuilder.eip1559()
              .chainId(TestKeys.CHAIN_ID)
              .nonce(0)
              .maxPriorityFeePerGas(1)
              .maxFeePerGas(1)
              .gasLimit(21_000)
              .to(to)
              .value(BigInteger.ONE)
              .sign(TestKeys.key(0));
      CheckOutcome under = c.checkTx(cheap.encoded());
      assertEquals(TxCode.FEE_CAP_BELOW_BASE_FEE, under.code());
      assertTrue(under.log().startsWith("max fee per gas less than block base fee"), under.log());
      Transaction lowGas =
          TransactionBuilder.eip1559()
              .chainId(TestKeys.CHAIN_ID)
              .nonce(0)
              .maxPriorityFeePerGas(TestKeys.GWEI)
              .maxFeePerGas(TestKeys.GWEI.multiply(BigInteger.TWO))
              .gasLimit(20_000)
              .to(to)
              .sign(TestKeys.key(0));
      CheckOutcome intrinsic = c.checkTx(lowGas.encoded());
      assertEquals(TxCode.INTRINSIC_GAS, intrinsic.code());
      assertTrue(intrinsic.log().startsWith("intrinsic gas too low"), intrinsic.log());
      Transaction unprotected =
          TransactionBuilder.legacy()
              .nonce(0)
              .gasPrice(TestKeys.GWEI.multiply(BigInteger.TWO))
              .gasLimit(21_000)
              .to(to)
              .sign(TestKeys.key(0));
      assertEquals(TxCode.NOT_REPLAY_PROTECTED, c.checkTx(unprotected.encoded()).code());
      byte[] big = new byte[200_000];
      assertEquals(TxCode.OVERSIZED, c.checkTx(big).code());
    }
  }

  @Test
  void failedTransactionsChangeNothingAndProposalsWithGarbageAreRejected() {
    try (Chain c = newChain(StateDatabase.inMemory())) {
      c.initChain("zg-test", 1, TestKeys.genesis(2, FUNDS));
      block(c, 1, List.of());
      c.commit();
      byte[] stale = TestKeys.transfer(0, 7, TestKeys.address(1), BigInteger.ONE).encoded();
      assertTrue(c.processProposal(2, List.of(stale)));
      assertFalse(c.processProposal(2, List.of(stale, new byte[] {(byte) 0xc0})));
      BlockResult r = block(c, 2, List.of(stale));
      assertEquals(TxCode.NONCE_TOO_HIGH, r.txResults().get(0).code());
      assertEquals(0, r.gasUsed());
      c.commit();
      assertEquals(
          FUNDS, c.committedView().account(TestKeys.address(0)).balance(), "nothing charged");
      assertEquals(0, c.committedView().account(TestKeys.address(0)).nonce());
      assertNull(c.committedView().account(ChainParams.FEE_COLLECTOR), "no fee collected");
      // The Ethereum block holds only executed transactions: this one is not part of it.
      EthHeader header = c.header(2).orElseThrow();
      assertEquals(Hash.EMPTY_TRIE, header.transactionsRoot());
      assertEquals(0, header.gasUsed());
      assertTrue(c.body(2).orElseThrow().rawTxs().isEmpty());
      assertTrue(c.txLocation(Hash.keccak(stale)).isEmpty());
    }
  }

  @Test
  void stateAndParametersSurviveReopen(@TempDir Path dir) {
    Hash appHash;
    try (Chain c = newChain(StateDatabase.open(dir))) {
      c.initChain("zg-test", 1, TestKeys.genesis(2, FUNDS));
      block(c, 1, List.of());
      c.commit();
      byte[] tx = TestKeys.transfer(0, 0, TestKeys.address(1), TestKeys.ETH).encoded();
      block(c, 2, List.of(tx));
      c.commit();
      // Finalized but never committed: lost on restart, as CometBFT expects.
      block(c, 3, List.of(TestKeys.transfer(0, 1, TestKeys.address(1), TestKeys.ETH).encoded()));
      appHash = c.info().appHash();
    }
    try (Chain c = newChain(StateDatabase.open(dir))) {
      assertEquals(2, c.info().height());
      assertEquals(appHash, c.info().appHash());
      assertEquals(1, c.committedView().account(TestKeys.address(0)).nonce());
      assertEquals("zg-test", c.params().cometChainId());
      assertTrue(
          c.checkTx(TestKeys.transfer(0, 1, TestKeys.address(1), TestKeys.ETH).encoded())
              .accepted());
      assertThrows(IllegalStateException.class, () -> c.initChain("zg-test", 1, "{}"));
    }
  }

  @Test
  void sameBlocksGiveSameAppHashes() {
    List<Hash> first = run();
    List<Hash> second = run();
    assertEquals(first, second);
  }

  private static List<Hash> run() {
    List<Hash> hashes = new ArrayList<>();
    try (Chain c = newChain(StateDatabase.inMemory())) {
      hashes.add(c.initChain("zg-test", 1, TestKeys.genesis(4, FUNDS)));
      for (long h = 1; h <= 4; h++) {
        List<byte[]> txs = new ArrayList<>();
        for (int s = 0; s < 4; s++) {
          txs.add(
              TestKeys.transfer(s, h - 1, TestKeys.address((s + 1) % 4), BigInteger.valueOf(h))
                  .encoded());
        }
        hashes.add(block(c, h, txs).appHash());
        c.commit();
      }
    }
    return hashes;
  }
}
