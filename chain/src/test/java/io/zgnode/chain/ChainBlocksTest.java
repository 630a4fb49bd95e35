package io.zgnode.chain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zgnode.chain.block.BlockAssembler;
import io.zgnode.chain.block.BlockBody;
import io.zgnode.chain.block.ChainListener;
import io.zgnode.chain.block.CommittedBlock;
import io.zgnode.chain.block.EthHeader;
import io.zgnode.chain.block.LogFilter;
import io.zgnode.chain.block.TxLocation;
import io.zgnode.chain.exec.BlockContext;
import io.zgnode.chain.mempool.PendingTx;
import io.zgnode.chain.receipt.Receipt;
import io.zgnode.chain.system.HistoryStorage;
import io.zgnode.chain.tx.TxDecoder;
import io.zgnode.evm.bytes.Hex;
import io.zgnode.evm.fork.Fork;
import io.zgnode.evm.tx.Transaction;
import io.zgnode.evm.tx.TransactionBuilder;
import io.zgnode.evm.types.Address;
import io.zgnode.evm.types.Hash;
import io.zgnode.genesis.AppGenesis;
import io.zgnode.genesis.EvmGenesis;
import io.zgnode.genesis.FeeMarketParams;
import io.zgnode.genesis.ForkActivation;
import io.zgnode.state.store.StateDatabase;
import io.zgnode.state.world.WorldUpdater;
import io.zgnode.state.world.WorldView;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ethereum blocks: headers, parent hashes, bodies, indexes, history, retention, listeners. */
class ChainBlocksTest {
  private static final BigInteger FUNDS = TestKeys.ETH.multiply(BigInteger.valueOf(1000));
  private static final long GENESIS_TIME = 1_700_000_000L;

  private static Chain newChain(StateDatabase db, ChainOptions options) {
    return new Chain(db, TxDecoder.withDefaults(), options);
  }

  /** CometBFT's block hash for a height, as a 32-byte value (the block's PREVRANDAO). */
  private static byte[] cometHash(long h) {
    return Hash.keccak(("comet/" + h).getBytes(java.nio.charset.StandardCharsets.US_ASCII))
        .toArray();
  }

  private static BlockResult block(Chain c, long h, List<byte[]> txs) {
    return c.finalizeBlock(
        new BlockInput(h, GENESIS_TIME + 2 * h, new byte[20], cometHash(h), txs));
  }

  private static byte[] transfer(int from, long nonce) {
    return TestKeys.transfer(from, nonce, TestKeys.address(9), BigInteger.ONE).encoded();
  }

