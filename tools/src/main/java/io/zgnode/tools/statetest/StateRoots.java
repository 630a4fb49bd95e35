package io.zgnode.tools.statetest;

import io.zgnode.evm.crypto.Keccak256;
import io.zgnode.evm.rlp.RlpWriter;
import io.zgnode.evm.types.Address;
import io.zgnode.evm.types.Hash;
import io.zgnode.evm.world.Log;
import io.zgnode.evm.world.MapEvmWorld;
import io.zgnode.state.trie.NodeStore;
import io.zgnode.state.trie.SecureMerklePatriciaTrie;
import io.zgnode.state.world.Account;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The Ethereum state root of a {@link MapEvmWorld} and the logs hash of a transaction. */
public final class StateRoots {
  private StateRoots() {}

  /**
   * The root of the secure account trie: keccak256(address) to RLP([nonce, balance, storageRoot,
   * codeHash]), each storage root that of keccak256(slot) to RLP(minimal value).
   */
  public static Hash stateRoot(MapEvmWorld world) {
    SecureMerklePatriciaTrie accounts =
        new SecureMerklePatriciaTrie(NodeStore.EMPTY, Hash.EMPTY_TRIE);
    for (Address address : world.addresses()) {
      Hash storageRoot = Hash.EMPTY_TRIE;
      Map<Hash, Hash> storage = world.storageOf(address);
      if (!storage.isEmpty()) {
        SecureMerklePatriciaTrie trie =
            new SecureMerklePatriciaTrie(NodeStore.EMPTY, Hash.EMPTY_TRIE);
        for (Map.Entry<Hash, Hash> e : storage.entrySet()) {
          trie.put(
              e.getKey().bytesUnsafe(),
              new RlpWriter(33).writeBytes(minimal(e.getValue())).toByteArray());
        }
        storageRoot = trie.rootHash();
      }
      Account account =
          new Account(
              world.nonce(address), world.balance(address), storageRoot, world.codeHash(address));
      accounts.put(address.bytesUnsafe(), account.encode());
    }
    return accounts.rootHash();
  }

  /** keccak256 of RLP(list of [address, [topics], data]). */
  public static Hash logsHash(List<Log> logs) {
    RlpWriter w = new RlpWriter(64 + 128 * logs.size());
    Log.writeRlp(w, logs);
    return Hash.wrapOwned(Keccak256.hash(w.toByteArray()));
  }

  private static byte[] minimal(Hash value) {
    byte[] b = value.bytesUnsafe();
    int i = 0;
    while (i < b.length && b[i] == 0) {
      i++;
    }
    return Arrays.copyOfRange(b, i, b.length);
  }
}
