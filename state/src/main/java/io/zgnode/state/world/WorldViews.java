package io.zgnode.state.world;

import io.zgnode.evm.types.Address;
import io.zgnode.evm.types.Hash;

/** Read-only {@link WorldView}s over {@link StateSource}s. */
public final class WorldViews {
  private static final byte[] NO_CODE = new byte[0];

  private WorldViews() {}

  /** A view of {@code source}; as thread-safe as the source (the sources here all are). */
  public static WorldView of(StateSource source) {
    return new SourceView(source);
  }

  private record SourceView(StateSource source) implements WorldView {
    @Override
    public Account account(Address address) {
      return source.account(address);
    }

    @Override
    public Hash storage(Address address, Hash slot) {
      Account a = source.account(address);
      return a == null ? Hash.ZERO : source.storage(address, a.storageRoot(), slot);
    }

    @Override
    public byte[] code(Address address) {
      Account a = source.account(address);
      return a == null ? NO_CODE : source.code(a.codeHash());
    }

    @Override
    public Hash stateRoot() {
      return source.stateRoot();
    }
  }
}