  @Test
  void headersChainByEthereumHash() {
    try (Chain c = newChain(StateDatabase.inMemory(), ChainOptions.DEFAULT)) {
      c.initChain("zg-blocks", 1, TestKeys.genesis(2, FUNDS), GENESIS_TIME);
      EthHeader genesis = c.header(0).orElseThrow();
      assertEquals(genesis, c.header(0).orElseThrow(), "served from memory before the commit");
      assertEquals(0, genesis.number());
      assertEquals(Hash.ZERO, genesis.parentHash());
      assertEquals(c.stateAt(0).stateRoot(), genesis.stateRoot());
      assertEquals(Hash.EMPTY_TRIE, genesis.transactionsRoot());
      assertEquals(Hash.EMPTY_TRIE, genesis.receiptsRoot());
      assertEquals(0, genesis.gasUsed());
      assertEquals(GENESIS_TIME, genesis.timestamp());
      assertEquals(FeeMarketParams.ONE_GWEI, genesis.baseFeePerGas());
      assertEquals(FeeMarketParams.DEFAULT_BLOCK_GAS_LIMIT, genesis.gasLimit());
      assertEquals(0, c.blockNumber(genesis.hash()).orElseThrow());

      for (long h = 1; h <= 50; h++) {
        BigInteger baseFee = c.nextBaseFee();
        byte[] raw = transfer(0, h - 1);
        BlockResult r = block(c, h, List.of(raw));
        assertTrue(r.txResults().get(0).ok(), r.txResults().get(0).log());
        assertTrue(c.header(h).isEmpty(), "nothing of height " + h + " before its commit");
        c.commit();
        EthHeader header = c.header(h).orElseThrow();
        EthHeader parent = c.header(h - 1).orElseThrow();
        assertEquals(parent.hash(), header.parentHash(), "parentHash of " + h);
        assertEquals(h, c.blockNumber(header.hash()).orElseThrow());
        assertEquals(h, header.number());
        assertEquals(ChainParams.FEE_COLLECTOR, header.coinbase());
        assertEquals(FeeMarketParams.DEFAULT_BLOCK_GAS_LIMIT, header.gasLimit());
        assertEquals(21_000, header.gasUsed());
        assertEquals(GENESIS_TIME + 2 * h, header.timestamp());
        assertEquals(Hash.wrap(cometHash(h)), header.mixHash());
        assertEquals(baseFee, header.baseFeePerGas(), "the base fee block " + h + " ran with");
        assertEquals(c.stateAt(h).stateRoot(), header.stateRoot());
        assertEquals(0, header.extraData().length);
        assertEquals(BlockAssembler.indexedRoot(List.of(raw)), header.transactionsRoot());
        Receipt receipt = c.blockReceipts(h).get(0);
        assertEquals(
            BlockAssembler.indexedRoot(List.of(receipt.consensusEncoding())),
            header.receiptsRoot());
        Hash txHash = Hash.keccak(raw);
        assertEquals(new TxLocation(h, header.hash(), 0), c.txLocation(txHash).orElseThrow());
        BlockBody body = c.body(h).orElseThrow();
        assertArrayEquals(raw, body.rawTxs().get(0));
        assertEquals(List.of(txHash), body.txHashes());
        assertEquals(txHash, receipt.txHash());
        // The default fork is the newest: every fork field is present with its neutral value.
        assertEquals(Hash.EMPTY_TRIE, header.withdrawalsRoot());
        assertEquals(0L, header.blobGasUsed());
        assertEquals(0L, header.excessBlobGas());
        assertEquals(Hash.ZERO, header.parentBeaconBlockRoot());
        assertEquals(EthHeader.EMPTY_REQUESTS_HASH, header.requestsHash());
      }
      assertEquals(50, c.latestHeight());
      assertTrue(c.header(51).isEmpty());
      assertTrue(c.body(51).isEmpty());
      assertTrue(c.blockNumber(Hash.keccak(new byte[] {1})).isEmpty());
      assertTrue(c.txLocation(Hash.keccak(new byte[] {1})).isEmpty());
      assertEquals(List.of(), c.blockReceipts(51));
      assertEquals(List.of(), c.blockReceipts(0), "genesis has no transactions");
      assertEquals(0, c.body(0).orElseThrow().rawTxs().size());
    }
  }

  @Test
  void forkFieldsFollowTheSchedule() {
    AppGenesis base = AppGenesis.parse(TestKeys.genesis(1, FUNDS));
    List<ForkActivation> forks =
        List.of(
            new ForkActivation(Fork.PARIS, 0),
            new ForkActivation(Fork.SHANGHAI, 2),
            new ForkActivation(Fork.CANCUN, 3),
            new ForkActivation(Fork.PRAGUE, 4));
    AppGenesis g =
        new AppGenesis(
            new EvmGenesis(base.evmChainId(), forks, base.evm().accounts()), base.feeMarket());
    try (Chain c = newChain(StateDatabase.inMemory(), ChainOptions.DEFAULT)) {
      c.initChain("zg-forks", 1, g.toJson(), 0);
      for (long h = 1; h <= 4; h++) {
        block(c, h, List.of());
        c.commit();
      }
      assertNull(c.header(1).orElseThrow().withdrawalsRoot(), "Paris");
      assertNotNull(c.header(2).orElseThrow().withdrawalsRoot(), "Shanghai");
      assertNull(c.header(2).orElseThrow().blobGasUsed());
      assertNotNull(c.header(3).orElseThrow().parentBeaconBlockRoot(), "Cancun");
      assertNull(c.header(3).orElseThrow().requestsHash());
      assertNotNull(c.header(4).orElseThrow().requestsHash(), "Prague");
      for (long h = 1; h <= 4; h++) {
        assertEquals(c.header(h - 1).orElseThrow().hash(), c.header(h).orElseThrow().parentHash());
      }
    }
  }

