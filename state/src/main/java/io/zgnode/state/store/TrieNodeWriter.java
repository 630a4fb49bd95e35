package io.zgnode.state.store;

import io.zgnode.state.db.Families;
import io.zgnode.state.db.WriteBatch;
import io.zgnode.state.trie.TrieNode;
import java.util.List;

/**
 * The one place where trie nodes are written. Every height's nodes are kept for now (an archive);
 * pruning will hook in here (reference counting or a per-height journal of new nodes) without
 * touching the tries.
 */
final class TrieNodeWriter {
  private TrieNodeWriter() {}

  static void write(WriteBatch batch, List<TrieNode> nodes) {
    for (TrieNode n : nodes) {
      batch.put(Families.TRIE_NODES, n.hash().bytesUnsafe(), n.rlp());
    }
  }
}
