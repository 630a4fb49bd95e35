package io.zgnode.state.world;

import io.zgnode.evm.types.Address;
import io.zgnode.evm.types.Hash;
import io.zgnode.state.trie.TrieNode;
import java.util.List;

/**
 * Everything a commit must write for one {@link WorldUpdater} (immutable once built), in a
 * deterministic order (accounts and slots sorted). Storage of the addresses in {@code wipedStorage}
 * must be deleted before the {@code storage} entries are written.
 *
 * @param stateRoot the new state root
 * @param trieNodes new nodes of the storage tries and the account trie
 * @param code new contract code by hash
 * @param accounts flat account entries whose value changed (a null account is deleted)
 * @param storage flat storage entries written (a zero value is deleted)
 * @param wipedStorage accounts whose previous storage is gone (deleted or recreated)
 */
public record StateChanges(
    Hash stateRoot,
    List<TrieNode> trieNodes,
    List<CodeEntry> code,
    List<AccountChange> accounts,
    List<StorageChange> storage,
    List<Address> wipedStorage) {

  public record CodeEntry(Hash hash, byte[] code) {}

  public record AccountChange(Address address, Account account) {}

  public record StorageChange(Address address, Hash slot, Hash value) {}
}