  @Test
  void aCrashBetweenFinalizeAndCommitLeavesNothing(@TempDir Path dir) {
    byte[] tx3 = transfer(0, 2);
    Hash root0;
    try (Chain c = newChain(StateDatabase.open(dir), ChainOptions.DEFAULT)) {
      c.initChain("zg-crash", 1, TestKeys.genesis(2, FUNDS), GENESIS_TIME);
      root0 = c.header(0).orElseThrow().stateRoot();
      block(c, 1, List.of(transfer(0, 0)));
      c.commit();
      block(c, 2, List.of(transfer(0, 1)));
      c.commit();
      block(c, 3, List.of(tx3));
      // the process dies here: FinalizeBlock ran, Commit did not
    }
    Hash hash3;
    try (Chain c = newChain(StateDatabase.open(dir), ChainOptions.DEFAULT)) {
      assertEquals(2, c.latestHeight());
      assertTrue(c.header(3).isEmpty());
      assertTrue(c.body(3).isEmpty());
      assertTrue(c.txLocation(Hash.keccak(tx3)).isEmpty());
      assertNull(c.receipt(Hash.keccak(tx3)));
      assertEquals(List.of(), c.blockReceipts(3));
      assertThrows(IllegalArgumentException.class, () -> c.stateAt(3));
      // Everything of the committed heights is there, and the genesis state is rebuilt from disk.
      for (long h = 0; h <= 2; h++) {
        EthHeader header = c.header(h).orElseThrow();
        assertEquals(h, c.blockNumber(header.hash()).orElseThrow());
        assertTrue(c.body(h).isPresent());
      }
      assertEquals(root0, c.stateAt(0).stateRoot());
      assertEquals(FUNDS, c.stateAt(0).account(TestKeys.address(0)).balance());
      assertArrayEquals(HistoryStorage.CODE, c.stateAt(0).code(HistoryStorage.ADDRESS));
      WorldUpdater scratch = c.scratchUpdaterAt(0);
      assertEquals(root0, scratch.computeStateRoot());
      assertNotEquals(
          FUNDS, c.stateAt(2).account(TestKeys.address(0)).balance(), "height 2 paid fees");
      // CometBFT replays height 3.
      block(c, 3, List.of(tx3));
      c.commit();
      EthHeader header3 = c.header(3).orElseThrow();
      hash3 = header3.hash();
      assertEquals(c.header(2).orElseThrow().hash(), header3.parentHash());
      assertEquals(3, c.txLocation(Hash.keccak(tx3)).orElseThrow().blockNumber());
      assertNotNull(c.receipt(Hash.keccak(tx3)));
    }
    StateDatabase db = StateDatabase.open(dir);
    try (Chain c = newChain(db, ChainOptions.DEFAULT)) {
      assertEquals(3, c.blockNumber(hash3).orElseThrow());
      assertTrue(db.families().containsAll(Chain.FAMILIES), "families: " + db.families());
    }
  }

