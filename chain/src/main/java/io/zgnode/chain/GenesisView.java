package io.zgnode.chain;

import io.zgnode.chain.system.HistoryStorage;
import io.zgnode.evm.types.Address;
import io.zgnode.evm.types.Hash;
import io.zgnode.genesis.AppGenesis;
import io.zgnode.genesis.GenesisAccount;
import io.zgnode.staking.ModuleAccounts;
import io.zgnode.state.world.Account;
import io.zgnode.state.world.WorldView;
import java.util.Map;
import java.util.TreeMap;

/**
 * The genesis state as a read-only view: for CheckTx and queries between InitChain and the first
 * Commit, when nothing is on disk yet (without it, transactions sent right after start would be
 * refused for lack of funds), and for queries at the genesis height afterwards (the genesis trie is
 * never written as such). An immutable copy, so the mempool never reads the block being executed.
 */
final class GenesisView implements WorldView {
  private final Map<Address, Account> accounts = new TreeMap<>();
  private final Map<Address, byte[]> code = new TreeMap<>();
  private final Map<Address, Map<Hash, Hash>> storage = new TreeMap<>();
  private final Hash root;

  /**
   * @param built the genesis world, with the accounts of {@code genesis} and the system contracts
   *     the chain installs at genesis
   */
  GenesisView(AppGenesis genesis, WorldView built) {
    for (GenesisAccount a : genesis.evm().accounts()) {
      capture(a.address(), built);
      if (!a.storage().isEmpty()) {
        storage.put(a.address(), new TreeMap<>(a.storage()));
      }
    }
    capture(HistoryStorage.ADDRESS, built);
    // The staking genesis moves self-delegations into these module accounts.
    capture(ModuleAccounts.BONDED_POOL, built);
    capture(ModuleAccounts.NOT_BONDED_POOL, built);
    capture(ModuleAccounts.DISTRIBUTION, built);
    this.root = built.stateRoot();
  }

  private void capture(Address address, WorldView built) {
    Account acc = built.account(address);
    if (acc != null) {
      accounts.put(address, acc);
      byte[] c = built.code(address);
      if (c != null && c.length > 0) {
        code.put(address, c.clone());
      }
    }
  }

  @Override
  public Account account(Address address) {
    return accounts.get(address);
  }

  @Override
  public Hash storage(Address address, Hash slot) {
    Map<Hash, Hash> s = storage.get(address);
    return s == null ? Hash.ZERO : s.getOrDefault(slot, Hash.ZERO);
  }

  @Override
  public byte[] code(Address address) {
    byte[] c = code.get(address);
    return c == null ? new byte[0] : c;
  }

  @Override
  public Hash stateRoot() {
    return root;
  }
}
