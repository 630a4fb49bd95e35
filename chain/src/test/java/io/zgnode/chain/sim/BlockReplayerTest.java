package io.zgnode.chain.sim;

import static io.zgnode.chain.sim.SimFixture.CALLER;
import static io.zgnode.chain.sim.SimFixture.STORE;
import static io.zgnode.chain.sim.SimFixture.address;
import static io.zgnode.chain.sim.SimFixture.word;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zgnode.chain.receipt.Receipt;
import io.zgnode.evm.frame.MessageFrame;
import io.zgnode.evm.tracing.Tracer;
import io.zgnode.evm.tx.Transaction;
import io.zgnode.evm.types.Hash;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlockReplayerTest {
  /** Records the frames it sees. */
  private static final class Frames implements Tracer {
    final List<String> seen = new ArrayList<>();

    @Override
    public void onFrameStart(MessageFrame frame) {
      seen.add(frame.depth() + ":" + frame.recipient());
    }
  }

  @Test
  void replaysLikeTheBlockDid() throws Exception {
    try (SimFixture f = new SimFixture()) {
      Transaction transfer = f.tx(1, address(2), BigInteger.TEN, 21_000, new byte[0]);
      Transaction call = f.tx(0, CALLER, BigInteger.ZERO, 200_000, word(8).toArray());
      Transaction second = TxOrder.next(f, 0, STORE, word(0).toArray());
      f.mine(transfer, call, second);
      long h = f.height;
      BlockReplayer replayer = new BlockReplayer(f.chain);
      List<Frames> tracers = new ArrayList<>();
      List<BlockReplayer.ReplayedTx> all =
          replayer.replayBlock(
              h,
              i -> {
                Frames t = new Frames();
                tracers.add(t);
                return t;
              },
              Deadline.after(Duration.ofSeconds(5)));
      List<Receipt> receipts = f.chain.blockReceipts(h);
      assertEquals(3, all.size());
      for (int i = 0; i < 3; i++) {
        Receipt replayed = all.get(i).executed().receipt();
        assertEquals(receipts.get(i).gasUsed(), replayed.gasUsed());
        assertEquals(receipts.get(i).cumulativeGasUsed(), replayed.cumulativeGasUsed());
        assertEquals(receipts.get(i).success(), replayed.success());
        assertEquals(receipts.get(i).txHash(), all.get(i).txHash());
      }
      // the traced plain transfer runs through the EVM and shows its frame
      assertEquals(List.of("0:" + address(2)), tracers.get(0).seen);
      assertEquals(List.of("0:" + CALLER, "1:" + STORE), tracers.get(1).seen);

      Frames one = new Frames();
      BlockReplayer.ReplayedTx t = replayer.replayTransaction(second.hash(), one, Deadline.none());
      assertEquals(2, t.index());
      assertTrue(t.executed().receipt().success());
      assertEquals(List.of("0:" + STORE), one.seen);
      // the state it replayed on had the earlier transactions: slot 0 was 8 before the clear
      assertEquals(receipts.get(2).gasUsed(), t.executed().receipt().gasUsed());

      SimulationException missing =
          assertThrows(
              SimulationException.class,
              () -> replayer.replayTransaction(Hash.keccak(new byte[] {1}), one, Deadline.none()));
      assertEquals("transaction not found", missing.getMessage());
      assertThrows(
          SimulationException.class, () -> replayer.replayBlock(0, i -> null, Deadline.none()));
    }
  }

  /** Builds a sender's second transaction in the same block. */
  private static final class TxOrder {
    static Transaction next(SimFixture f, int from, io.zgnode.evm.types.Address to, byte[] data) {
      return io.zgnode.evm.tx.TransactionBuilder.eip1559()
          .chainId(SimFixture.CHAIN_ID)
          .nonce(f.nonce(from) + 1)
          .maxPriorityFeePerGas(SimFixture.GWEI)
          .maxFeePerGas(SimFixture.GWEI.multiply(BigInteger.valueOf(100)))
          .gasLimit(100_000)
          .to(to)
          .data(data)
          .sign(SimFixture.key(from));
    }
  }
}
