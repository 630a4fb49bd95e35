package io.zgnode.chain;

import io.zgnode.chain.exec.TxOutcome;
import io.zgnode.evm.types.Hash;
import io.zgnode.staking.validator.ValidatorUpdate;
import java.util.List;

/**
 * FinalizeBlock's answer: a result per transaction in block order, the new app hash, and the
 * changes to CometBFT's validator set (effective at height + 2; always empty on a chain whose
 * validator set staking does not own).
 */
public record BlockResult(
    long height,
    List<TxOutcome> txResults,
    long gasUsed,
    Hash appHash,
    List<ValidatorUpdate> validatorUpdates) {

  public BlockResult {
    validatorUpdates = List.copyOf(validatorUpdates);
  }

  public BlockResult(long height, List<TxOutcome> txResults, long gasUsed, Hash appHash) {
    this(height, txResults, gasUsed, appHash, List.of());
  }
}
