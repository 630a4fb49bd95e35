package io.zgnode.chain.sim;

import io.zgnode.chain.Chain;
import io.zgnode.evm.types.Address;
import io.zgnode.evm.types.Hash;
import io.zgnode.state.trie.NodeStore;
import io.zgnode.state.trie.SecureMerklePatriciaTrie;
import io.zgnode.state.trie.TrieNode;
import io.zgnode.state.trie.TrieNodeCache;
import io.zgnode.state.world.Account;
import io.zgnode.state.world.StateSource;
import io.zgnode.state.world.StorageValues;
import io.zgnode.state.world.WorldUpdater;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Merkle proofs of accounts and storage at a committed height, read from the secure tries under
 * that height's state root (what {@code TrieProofs.verify} checks).
 */
public final class StateProofs {
  private final Chain chain;

  public StateProofs(Chain chain) {
    this.chain = chain;
  }

  /**
   * The proof of {@code address} and of each of {@code slots} in the state after {@code height}.
   *
   * @throws SimulationException NOT_FOUND ("header not found") above the latest height
   * @throws io.zgnode.chain.PrunedHeightException when that state is no longer kept
   * @throws io.zgnode.state.trie.MissingTrieNodeException when a node on a path is missing
   */
  public AccountProof prove(long height, Address address, List<Hash> slots)
      throws SimulationException {
    WorldUpdater world;
    try {
      world = chain.scratchUpdaterAt(height);
    } catch (IllegalArgumentException e) {
      throw new SimulationException(SimulationException.Kind.NOT_FOUND, "header not found");
    }
    StateSource source = world.base();
    Hash root = world.computeStateRoot();
    NodeStore store = source.nodeStore();
    TrieNodeCache cache = source.nodeCache();
    if (!root.equals(source.stateRoot())) {
      // A state held in memory over its base (the genesis before it is written): its new trie
      // nodes come from the updater itself.
      Map<Hash, byte[]> fresh = new HashMap<>();
      for (TrieNode n : world.collectChanges().trieNodes()) {
        fresh.put(n.hash(), n.rlp());
      }
      NodeStore base = source.nodeStore();
      store =
          h -> {
            byte[] n = fresh.get(h);
            return n != null ? n : base.get(h);
          };
      cache = null;
    }
    SecureMerklePatriciaTrie accounts = new SecureMerklePatriciaTrie(store, root, cache);
    byte[] encoded = accounts.get(address.bytesUnsafe());
    List<byte[]> accountProof = accounts.proof(address.bytesUnsafe());
    Account account = encoded == null ? null : Account.decode(encoded);
    Hash storageRoot = account == null ? Hash.EMPTY_TRIE : account.storageRoot();
    List<StorageProof> storage = new ArrayList<>(slots.size());
    SecureMerklePatriciaTrie storageTrie =
        storageRoot.equals(Hash.EMPTY_TRIE)
            ? null
            : new SecureMerklePatriciaTrie(store, storageRoot, cache);
    for (Hash slot : slots) {
      if (storageTrie == null) {
        storage.add(new StorageProof(slot, BigInteger.ZERO, List.of()));
        continue;
      }
      Hash value = StorageValues.fromTrieValue(storageTrie.get(slot.bytesUnsafe()));
      storage.add(
          new StorageProof(
              slot, new BigInteger(1, value.bytesUnsafe()), storageTrie.proof(slot.bytesUnsafe())));
    }
    return new AccountProof(
        address,
        root,
        accountProof,
        account == null ? BigInteger.ZERO : account.balance(),
        account == null ? Hash.EMPTY_CODE : account.codeHash(),
        account == null ? 0 : account.nonce(),
        storageRoot,
        storage);
  }
}
