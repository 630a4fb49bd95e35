package io.zgnode.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zgnode.chain.block.BlockStore;
import io.zgnode.chain.block.IndexedLog;
import io.zgnode.chain.block.LogFilter;
import io.zgnode.chain.block.LogQueryLimitException;
import io.zgnode.chain.receipt.Receipt;
import io.zgnode.chain.tx.TxDecoder;
import io.zgnode.evm.bytes.Hex;
import io.zgnode.evm.tx.Transaction;
import io.zgnode.evm.tx.TransactionBuilder;
import io.zgnode.evm.types.Address;
import io.zgnode.evm.types.Hash;
import io.zgnode.state.db.KeyValueStore;
import io.zgnode.state.db.MemoryKeyValueStore;
import io.zgnode.state.db.WriteBatch;
import io.zgnode.state.store.StateDatabase;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiPredicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * eth_getLogs over a wide range reads only the blocks its address and topic criteria can match.
 * Reads are counted by a key-value store that counts point lookups per column family.
 */
class LogQueryTest {

  /** Counts get() per column family. */
  static final class CountingStore implements KeyValueStore {
    private final KeyValueStore inner = new MemoryKeyValueStore();
    final Map<String, AtomicLong> gets = new ConcurrentHashMap<>();

    long gets(String family) {
      AtomicLong n = gets.get(family);
      return n == null ? 0 : n.get();
    }

    void reset() {
      gets.clear();
    }

    @Override
    public Set<String> families() {
      return inner.families();
    }

    @Override
    public void ensureFamily(String name) {
      inner.ensureFamily(name);
    }

    @Override
    public byte[] get(String family, byte[] key) {
      gets.computeIfAbsent(family, f -> new AtomicLong()).incrementAndGet();
      return inner.get(family, key);
    }

    @Override
    public void forEach(
        String family, byte[] from, byte[] to, BiPredicate<byte[], byte[]> visitor) {
      inner.forEach(family, from, to, visitor);
    }

    @Override
    public WriteBatch newBatch() {
      return inner.newBatch();
    }

    @Override
    public void write(WriteBatch batch) {
      inner.write(batch);
    }

    @Override
    public void close() {
      inner.close();
    }
  }

  /** Runtime: LOG1 with topic CALLDATALOAD(0) and no data; STOP. */
  private static final String EMITTER = "60003560006000a100";

  private static final String EMITTER_INIT = "6009600c60003960096000f3" + EMITTER;
  private static final Hash COMMON = Hash.keccak(new byte[] {'c'});
  private static final Hash RARE = Hash.keccak(new byte[] {'r'});
  private static final long LAST = 121;

  private static CountingStore store;
  private static Chain chain;
  private static Address a;
  private static Address b;
  private static Address noisy;

  private static Transaction tx(int from, long nonce, Address to, String data, long gas) {
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

  private static void run(long height, List<Transaction> txs) {
    List<byte[]> raws = txs.stream().map(Transaction::encoded).toList();
    BlockResult r = chain.finalizeBlock(new BlockInput(height, height, new byte[20], raws));
    r.txResults().forEach(o -> assertTrue(o.ok(), o.log()));
    chain.commit();
  }

  /**
   * Block 1 deploys emitters A, B and a noisy one; blocks 2 to 121 each carry a log of the noisy
   * emitter with topic COMMON; A logs RARE in blocks 40 and 100, B in block 70.
   */
  @BeforeAll
  static void buildChain() {
    store = new CountingStore();
    chain =
        new Chain(
            StateDatabase.over(store, StateDatabase.Config.DEFAULT),
            TxDecoder.withDefaults(),
            ChainOptions.DEFAULT);
    chain.initChain("zg-logs", 1, TestKeys.genesis(2, TestKeys.ETH.multiply(BigInteger.TEN)), 0);
    List<Transaction> deploys = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      deploys.add(tx(0, i, null, EMITTER_INIT, 200_000));
    }
    run(1, deploys);
    a = chain.receipt(deploys.get(0).hash()).contractAddress();
    b = chain.receipt(deploys.get(1).hash()).contractAddress();
    noisy = chain.receipt(deploys.get(2).hash()).contractAddress();
    long nonce0 = 3;
    for (long h = 2; h <= LAST; h++) {
      List<Transaction> txs = new ArrayList<>();
      txs.add(tx(1, h - 2, noisy, COMMON.toHex().substring(2), 100_000));
      if (h == 40 || h == 100) {
        txs.add(tx(0, nonce0++, a, RARE.toHex().substring(2), 100_000));
      } else if (h == 70) {
        txs.add(tx(0, nonce0++, b, RARE.toHex().substring(2), 100_000));
      }
      run(h, txs);
    }
  }

  @AfterAll
  static void close() {
    chain.close();
  }

  @BeforeEach
  void resetCounts() {
    store.reset();
  }

  private static List<IndexedLog> logs(LogFilter f) {
    return chain.logs(f, 1, LAST, 10_000, 10_000);
  }

  private static LogFilter byAddress(Address... addresses) {
    return new LogFilter(List.of(addresses), List.of());
  }

