package io.zgnode.chain;

import io.zgnode.evm.types.Hash;
import io.zgnode.staking.validator.ValidatorUpdate;
import java.util.List;

/**
 * InitChain's answer: the genesis app hash and, when the genesis creates staking validators, the
 * initial validator set (which replaces CometBFT's genesis validators); empty otherwise, so
 * CometBFT keeps the validators of its genesis file.
 */
public record InitChainResult(Hash appHash, List<ValidatorUpdate> validators) {
  public InitChainResult {
    validators = List.copyOf(validators);
  }
}
