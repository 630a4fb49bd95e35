package io.zgnode.staking;

import static io.zgnode.staking.Fixture.addr;
import static io.zgnode.staking.Fixture.tokens;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zgnode.evm.types.Address;
import io.zgnode.state.store.AppHash;
import io.zgnode.state.store.ModuleUpdater;
import io.zgnode.state.store.StateDatabase;
import io.zgnode.state.world.WorldUpdater;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * End-block cost with 125 bonded validators and 100,000 delegations (target &lt; 5 ms per block),
 * as the chain runs it: the state is committed, and every block gets a fresh module updater over
 * the committed state, one delegation transaction, the end block (timed), and a commit (timed
 * apart). Not JMH: a warm-up, then the mean over many blocks, printed. The assertion bound is loose
 * (the build machine is shared); the printed figure is what the report quotes.
 */
class EndBlockBenchmarkTest {
  private static final int DELEGATIONS = 100_000;

  @Test
  void endBlockIsIndependentOfTheNumberOfDelegations() {
    Fixture f = new Fixture(Fixture.params(3600, 125, tokens(2)));
    for (int i = 1; i <= 125; i++) {
      f.createValidator(i, tokens(1000 + i));
    }
    f.endBlock();
    long setupStart = System.nanoTime();
    for (int d = 0; d < DELEGATIONS; d++) {
      Address delegator = Address.fromLong(1_000_000L + d);
      f.fund(delegator, tokens(1));
      f.staking.delegate(delegator, addr(1 + d % 125), tokens(1), f.block());
    }
    f.endBlock();
    StateDatabase db = f.database;
    long commitHeight = 1;
    commit(db, f.updater, commitHeight++);
    long setupMs = (System.nanoTime() - setupStart) / 1_000_000;

    int warmup = 300;
    int measured = 1000;
    long endBlockNanos = 0;
    long commitNanos = 0;
    for (int b = 0; b < warmup + measured; b++) {
      ModuleUpdater m = db.newModuleUpdater();
      Staking staking = new Staking(m, f.bank);
      f.fund(ModuleAccounts.FEE_COLLECTOR, BigInteger.valueOf(987_654_321L * (b + 1)));
      Address delegator = Address.fromLong(1_000_000L + b);
      f.fund(delegator, tokens(1));
      staking.delegate(delegator, addr(1 + b % 125), tokens(1), f.block());
      long t0 = System.nanoTime();
      staking.endBlock(f.block());
      long t1 = System.nanoTime();
      commit(db, m, commitHeight++);
      long t2 = System.nanoTime();
      if (b >= warmup) {
        endBlockNanos += t1 - t0;
        commitNanos += t2 - t1;
      }
      f.height++;
      f.time += Fixture.BLOCK_SECONDS;
    }
    double ms = endBlockNanos / 1e6 / measured;
    System.out.printf(
        "end block with 125 bonded validators and %d delegations: %.3f ms per block"
            + " (mean of %d blocks; module root + commit %.3f ms more; setup %d ms)%n",
        DELEGATIONS, ms, measured, commitNanos / 1e6 / measured, setupMs);
    assertEquals(125, new Staking(db.newModuleUpdater(), f.bank).lastValidatorPowers().size());
    assertTrue(ms < 50, "end block took " + ms + " ms");
  }

  private static void commit(StateDatabase db, ModuleUpdater m, long height) {
    WorldUpdater w = db.newUpdater();
    db.commit(height, w, m, AppHash.of(w.computeStateRoot(), m.computeRoot()), List.of());
  }
}
