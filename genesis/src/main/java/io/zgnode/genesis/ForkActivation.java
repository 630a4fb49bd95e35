package io.zgnode.genesis;

import io.zgnode.evm.fork.Fork;

/** A fork that becomes active at a block height (inclusive). */
public record ForkActivation(Fork fork, long height) {
  public ForkActivation {
    if (height < 0) {
      throw new GenesisException("evm.forks: negative activation height for " + fork);
    }
  }
}