  private static LogFilter byTopic0(Hash... topics) {
    return new LogFilter(List.of(), List.of(List.of(topics)));
  }

  @Test
  void anAddressFilterReadsOnlyTheBlocksOfThatAddress() {
    List<IndexedLog> found = logs(byAddress(a));
    assertEquals(List.of(40L, 100L), found.stream().map(IndexedLog::blockNumber).toList());
    assertEquals(2, store.gets(BlockStore.CF_BODIES), "two bodies read out of " + LAST);
    assertEquals(4, store.gets(BlockStore.CF_RECEIPTS), "their two receipts each");
    for (IndexedLog l : found) {
      assertEquals(a, l.log().address());
      assertEquals(RARE, l.log().topics().get(0));
      assertEquals(chain.header(l.blockNumber()).orElseThrow().hash(), l.blockHash());
      var loc = chain.txLocation(l.txHash()).orElseThrow();
      assertEquals(loc.index(), l.txIndex());
      assertEquals(l.blockNumber(), loc.blockNumber());
      Receipt r = chain.receipt(l.txHash());
      assertEquals(r.firstLogIndex(), l.logIndex());
      assertEquals(1, l.logIndex(), "after the noisy log of the block's first transaction");
    }
  }

  @Test
  void aTopicFilterReadsOnlyTheBlocksWithThatTopic() {
    List<IndexedLog> found = logs(byTopic0(RARE));
    assertEquals(List.of(40L, 70L, 100L), found.stream().map(IndexedLog::blockNumber).toList());
    assertEquals(3, store.gets(BlockStore.CF_BODIES));
    assertEquals(List.of(a, b, a), found.stream().map(l -> l.log().address()).toList());
    assertEquals(3, logs(new LogFilter(List.of(a, b), List.of(List.of(RARE, COMMON)))).size());
  }

  @Test
  void criteriaIntersect() {
    // The index intersects per block: blocks 40 and 100 hold a log of A's and a COMMON log (of
    // the noisy emitter), so they are read, and the exact match refuses both logs.
    assertEquals(List.of(), logs(new LogFilter(List.of(a), List.of(List.of(COMMON)))));
    assertEquals(2, store.gets(BlockStore.CF_BODIES));
    store.reset();
    assertEquals(List.of(), logs(new LogFilter(List.of(b), List.of(List.of(Hash.ZERO)))));
    assertEquals(0, store.gets(BlockStore.CF_BODIES), "no block has both terms");
    // A constraint on the second topic: these logs have one topic only.
    assertEquals(List.of(), logs(new LogFilter(List.of(), List.of(List.of(), List.of(RARE)))));
    assertEquals(0, store.gets(BlockStore.CF_BODIES));
    // A fifth topic position can never match.
    List<List<Hash>> five = List.of(List.of(), List.of(), List.of(), List.of(), List.of(RARE));
    assertEquals(List.of(), logs(new LogFilter(List.of(), five)));
    // Empty topic lists are wildcards.
    assertEquals(2, logs(new LogFilter(List.of(a), List.of(List.of()))).size());
  }

  @Test
  void withoutCriteriaTheBloomSkipsBlocksWithoutLogs() {
    List<IndexedLog> all = logs(LogFilter.ANY);
    assertEquals((LAST - 1) + 3, all.size());
    assertEquals(LAST - 1, store.gets(BlockStore.CF_BODIES), "block 1 (deploys) has no logs");
    long previousBlock = -1;
    int previousIndex = -1;
    for (IndexedLog l : all) {
      if (l.blockNumber() == previousBlock) {
        assertEquals(previousIndex + 1, l.logIndex(), "log indexes count up in a block");
      } else {
        assertTrue(l.blockNumber() > previousBlock, "chain order");
        assertEquals(0, l.logIndex());
      }
      previousBlock = l.blockNumber();
      previousIndex = l.logIndex();
    }
    assertEquals(1, chain.logs(LogFilter.ANY, 50, 50, 1, 1).size());
  }

  @Test
  void limitsAnswerWithTheLimitAndTheRemedy() {
    LogQueryLimitException range =
        assertThrows(
            LogQueryLimitException.class, () -> chain.logs(byAddress(a), 1, LAST, 50, 10_000));
    assertEquals(
        "block range too large: 121 blocks, limit 50; narrow fromBlock/toBlock",
        range.getMessage());
    assertEquals(0, store.gets(BlockStore.CF_BODIES), "refused before reading");
    LogQueryLimitException results =
        assertThrows(
            LogQueryLimitException.class, () -> chain.logs(LogFilter.ANY, 1, LAST, 10_000, 10));
    assertEquals(
        "query returned more than 10 results; narrow the range or the filter",
        results.getMessage());
    assertEquals(3, chain.logs(byTopic0(RARE), 1, LAST, LAST, 3).size(), "exactly at the limit");
    assertThrows(LogQueryLimitException.class, () -> chain.logs(byTopic0(RARE), 1, LAST, LAST, 2));
    assertEquals(120, chain.logs(byAddress(noisy), 1, LAST, 0, 0).size(), "0: no limits");
  }
}
