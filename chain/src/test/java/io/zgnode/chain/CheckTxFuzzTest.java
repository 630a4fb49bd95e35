package io.zgnode.chain;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zgnode.chain.mempool.CheckOutcome;
import io.zgnode.chain.tx.TxDecoder;
import io.zgnode.evm.tx.TransactionBuilder;
import io.zgnode.evm.types.Address;
import io.zgnode.state.store.StateDatabase;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

/**
 * Feeds 100,000 mutated transactions of every type through CheckTx and the proposal path: each must
 * get an answer (accepted or a non-zero code with a reason), never an exception, and a block built
 * from the survivors must execute.
 */
class CheckTxFuzzTest {
  private static final int MUTATIONS = 100_000;

  @Test
  void mutatedTransactionsNeverThrow() {
    Random rnd = new Random(0xF022);
    List<byte[]> seeds = seeds();
    try (Chain c =
        new Chain(
            StateDatabase.inMemory(), new TxDecoder(10_000, ForkJoinPool.commonPool()), false)) {
      c.initChain("zg-fuzz", 1, TestKeys.genesis(4, TestKeys.ETH.multiply(BigInteger.TEN)));
      c.finalizeBlock(new BlockInput(1, 1, new byte[20], List.of()));
      c.commit();
      int accepted = 0;
      List<byte[]> batch = new ArrayList<>();
      for (int i = 0; i < MUTATIONS; i++) {
        byte[] tx = mutate(seeds.get(rnd.nextInt(seeds.size())), rnd);
        CheckOutcome out = c.checkTx(tx);
        assertNotNull(out.code());
        if (out.accepted()) {
          accepted++;
        } else {
          assertTrue(!out.log().isBlank(), "a rejection carries a reason");
        }
        batch.add(tx);
        if (batch.size() == 500) {
          c.processProposal(2, batch);
          c.prepareProposal(2, batch, 1 << 22);
          batch.clear();
        }
      }
      List<byte[]> chosen = c.prepareProposal(2, batch, 1 << 22);
      c.finalizeBlock(new BlockInput(2, 2, new byte[20], chosen));
      c.commit();
      assertTrue(accepted < MUTATIONS, "mutations were mostly refused");
    }
  }

  private static List<byte[]> seeds() {
    Address to = TestKeys.address(1);
    List<byte[]> out = new ArrayList<>();
    for (int n = 0; n < 3; n++) {
      out.add(TestKeys.transfer(0, n, to, BigInteger.ONE).encoded());
      out.add(
          TransactionBuilder.legacy()
              .chainId(TestKeys.CHAIN_ID)
              .nonce(n)
              .gasPrice(TestKeys.GWEI.multiply(BigInteger.TWO))
              .gasLimit(50_000)
              .to(to)
              .data(new byte[] {1, 0, 2})
              .sign(TestKeys.key(1))
              .encoded());
      out.add(
          TransactionBuilder.accessList()
              .chainId(TestKeys.CHAIN_ID)
              .nonce(n)
              .gasPrice(TestKeys.GWEI.multiply(BigInteger.TWO))
              .gasLimit(60_000)
              .to(to)
              .sign(TestKeys.key(2))
              .encoded());
    }
    return out;
  }

  private static byte[] mutate(byte[] seed, Random rnd) {
    byte[] b = seed.clone();
    switch (rnd.nextInt(6)) {
      case 0 -> b[rnd.nextInt(b.length)] ^= (byte) (1 << rnd.nextInt(8));
      case 1 -> b[rnd.nextInt(b.length)] = (byte) rnd.nextInt(256);
      case 2 -> b = java.util.Arrays.copyOf(b, rnd.nextInt(b.length));
      case 3 -> {
        byte[] longer = java.util.Arrays.copyOf(b, b.length + 1 + rnd.nextInt(40));
        for (int i = b.length; i < longer.length; i++) {
          longer[i] = (byte) rnd.nextInt(256);
        }
        b = longer;
      }
      case 4 -> {
        byte[] r = new byte[rnd.nextInt(200)];
        rnd.nextBytes(r);
        b = r;
      }
      default -> {
        for (int k = 0; k < 1 + rnd.nextInt(4); k++) {
          b[rnd.nextInt(b.length)] = (byte) rnd.nextInt(256);
        }
      }
    }
    return b;
  }
}