  @Test
  void retentionRefusesPrunedHeightsButKeepsBlocks() {
    try (Chain c = newChain(StateDatabase.inMemory(), new ChainOptions(false, 3))) {
      c.initChain("zg-retain", 1, TestKeys.genesis(1, FUNDS), 0);
      assertEquals(0, c.earliestStateHeight());
      for (long h = 1; h <= 10; h++) {
        block(c, h, List.of(transfer(0, h - 1)));
        c.commit();
      }
      assertEquals(8, c.earliestStateHeight());
      PrunedHeightException e = assertThrows(PrunedHeightException.class, () -> c.stateAt(7));
      assertEquals(7, e.height());
      assertEquals(8, e.earliest());
      assertTrue(e.getMessage().contains("pruned"), e.getMessage());
      assertThrows(PrunedHeightException.class, () -> c.stateAt(0));
      assertThrows(PrunedHeightException.class, () -> c.scratchUpdaterAt(7));
      assertNull(c.viewAt(7));
      assertEquals(8, c.stateAt(8).account(TestKeys.address(0)).nonce());
      assertEquals(10, c.stateAt(10).account(TestKeys.address(0)).nonce());
      assertEquals(9, c.scratchUpdaterAt(9).account(TestKeys.address(0)).nonce());
      IllegalArgumentException above =
          assertThrows(IllegalArgumentException.class, () -> c.stateAt(11));
      assertTrue(above.getMessage().contains("above the latest height 10"), above.getMessage());
      assertTrue(c.header(1).isPresent(), "headers outlive the state window");
      assertEquals(1, c.blockReceipts(1).size());
    }
  }

  @Test
  void archiveServesEveryHeightFromGenesis() {
    try (Chain c = newChain(StateDatabase.inMemory(), ChainOptions.DEFAULT)) {
      assertThrows(IllegalArgumentException.class, () -> c.stateAt(0), "no InitChain yet");
      c.initChain("zg-archive", 1, TestKeys.genesis(1, FUNDS), 0);
      assertEquals(FUNDS, c.stateAt(0).account(TestKeys.address(0)).balance(), "before commit");
      assertEquals(
          FUNDS, c.scratchUpdaterAt(0).account(TestKeys.address(0)).balance(), "before commit");
      for (long h = 1; h <= 5; h++) {
        block(c, h, List.of(transfer(0, h - 1)));
        c.commit();
      }
      assertEquals(0, c.earliestStateHeight());
      WorldView g = c.stateAt(0);
      assertEquals(FUNDS, g.account(TestKeys.address(0)).balance());
      assertEquals(0, g.account(TestKeys.address(0)).nonce());
      assertEquals(1, g.account(HistoryStorage.ADDRESS).nonce(), "system contract at genesis");
      for (long h = 1; h <= 5; h++) {
        assertEquals(h, c.stateAt(h).account(TestKeys.address(0)).nonce());
      }
      assertEquals(c.header(3).orElseThrow().stateRoot(), c.scratchUpdaterAt(3).stateRoot());
    }
  }

  @Test
  void blockContextsComeFromTheHeaders() {
    try (Chain c = newChain(StateDatabase.inMemory(), ChainOptions.DEFAULT)) {
      c.initChain("zg-ctx", 1, TestKeys.genesis(1, FUNDS), GENESIS_TIME);
      for (long h = 1; h <= 3; h++) {
        block(c, h, List.of(transfer(0, h - 1)));
        c.commit();
      }
      EthHeader h2 = c.header(2).orElseThrow();
      BlockContext ctx = c.blockContext(2);
      assertEquals(2, ctx.height());
      assertEquals(h2.timestamp(), ctx.timestampSeconds());
      assertEquals(h2.baseFeePerGas(), ctx.baseFee());
      assertEquals(h2.gasLimit(), ctx.gasLimit());
      assertEquals(h2.mixHash(), ctx.randomness());
      assertEquals(BigInteger.valueOf(TestKeys.CHAIN_ID), ctx.chainId());
      assertEquals(c.params().forkAt(2), ctx.fork());
      assertEquals(c.header(1).orElseThrow().hash(), ctx.blockHashes().apply(1));
      assertEquals(c.header(0).orElseThrow().hash(), ctx.blockHashes().apply(0));
      assertThrows(IllegalArgumentException.class, () -> c.blockContext(4));

      BlockContext pending = c.pendingContext();
      assertEquals(4, pending.height());
      assertEquals(c.header(3).orElseThrow().timestamp(), pending.timestampSeconds());
      assertEquals(c.nextBaseFee(), pending.baseFee());
      assertEquals(Hash.ZERO, pending.randomness());
      assertEquals(c.header(3).orElseThrow().hash(), pending.blockHashes().apply(3));
    }
  }

