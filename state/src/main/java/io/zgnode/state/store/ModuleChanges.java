package io.zgnode.state.store;

import io.zgnode.evm.types.Hash;
import io.zgnode.state.trie.TrieNode;
import java.util.List;

/**
 * What a commit writes for a {@link ModuleUpdater}.
 *
 * @param root the new module root
 * @param trieNodes new nodes of the module trie
 * @param entries flat entries in key order; a null value deletes
 */
public record ModuleChanges(Hash root, List<TrieNode> trieNodes, List<Entry> entries) {
  public record Entry(byte[] key, byte[] value) {}
}
