package io.zgnode.state.store;

import io.zgnode.state.trie.NodeStore;
import io.zgnode.state.trie.TrieNodeCache;

/** A committed module state that a {@link ModuleUpdater} builds on; safe for concurrent reads. */
interface ModuleSource extends ModuleView {
  NodeStore nodeStore();

  TrieNodeCache nodeCache();

  /** The database this source reads, or null for a detached source. */
  StateDatabase database();
}
