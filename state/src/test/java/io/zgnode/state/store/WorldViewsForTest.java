package io.zgnode.state.store;

import io.zgnode.evm.types.Hash;
import io.zgnode.state.world.WorldView;
import io.zgnode.state.world.WorldViews;

/** Reaches the trie-walking source of a database, to compare with flat reads. */
final class WorldViewsForTest {
  private WorldViewsForTest() {}

  static WorldView trieView(StateDatabase db, Hash root) {
    return WorldViews.of(db.trieSource(root));
  }
}
