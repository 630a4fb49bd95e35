package io.zgnode.chain.exec;

import io.zgnode.chain.RejectedTxException;
import io.zgnode.chain.TxCode;
import io.zgnode.chain.TxRejection;
import io.zgnode.chain.tx.DecodedTx;
import io.zgnode.state.world.WorldUpdater;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a block's transactions in order on the block's working state. A transaction that cannot be
 * executed (bad nonce, cannot pay, malformed) gets a failed result and leaves the state exactly as
 * it was; the others apply. Deterministic: the outcome depends only on the state, the context and
 * the transactions.
 */
public final class BlockExecutor {
  private final TransferProcessor processor = new TransferProcessor();

  public BlockOutcome execute(WorldUpdater world, BlockContext ctx, List<DecodedTx> txs) {
    List<TxOutcome> results = new ArrayList<>(txs.size());
    long gasUsed = 0;
    for (DecodedTx d : txs) {
      switch (d) {
        case DecodedTx.Invalid bad -> results.add(TxOutcome.rejected(bad.reason(), 0));
        case DecodedTx.Valid ok -> {
          int checkpoint = world.checkpoint();
          try {
            TxOutcome out =
                processor.apply(world, ctx, ok.tx(), ok.sender(), ctx.gasLimit() - gasUsed);
            world.commitCheckpoint(checkpoint);
            gasUsed += out.gasUsed();
            results.add(out);
          } catch (RejectedTxException e) {
            world.revertTo(checkpoint);
            results.add(TxOutcome.rejected(e.rejection(), ok.tx().gasLimit()));
          } catch (RuntimeException e) {
            // A bug must not fork the chain silently: every node fails the same way, so record it
            // and leave the state as it was.
            world.revertTo(checkpoint);
            results.add(
                TxOutcome.rejected(
                    TxRejection.of(TxCode.INTERNAL, "internal error: " + e), ok.tx().gasLimit()));
          }
        }
      }
    }
    return new BlockOutcome(results, gasUsed);
  }
}
