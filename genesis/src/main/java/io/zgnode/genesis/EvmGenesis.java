package io.zgnode.genesis;

import io.zgnode.evm.fork.Fork;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The EVM section: the chain id that signed transactions must carry, the fork schedule, and the
 * accounts that exist at genesis (kept sorted by address so the genesis state is built in one
 * canonical order).
 */
public record EvmGenesis(long chainId, List<ForkActivation> forks, List<GenesisAccount> accounts) {

  /** The chain runs the newest fork zgnode knows unless the genesis says otherwise. */
  public static final Fork DEFAULT_FORK = Fork.values()[Fork.values().length - 1];

  public EvmGenesis {
    if (chainId <= 0 || chainId > 0x7fffffffffffffL / 2 - 36) {
      throw new GenesisException("evm.chain_id must be a positive integer, got " + chainId);
    }
    if (forks.isEmpty()) {
      throw new GenesisException("evm.forks must name at least the fork active at height 0");
    }
    List<ForkActivation> sortedForks = new ArrayList<>(forks);
    sortedForks.sort(Comparator.comparingLong(ForkActivation::height));
    if (sortedForks.get(0).height() > 1) {
      throw new GenesisException("evm.forks: the first fork must activate at height 0 or 1");
    }
    for (int i = 1; i < sortedForks.size(); i++) {
      ForkActivation prev = sortedForks.get(i - 1);
      ForkActivation cur = sortedForks.get(i);
      if (cur.height() == prev.height() || !cur.fork().isAtLeast(prev.fork())) {
        throw new GenesisException(
            "evm.forks: forks must activate in order at distinct heights ("
                + prev.fork()
                + "@"
                + prev.height()
                + " then "
                + cur.fork()
                + "@"
                + cur.height()
                + ")");
      }
    }
    forks = List.copyOf(sortedForks);
    List<GenesisAccount> sorted = new ArrayList<>(accounts);
    sorted.sort(Comparator.comparing(GenesisAccount::address));
    Set<Object> seen = new HashSet<>();
    for (GenesisAccount a : sorted) {
      if (!seen.add(a.address())) {
        throw new GenesisException("evm.accounts: duplicate account " + a.address());
      }
    }
    accounts = List.copyOf(sorted);
  }

  /** The fork in force at {@code height}. */
  public Fork forkAt(long height) {
    Fork active = forks.get(0).fork();
    for (ForkActivation f : forks) {
      if (f.height() <= height) {
        active = f.fork();
      }
    }
    return active;
  }
}
