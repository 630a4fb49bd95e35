package io.zgnode.slashing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.zgnode.slashing.block.BlockIdFlag;
import io.zgnode.slashing.block.VoteInfo;
import io.zgnode.slashing.genesis.SlashingGenesis;
import io.zgnode.slashing.params.EvidenceParams;
import io.zgnode.slashing.params.SlashingParams;
import io.zgnode.staking.math.Dec;
import io.zgnode.state.store.ModuleUpdater;
import io.zgnode.state.store.StateDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * A micro benchmark of begin-block liveness bookkeeping with 125 validators (0G's bonded set),
 * printed as milliseconds per block: once for the module's work alone, once including the module
 * root computation the commit performs.
 */
class BeginBlockBenchmarkTest {
  private static final int VALIDATORS = 125;

  @Test
  void beginBlockWith125Validators() {
    // The window of a live network (0G mainnet uses tens of thousands of blocks); the cost per
    // block must not depend on it.
    SlashingParams params =
        new SlashingParams(20_000, Dec.parse("0.05"), 600, Dec.parse("0.05"), Dec.parse("0.0001"));
    double alone = measure(params, false);
    double withRoot = measure(params, true);
    System.out.printf(
        Locale.ROOT,
        "slashing begin-block, %d validators: %.3f ms/block; with module root: %.3f ms/block%n",
        VALIDATORS,
        alone,
        withRoot);
  }

  private static double measure(SlashingParams params, boolean computeRoot) {
    ModuleUpdater updater = StateDatabase.inMemory().newModuleUpdater();
    FakeStaking staking = new FakeStaking();
    Slashing slashing = new Slashing(updater, staking);
    slashing.initGenesis(SlashingGenesis.of(params));
    for (int i = 0; i < VALIDATORS; i++) {
      staking.add(i, 100 + i);
      slashing.onValidatorBonded(FakeStaking.cons(i), 0);
    }
    int warmup = 2000;
    int measured = 3000;
    long start = 0;
    for (int h = 1; h <= warmup + measured; h++) {
      if (h == warmup + 1) {
        start = System.nanoTime();
      }
      List<VoteInfo> votes = new ArrayList<>(VALIDATORS);
      for (int i = 0; i < VALIDATORS; i++) {
        // Every 10th validator misses one block in seven: the bitmap is written, not only read.
        boolean absent = i % 10 == 0 && (h + i) % 7 == 0;
        votes.add(
            new VoteInfo(
                FakeStaking.cons(i), 100 + i, absent ? BlockIdFlag.ABSENT : BlockIdFlag.COMMIT));
      }
      slashing.beginBlock(h, 5L * h, votes, List.of(), EvidenceParams.DEFAULT);
      if (computeRoot) {
        updater.computeRoot();
      }
    }
    long elapsed = System.nanoTime() - start;
    assertEquals(0, staking.slashes.size());
    assertEquals(
        warmup + measured,
        new SlashingQueries(updater).signingInfo(FakeStaking.cons(0)).orElseThrow().indexOffset());
    return elapsed / 1e6 / measured;
  }
}
