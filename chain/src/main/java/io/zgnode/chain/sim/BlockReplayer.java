package io.zgnode.chain.sim;

import io.zgnode.chain.Chain;
import io.zgnode.chain.block.BlockBody;
import io.zgnode.chain.exec.BlockContext;
import io.zgnode.chain.exec.BlockExecutor;
import io.zgnode.chain.exec.EvmTxExecutor;
import io.zgnode.chain.exec.TxOutcome;
import io.zgnode.chain.receipt.Receipt;
import io.zgnode.chain.system.HistoryStorage;
import io.zgnode.chain.tx.DecodedTx;
import io.zgnode.evm.tracing.Tracer;
import io.zgnode.evm.tx.Transaction;
import io.zgnode.evm.types.Hash;
import io.zgnode.state.world.WorldUpdater;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Re-executes a committed block on a scratch copy of its parent state, exactly as {@code
 * Chain.finalizeBlock} executed it (the EIP-2935 history store first, then the transactions through
 * the same {@link BlockExecutor}), so a tracer attached to a transaction sees what the chain ran.
 *
 * <p>Thread-safe: each replay has its own state and executor.
 */
public final class BlockReplayer {
  private final Chain chain;

  public BlockReplayer(Chain chain) {
    this.chain = chain;
  }

  /**
   * One replayed transaction.
   *
   * @param tx the transaction, null when its bytes do not decode
   * @param executed its outcome and receipt when it was included, else null
   * @param error why it was not included (the block's rejection message), else null
   */
  public record ReplayedTx(
      Hash txHash, int index, Transaction tx, EvmTxExecutor.Executed executed, String error) {}

  /**
   * Replays the block holding {@code txHash} up to that transaction and runs it with {@code
   * tracer}.
   *
   * @throws SimulationException NOT_FOUND for an unknown transaction, TIMEOUT when the deadline
   *     passes
   */
  public ReplayedTx replayTransaction(Hash txHash, Tracer tracer, Deadline deadline)
      throws SimulationException {
    var location =
        chain
            .txLocation(txHash)
            .orElseThrow(() ->
                new SimulationException(
                    SimulationException.Kind.NOT_FOUND, "transaction not found"));
    long height = location.blockNumber();
    BlockBody body = body(height);
    int index = body.txHashes().indexOf(txHash);
    if (index < 0) {
      throw new SimulationException(
          SimulationException.Kind.NOT_FOUND,
          "transaction " + txHash + " not found in block " + height);
    }
    List<ReplayedTx> out = replay(height, body, index, i -> i == index ? tracer : null, deadline);
    return out.get(out.size() - 1);
  }

  /**
   * Replays block {@code height}, running every transaction with the tracer {@code tracerFor} gives
   * for its index.
   *
   * @throws SimulationException NOT_FOUND for an unknown height or genesis, TIMEOUT
   */
  public List<ReplayedTx> replayBlock(long height, IntFunction<Tracer> tracerFor, Deadline deadline)
      throws SimulationException {
    if (height == 0) {
      throw new SimulationException(SimulationException.Kind.NOT_FOUND, "genesis is not traceable");
    }
    BlockBody body = body(height);
    return replay(height, body, body.rawTxs().size() - 1, tracerFor, deadline);
  }

  private BlockBody body(long height) throws SimulationException {
    return chain
        .body(height)
        .orElseThrow(() ->
            new SimulationException(
                SimulationException.Kind.NOT_FOUND, "block #" + height + " not found"));
  }

  /** Replays transactions 0..last; a null tracer means the transaction runs untraced. */
  private List<ReplayedTx> replay(
      long height, BlockBody body, int last, IntFunction<Tracer> tracerFor, Deadline deadline)
      throws SimulationException {
    WorldUpdater world;
    BlockContext ctx;
    try {
      world = chain.scratchUpdaterAt(height - 1);
      ctx = chain.blockContext(height);
    } catch (IllegalArgumentException e) {
      throw new SimulationException(SimulationException.Kind.NOT_FOUND, "header not found");
    }
    HistoryStorage.beginBlock(world, ctx.fork(), height, ctx.blockHashes().apply(height - 1));
    List<DecodedTx> decoded = chain.decoder().decodeAll(body.rawTxs().subList(0, last + 1));
    List<ReplayedTx> out = new ArrayList<>(decoded.size());
    BlockExecutor.Watcher watcher =
        new BlockExecutor.Watcher() {
          @Override
          public Tracer before(int index) {
            deadline.check();
            Tracer traced = tracerFor.apply(index);
            return traced == null ? Tracer.NO_OP : new GuardTracer(deadline, traced);
          }

          @Override
          public void after(int index, TxOutcome outcome, Receipt receipt) {
            Hash hash = body.txHashes().get(index);
            Transaction tx = decoded.get(index) instanceof DecodedTx.Valid ok ? ok.tx() : null;
            out.add(
                receipt == null
                    ? new ReplayedTx(hash, index, tx, null, outcome.log())
                    : new ReplayedTx(
                        hash, index, tx, new EvmTxExecutor.Executed(outcome, receipt), null));
          }
        };
    try {
      new BlockExecutor().execute(world, ctx, decoded, watcher);
    } catch (DeadlineExceededException e) {
      throw new SimulationException(SimulationException.Kind.TIMEOUT, e.getMessage());
    }
    return out;
  }
}
