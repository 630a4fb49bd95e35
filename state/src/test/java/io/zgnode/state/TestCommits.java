package io.zgnode.state;

import io.zgnode.evm.types.Hash;
import io.zgnode.state.store.AppHash;
import io.zgnode.state.store.ModuleUpdater;
import io.zgnode.state.store.Put;
import io.zgnode.state.store.StateDatabase;
import io.zgnode.state.world.WorldUpdater;
import java.util.List;

/** Commits the next height with the app hash computed from the updaters. */
public final class TestCommits {
  private TestCommits() {}

  public static Hash commitNext(StateDatabase db, WorldUpdater world) {
    return commitNext(db, world, db.newModuleUpdater(), List.of());
  }

  public static Hash commitNext(
      StateDatabase db, WorldUpdater world, ModuleUpdater modules, List<Put> extras) {
    long height = db.lastCommit().height() + 1;
    Hash app = AppHash.of(world.computeStateRoot(), modules.computeRoot());
    db.commit(height, world, modules, app, extras);
    return world.computeStateRoot();
  }
}
