package io.zgnode.chain.exec;

import io.zgnode.chain.RejectedTxException;
import io.zgnode.chain.TxCode;
import io.zgnode.chain.TxRejection;
import io.zgnode.chain.receipt.Receipt;
import io.zgnode.chain.tx.DecodedTx;
import io.zgnode.evm.tracing.Tracer;
import io.zgnode.state.world.WorldUpdater;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a block's transactions in order on the block's working state. A transaction that cannot be
 * included (bad nonce, cannot pay, malformed) gets a failed result and leaves the state exactly as
 * it was; an included one applies, and a revert inside it still pays for its gas, as on Ethereum.
 * Deterministic: the outcome depends only on the state, the context and the transactions.
 *
 * <p>Consensus and debug_trace* replays both run blocks through here, so a replay executes exactly
 * as the block did.
 */
public final class BlockExecutor {
  /**
   * Looks on as a block runs, one transaction at a time (debug_trace* replays). Watching never
   * changes the outcome: a traced transaction only skips the plain-transfer shortcut, which gives
   * the same result.
   */
  public interface Watcher {
    /** Watches nothing: the block runs as consensus runs it. */
    Watcher NONE =
        new Watcher() {
          @Override
          public Tracer before(int index) {
            return Tracer.NO_OP;
          }

          @Override
          public void after(int index, TxOutcome outcome, Receipt receipt) {}
        };

    /**
     * Asked just before transaction {@code index} runs, whether it decodes or not: the tracer to
     * run it with, {@link Tracer#NO_OP} for none. An exception thrown here stops the block.
     */
    Tracer before(int index);

    /**
     * Told after transaction {@code index}: its outcome, and its receipt when it was included (null
     * when it was not).
     */
    void after(int index, TxOutcome outcome, Receipt receipt);
  }

  private final EvmTxExecutor executor;

  public BlockExecutor() {
    this(new EvmTxExecutor());
  }

  BlockExecutor(EvmTxExecutor executor) {
    this.executor = executor;
  }

  public BlockOutcome execute(WorldUpdater world, BlockContext ctx, List<DecodedTx> txs) {
    return execute(world, ctx, txs, Watcher.NONE);
  }

  /**
   * As {@link #execute(WorldUpdater, BlockContext, List)}, with {@code watcher} looking on. An
   * {@link ExecutionAbortedException} out of a tracer stops the block and propagates; the state is
   * then half-way and must be thrown away.
   */
  public BlockOutcome execute(
      WorldUpdater world, BlockContext ctx, List<DecodedTx> txs, Watcher watcher) {
    List<TxOutcome> results = new ArrayList<>(txs.size());
    List<Receipt> receipts = new ArrayList<>();
    long gasUsed = 0;
    int logIndex = 0;
    for (int i = 0; i < txs.size(); i++) {
      Tracer tracer = watcher.before(i);
      TxOutcome outcome;
      Receipt receipt = null;
      switch (txs.get(i)) {
        case DecodedTx.Invalid bad -> outcome = TxOutcome.rejected(bad.reason(), 0);
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
                    logIndex,
                    tracer);
            world.commitCheckpoint(checkpoint);
            gasUsed += out.outcome().gasUsed();
            logIndex += out.receipt().logs().size();
            outcome = out.outcome();
            receipt = out.receipt();
            receipts.add(receipt);
          } catch (RejectedTxException e) {
            world.revertTo(checkpoint);
            outcome = TxOutcome.rejected(e.rejection(), ok.tx().gasLimit());
          } catch (ExecutionAbortedException e) {
            throw e;
          } catch (RuntimeException e) {
            // A bug must not fork the chain silently: every node fails the same way, so record it
            // and leave the state as it was.
            world.revertTo(checkpoint);
            outcome =
                TxOutcome.rejected(
                    TxRejection.of(
                        TxCode.INTERNAL, "internal error: " + e.getClass().getSimpleName()),
                    ok.tx().gasLimit());
          }
        }
      }
      results.add(outcome);
      watcher.after(i, outcome, receipt);
    }
    return new BlockOutcome(results, gasUsed, receipts);
  }
}
