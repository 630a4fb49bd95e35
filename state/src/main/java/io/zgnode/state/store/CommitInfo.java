package io.zgnode.state.store;

import io.zgnode.evm.rlp.RlpException;
import io.zgnode.evm.rlp.RlpReader;
import io.zgnode.evm.rlp.RlpWriter;
import io.zgnode.evm.types.Hash;

/**
 * What one commit recorded (immutable). Before the first commit: height 0, empty roots, and the app
 * hash of the empty roots (the ABCI layer reports an empty app hash for height 0, as CometBFT
 * expects).
 */
public record CommitInfo(long height, Hash appHash, Hash stateRoot, Hash modulesRoot) {
  public static final CommitInfo NONE =
      new CommitInfo(
          0, AppHash.of(Hash.EMPTY_TRIE, Hash.EMPTY_TRIE), Hash.EMPTY_TRIE, Hash.EMPTY_TRIE);

  byte[] encode() {
    return new RlpWriter(120)
        .startList()
        .writeLong(height)
        .writeBytes(appHash.bytesUnsafe())
        .writeBytes(stateRoot.bytesUnsafe())
        .writeBytes(modulesRoot.bytesUnsafe())
        .endList()
        .toByteArray();
  }

  static CommitInfo decode(byte[] rlp) {
    try {
      RlpReader r = RlpReader.ofSingleItem(rlp).readList();
      CommitInfo c =
          new CommitInfo(
              r.readLong("commit height"),
              Hash.wrapOwned(r.readBytes(32, "app hash")),
              Hash.wrapOwned(r.readBytes(32, "state root")),
              Hash.wrapOwned(r.readBytes(32, "modules root")));
      r.requireEnd("commit record");
      return c;
    } catch (RlpException e) {
      throw new IllegalStateException(
          "corrupt commit record in the state database: " + e.getMessage(), e);
    }
  }
}
