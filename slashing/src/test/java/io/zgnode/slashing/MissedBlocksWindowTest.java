package io.zgnode.slashing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.zgnode.slashing.block.BlockIdFlag;
import io.zgnode.slashing.block.VoteInfo;
import io.zgnode.slashing.genesis.SlashingGenesis;
import io.zgnode.slashing.params.EvidenceParams;
import io.zgnode.slashing.params.SlashingParams;
import io.zgnode.slashing.signing.ConsAddress;
import io.zgnode.slashing.signing.SigningInfo;
import io.zgnode.staking.math.Dec;
import io.zgnode.state.store.ModuleUpdater;
import io.zgnode.state.store.StateDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The chunked bitmap against a plain boolean-array model, over many windows. */
class MissedBlocksWindowTest {
  @Test
  void bitmapAndCounterFollowAModelAcrossChunksAndWrapArounds() {
    // 2,500 positions: two full 1,024-bit chunks and a partial third; min signed 0 never jails.
    long window = 2500;
    ModuleUpdater updater = StateDatabase.inMemory().newModuleUpdater();
    FakeStaking staking = new FakeStaking();
    Slashing slashing = new Slashing(updater, staking);
    slashing.initGenesis(
        SlashingGenesis.of(
            new SlashingParams(window, Dec.ZERO, 600, Dec.parse("0.05"), Dec.parse("0.0001"))));
    staking.add(0, 10);
    ConsAddress a = FakeStaking.cons(0);
    slashing.onValidatorBonded(a, 0);
    SlashingQueries q = new SlashingQueries(updater);

    boolean[] model = new boolean[(int) window];
    long modelCount = 0;
    Random random = new Random(42);
    long blocks = 10 * window + 777;
    for (long h = 1; h <= blocks; h++) {
      // Runs of misses and signatures of varying density, so chunks fill up and empty again.
      long phase = (h / 700) % 4;
      boolean absent =
          switch ((int) phase) {
            case 0 -> random.nextInt(10) == 0;
            case 1 -> random.nextInt(10) < 8;
            case 2 -> false;
            default -> true;
          };
      int index = (int) ((h - 1) % window);
      if (model[index] != absent) {
        modelCount += absent ? 1 : -1;
        model[index] = absent;
      }
      slashing.beginBlock(
          h,
          h * 5,
          List.of(new VoteInfo(a, 10, absent ? BlockIdFlag.ABSENT : BlockIdFlag.COMMIT)),
          List.of(),
          EvidenceParams.DEFAULT);
      SigningInfo info = q.signingInfo(a).orElseThrow();
      assertEquals(modelCount, info.missedBlocksCounter(), "counter at height " + h);
      assertEquals(h, info.indexOffset());
      if (h % 1000 == 0 || h == blocks) {
        List<Long> expected = new ArrayList<>();
        for (int i = 0; i < window; i++) {
          if (model[i]) {
            expected.add((long) i);
          }
        }
        List<Long> actual =
            slashing.exportGenesis().missedBlocks().stream()
                .flatMap(m -> m.missedIndices().stream())
                .toList();
        assertEquals(expected, actual, "bitmap at height " + h);
      }
    }
    assertFalse(staking.byCons.get(a).jailed);
  }
}