  /** Runtime: SSTORE(0, BLOCKHASH(NUMBER - 1)); STOP. */
  private static final String BLOCKHASH_RUNTIME = "600143034060005500";

  /** Init code: CODECOPY the 9-byte runtime that follows it and RETURN it. */
  private static final String BLOCKHASH_INIT = "6009600c60003960096000f3" + BLOCKHASH_RUNTIME;

  private static Transaction call(int from, long nonce, Address to, String data, long gas) {
    return TransactionBuilder.eip1559()
        .chainId(TestKeys.CHAIN_ID)
        .nonce(nonce)
        .maxPriorityFeePerGas(TestKeys.GWEI)
        .maxFeePerGas(TestKeys.GWEI.multiply(BigInteger.TWO))
        .gasLimit(gas)
        .to(to)
        .data(Hex.decode(data))
        .sign(TestKeys.key(from));
  }

  @Test
  void blockhashAndHistoryStorageSeeEthereumHashes() {
    try (Chain c = newChain(StateDatabase.inMemory(), ChainOptions.DEFAULT)) {
      c.initChain("zg-blockhash", 1, TestKeys.genesis(1, FUNDS), 0);
      block(c, 1, List.of());
      c.commit();
      Transaction deploy = call(0, 0, null, BLOCKHASH_INIT, 200_000);
      block(c, 2, List.of(deploy.encoded()));
      c.commit();
      Address contract = c.receipt(deploy.hash()).contractAddress();
      assertEquals(BLOCKHASH_RUNTIME, Hex.encodePlain(c.committedView().code(contract)));
      Transaction probe = call(0, 1, contract, "", 100_000);
      BlockResult r = block(c, 3, List.of(probe.encoded()));
      assertTrue(r.txResults().get(0).ok(), r.txResults().get(0).log());
      c.commit();
      Hash hash2 = c.header(2).orElseThrow().hash();
      assertEquals(hash2, c.committedView().storage(contract, Hash.ZERO), "BLOCKHASH(2) in 3");
      assertNotEquals(Hash.wrap(cometHash(2)), hash2);
      byte[] slot = new byte[32];
      slot[31] = 2;
      assertEquals(
          hash2,
          c.committedView().storage(HistoryStorage.ADDRESS, Hash.wrap(slot)),
          "EIP-2935 slot of block 2");
    }
  }

  @Test
  void theGenesisHashIsSeenByTheFirstBlock() {
    try (Chain c = newChain(StateDatabase.inMemory(), ChainOptions.DEFAULT)) {
      c.initChain("zg-first", 1, TestKeys.genesis(1, FUNDS), 0);
      Hash genesisHash = c.header(0).orElseThrow().hash();
      block(c, 1, List.of());
      assertEquals(genesisHash, c.header(0).orElseThrow().hash());
      c.commit();
      assertEquals(genesisHash, c.header(1).orElseThrow().parentHash());
      assertEquals(
          genesisHash,
          c.committedView().storage(HistoryStorage.ADDRESS, Hash.ZERO),
          "EIP-2935 slot 0: the genesis hash");
    }
  }

  /** Records what the chain tells its listeners. */
  private static final class Recorder implements ChainListener {
    final List<CommittedBlock> blocks = new ArrayList<>();
    final List<PendingTx> pending = new ArrayList<>();

    @Override
    public void onBlockCommitted(CommittedBlock block) {
      blocks.add(block);
    }

    @Override
    public void onPendingTransaction(PendingTx tx) {
      pending.add(tx);
    }
  }

