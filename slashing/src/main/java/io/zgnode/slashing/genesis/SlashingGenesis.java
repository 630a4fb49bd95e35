package io.zgnode.slashing.genesis;

import io.zgnode.slashing.params.SlashingParams;
import io.zgnode.slashing.signing.ConsAddress;
import io.zgnode.slashing.signing.SigningInfo;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The slashing section of the genesis (the SDK's x/slashing GenesisState): params, and for an
 * exported chain the signing infos and missed-blocks bitmaps. Construction validates that every
 * bitmap belongs to a signing info, stays inside the window and matches its counter.
 */
public record SlashingGenesis(
    SlashingParams params,
    List<SigningInfo> signingInfos,
    List<ValidatorMissedBlocks> missedBlocks) {

  public SlashingGenesis {
    Objects.requireNonNull(params, "slashing.params");
    signingInfos = List.copyOf(signingInfos);
    missedBlocks = List.copyOf(missedBlocks);
    Map<ConsAddress, SigningInfo> infos = new TreeMap<>();
    for (SigningInfo info : signingInfos) {
      if (infos.put(info.address(), info) != null) {
        throw new IllegalArgumentException(
            "slashing.signing_infos: duplicate signing info for " + info.address());
      }
    }
    Map<ConsAddress, Integer> listed = new TreeMap<>();
    for (ValidatorMissedBlocks m : missedBlocks) {
      SigningInfo info = infos.get(m.address());
      if (info == null) {
        throw new IllegalArgumentException(
            "slashing.missed_blocks: " + m.address() + " has no signing info");
      }
      if (listed.put(m.address(), m.missedIndices().size()) != null) {
        throw new IllegalArgumentException(
            "slashing.missed_blocks: duplicate entry for " + m.address());
      }
      long previous = -1;
      for (long index : m.missedIndices()) {
        if (index <= previous || index >= params.signedBlocksWindow()) {
          throw new IllegalArgumentException(
              "slashing.missed_blocks of "
                  + m.address()
                  + ": index "
                  + index
                  + " must be ascending, unique and below the window "
                  + params.signedBlocksWindow());
        }
        previous = index;
      }
    }
    for (SigningInfo info : signingInfos) {
      long count = listed.getOrDefault(info.address(), 0);
      if (count != info.missedBlocksCounter()) {
        throw new IllegalArgumentException(
            "slashing.signing_infos of "
                + info.address()
                + ": missed_blocks_counter "
                + info.missedBlocksCounter()
                + " differs from the "
                + count
                + " missed blocks listed");
      }
    }
  }

  /** A genesis with {@code params} and no validator yet. */
  public static SlashingGenesis of(SlashingParams params) {
    return new SlashingGenesis(params, List.of(), List.of());
  }
}
