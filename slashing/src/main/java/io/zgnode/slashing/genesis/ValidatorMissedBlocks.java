package io.zgnode.slashing.genesis;

import io.zgnode.slashing.signing.ConsAddress;
import java.util.List;
import java.util.Objects;

/** The window positions a validator has missed, ascending (genesis import and export). */
public record ValidatorMissedBlocks(ConsAddress address, List<Long> missedIndices) {
  public ValidatorMissedBlocks {
    Objects.requireNonNull(address, "address");
    missedIndices = List.copyOf(missedIndices);
  }
}
