package io.zgnode.chain;

import io.zgnode.evm.types.Address;
import io.zgnode.evm.types.Hash;
import io.zgnode.genesis.AppGenesis;
import io.zgnode.genesis.GenesisAccount;
import io.zgnode.state.world.Account;
import io.zgnode.state.world.WorldView;
import java.util.Map;
import java.util.TreeMap;

/**
 * The genesis state as CheckTx and queries see it between InitChain and the first Commit, when
 * nothing is on disk yet: without it, transactions sent right after start would be refused for lack
 * of funds. An immutable copy, so the mempool never reads the block being executed.
 */
final class GenesisView implements WorldView {
  private final Map<Address, Account> accounts = new TreeMap<>();
  private final Map<Address, GenesisAccount> source = new TreeMap<>();
  private final Hash root;

  GenesisView(AppGenesis genesis, WorldView built) {
    for (GenesisAccount a : genesis.evm().accounts()) {
      Account acc = built.account(a.address());
      if (acc != null) {
        accounts.put(a.address(), acc);
      }
      source.put(a.address(), a);
    }
    this.root = built.stateRoot();
  }

  @Override
  public Account account(Address address) {
    return accounts.get(address);
  }

  @Override
  public Hash storage(Address address, Hash slot) {
    GenesisAccount a = source.get(address);
    return a == null ? Hash.ZERO : a.storage().getOrDefault(slot, Hash.ZERO);
  }

  @Override
  public byte[] code(Address address) {
    GenesisAccount a = source.get(address);
    return a == null ? new byte[0] : a.code();
  }

  @Override
  public Hash stateRoot() {
    return root;
  }
}