  @Test
  void pendingPoolAndListenersFollowCheckTxAndCommit() {
    // A listener that throws is logged and kept; capture the log instead of printing it.
    java.util.logging.Logger log = java.util.logging.Logger.getLogger(Chain.class.getName());
    List<java.util.logging.LogRecord> logged = new ArrayList<>();
    java.util.logging.Handler capture =
        new java.util.logging.Handler() {
          @Override
          public void publish(java.util.logging.LogRecord r) {
            logged.add(r);
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    log.addHandler(capture);
    log.setUseParentHandlers(false);
    try {
      runPoolAndListeners();
    } finally {
      log.removeHandler(capture);
      log.setUseParentHandlers(true);
    }
    // 4 blocks and 3 new transactions reached the broken listener
    assertEquals(7, logged.size(), "each listener failure is logged");
    assertTrue(logged.get(0).getMessage().contains("listener failed"), logged.get(0).getMessage());
  }

  private static void runPoolAndListeners() {
    try (Chain c = newChain(StateDatabase.inMemory(), ChainOptions.DEFAULT)) {
      c.addListener(
          new ChainListener() {
            @Override
            public void onBlockCommitted(CommittedBlock block) {
              throw new IllegalStateException("a broken listener");
            }

            @Override
            public void onPendingTransaction(PendingTx tx) {
              throw new IllegalStateException("a broken listener");
            }
          });
      Recorder rec = new Recorder();
      c.addListener(rec);
      c.initChain("zg-pool", 1, TestKeys.genesis(2, FUNDS), 0);
      block(c, 1, List.of());
      c.commit();
      assertEquals(1, rec.blocks.size(), "the genesis is not announced, block 1 is");
      assertEquals(1, rec.blocks.get(0).header().number());

      byte[] a0 = transfer(0, 0);
      byte[] a1 = transfer(0, 1);
      byte[] a2 = transfer(0, 2);
      for (byte[] raw : List.of(a0, a1, a2)) {
        assertTrue(c.checkTx(raw).accepted());
      }
      assertEquals(3, rec.pending.size());
      assertEquals(Hash.keccak(a0), rec.pending.get(0).hash());
      assertEquals(TestKeys.address(0), rec.pending.get(0).sender());
      assertEquals(3, c.pendingPool().size());
      assertEquals(3, c.pendingNonce(TestKeys.address(0)));
      assertTrue(c.pendingPool().byHash(Hash.keccak(a1)).isPresent());

      // A block includes a0 and a competing transaction of account 1's.
      byte[] b0 = transfer(1, 0);
      block(c, 2, List.of(a0, b0));
      c.commit();
      assertTrue(c.pendingPool().byHash(Hash.keccak(a0)).isEmpty(), "included: gone");
      assertEquals(2, c.pendingPool().size());
      assertEquals(3, c.pendingNonce(TestKeys.address(0)));
      CommittedBlock announced = rec.blocks.get(1);
      assertEquals(c.header(2).orElseThrow(), announced.header());
      assertEquals(announced.header().hash(), announced.hash());
      assertEquals(List.of(Hash.keccak(a0), Hash.keccak(b0)), announced.body().txHashes());
      assertEquals(2, announced.receipts().size());

      // CometBFT rechecks what is left: accepted rechecks are not announced again.
      assertTrue(c.checkTx(a1, true).accepted());
      assertEquals(3, rec.pending.size());
      block(c, 3, List.of(a1));
      c.commit();
      // CometBFT rechecks a2 after that commit; then another node's block takes nonce 2 with a
      // different transaction, so a2's next recheck is refused and it leaves the pool.
      assertTrue(c.checkTx(a2, true).accepted());
      assertEquals(1, c.pendingPool().size());
      byte[] a2other = TestKeys.transfer(0, 2, TestKeys.address(8), BigInteger.TWO).encoded();
      block(c, 4, List.of(a2other));
      c.commit();
      assertTrue(c.pendingPool().byHash(Hash.keccak(a2)).isPresent(), "pending until rechecked");
      assertFalse(c.checkTx(a2, true).accepted());
      assertTrue(c.pendingPool().byHash(Hash.keccak(a2)).isEmpty(), "a refused recheck drops it");
      assertEquals(0, c.pendingPool().size());
      assertEquals(3, c.pendingNonce(TestKeys.address(0)));
      assertEquals(3, rec.pending.size(), "rechecks are never announced");
      assertEquals(4, rec.blocks.size());
      assertEquals(
          List.of(1L, 2L, 3L, 4L),
          rec.blocks.stream().map(b -> b.header().number()).toList(),
          "announced in order, each once");
    }
  }

  @Test
  void logQueriesCheckTheirRange() {
    try (Chain c = newChain(StateDatabase.inMemory(), ChainOptions.DEFAULT)) {
      c.initChain("zg-range", 1, TestKeys.genesis(1, FUNDS), 0);
      block(c, 1, List.of());
      c.commit();
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class, () -> c.logs(LogFilter.ANY, 1, 0, 1000, 1000));
      assertTrue(e.getMessage().contains("after toBlock"), e.getMessage());
      e =
          assertThrows(
              IllegalArgumentException.class, () -> c.logs(LogFilter.ANY, 0, 2, 1000, 1000));
      assertTrue(e.getMessage().contains("above the latest block 1"), e.getMessage());
      assertEquals(List.of(), c.logs(LogFilter.ANY, 0, 1, 1000, 1000));
    }
  }

  @Test
  void readsRunWhileBlocksCommit() throws Exception {
    try (Chain c = newChain(StateDatabase.inMemory(), ChainOptions.DEFAULT)) {
      c.initChain("zg-concurrent", 1, TestKeys.genesis(1, FUNDS), 0);
      block(c, 1, List.of());
      c.commit();
      java.util.concurrent.atomic.AtomicBoolean done =
          new java.util.concurrent.atomic.AtomicBoolean();
      java.util.concurrent.atomic.AtomicLong reads = new java.util.concurrent.atomic.AtomicLong();
      List<java.util.concurrent.Future<?>> readers = new ArrayList<>();
      java.util.concurrent.ExecutorService pool =
          java.util.concurrent.Executors.newFixedThreadPool(3);
      try {
        for (int t = 0; t < 3; t++) {
          readers.add(
              pool.submit(() -> {
                while (!done.get()) {
                  long latest = c.latestHeight();
                  EthHeader head = c.header(latest).orElseThrow();
                  assertEquals(latest, c.blockNumber(head.hash()).orElseThrow());
                  assertEquals(head.stateRoot(), c.stateAt(latest).stateRoot());
                  assertEquals(latest - 1, c.stateAt(latest).account(TestKeys.address(0)).nonce());
                  assertEquals(c.header(latest - 1).orElseThrow().hash(), head.parentHash());
                  assertEquals(latest >= 2 ? 1 : 0, c.body(latest).orElseThrow().rawTxs().size());
                  assertEquals(List.of(), c.logs(LogFilter.ANY, 1, latest, 0, 0));
                  reads.incrementAndGet();
                }
                return null;
              }));
        }
        for (long h = 2; h <= 60; h++) {
          block(c, h, List.of(transfer(0, h - 2)));
          c.commit();
        }
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (reads.get() < 50 && System.nanoTime() < deadline) {
          Thread.onSpinWait();
        }
      } finally {
        done.set(true);
        pool.shutdown();
      }
      for (java.util.concurrent.Future<?> f : readers) {
        f.get(); // rethrows a reader's failure
      }
      assertTrue(reads.get() >= 50, "readers ran: " + reads.get());
    }
  }

  @Test
  void blockQueryAnswersTheHeader() {
    try (Chain c = newChain(StateDatabase.inMemory(), ChainOptions.DEFAULT)) {
      c.initChain("zg-query", 1, TestKeys.genesis(1, FUNDS), 0);
      byte[] raw = transfer(0, 0);
      block(c, 1, List.of(raw));
      c.commit();
      EthHeader h = c.header(1).orElseThrow();
      String json =
          new String(
              c.query("/evm/block/1", new byte[0], 0).value(),
              java.nio.charset.StandardCharsets.UTF_8);
      assertTrue(json.contains("\"hash\":\"" + h.hash().toHex() + "\""), json);
      assertTrue(json.contains(Hash.keccak(raw).toHex()), json);
      assertEquals(
          json,
          new String(
              c.query("/evm/block", new byte[0], 0).value(),
              java.nio.charset.StandardCharsets.UTF_8));
      assertEquals(4, c.query("/evm/block/7", new byte[0], 0).code());
      assertEquals(2, c.query("/evm/block/x", new byte[0], 0).code());
    }
  }
}
