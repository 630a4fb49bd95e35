package io.zgnode.chain.exec;

import io.zgnode.chain.RejectedTxException;
import io.zgnode.chain.TxCode;
import io.zgnode.chain.TxRejection;
import io.zgnode.chain.receipt.Receipt;
import io.zgnode.chain.tx.DecodedTx;
import io.zgnode.state.world.WorldUpdater;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a block's transactions in order on the block's working state. A transaction that cannot be
 * included (bad nonce, cannot pay, malformed) gets a failed result and leaves the state exactly as
 * it was; an included one applies, and a revert inside it still pays for its gas, as on Ethereum.
 * Deterministic: the outcome depends only on the state, the context and the transactions.
 */
public final class BlockExecutor {
  private final EvmTxExecutor executor;

  public BlockExecutor() {
    this(new EvmTxExecutor());
  }

  BlockExecutor(EvmTxExecutor executor) {
    this.executor = executor;
  }

  public BlockOutcome execute(WorldUpdater world, BlockContext ctx, List<DecodedTx> txs) {
    List<TxOutcome> results = new ArrayList<>(txs.size());
    List<Receipt> receipts = new ArrayList<>();
    long gasUsed = 0;
    int logIndex = 0;
    for (DecodedTx d : txs) {
      switch (d) {
        case DecodedTx.Invalid bad -> results.add(TxOutcome.rejected(bad.reason(), 0));
        case DecodedTx.Valid ok -> {
          int checkpoint = world.checkpoint();
          try {
            EvmTxExecutor.Executed out =
                executor.apply(
                    world,
                    ctx,
                    ok.tx(),
                    ok.sender(),
                    ctx.gasLimit() - gasUsed,
                    receipts.size(),
                    gasUsed,
                    logIndex);
            world.commitCheckpoint(checkpoint);
            gasUsed += out.outcome().gasUsed();
            logIndex += out.receipt().logs().size();
            results.add(out.outcome());
            receipts.add(out.receipt());
          } catch (RejectedTxException e) {
            world.revertTo(checkpoint);
            results.add(TxOutcome.rejected(e.rejection(), ok.tx().gasLimit()));
          } catch (RuntimeException e) {
            // A bug must not fork the chain silently: every node fails the same way, so record it
            // and leave the state as it was.
            world.revertTo(checkpoint);
            results.add(
                TxOutcome.rejected(
                    TxRejection.of(
                        TxCode.INTERNAL, "internal error: " + e.getClass().getSimpleName()),
                    ok.tx().gasLimit()));
          }
        }
      }
    }
    return new BlockOutcome(results, gasUsed, receipts);
  }
}
