package io.zgnode.state.world;

import io.zgnode.evm.types.Address;
import io.zgnode.evm.types.Hash;
import io.zgnode.state.trie.MerklePatriciaTrie;
import io.zgnode.state.trie.NodeStore;
import io.zgnode.state.trie.SecureMerklePatriciaTrie;
import io.zgnode.state.trie.TrieNodeCache;
import java.util.function.Function;

/**
 * A state read by walking its tries from the root: works for any state root whose nodes are stored
 * (historical reads, and the fallback of the flat reader).
 *
 * <p>Thread-safety: safe for concurrent readers (it only reads immutable trie nodes).
 */
public final class TrieStateSource implements StateSource {
  private static final byte[] NO_CODE = new byte[0];

  private final NodeStore nodes;
  private final TrieNodeCache cache;
  private final Function<Hash, byte[]> codeLookup;
  private final Hash root;
  private final SecureMerklePatriciaTrie accounts;

  /**
   * @param codeLookup returns the code for a hash, or null when unknown
   */
  public TrieStateSource(
      NodeStore nodes, TrieNodeCache cache, Function<Hash, byte[]> codeLookup, Hash root) {
    this.nodes = nodes;
    this.cache = cache;
    this.codeLookup = codeLookup;
    this.root = root;
    this.accounts = new SecureMerklePatriciaTrie(nodes, root, cache);
  }

  @Override
  public Hash stateRoot() {
    return root;
  }

  @Override
  public Account account(Address address) {
    byte[] rlp = accounts.get(address.bytesUnsafe());
    return rlp == null ? null : Account.decode(rlp);
  }

  @Override
  public Hash storage(Address address, Hash storageRoot, Hash slot) {
    if (storageRoot.equals(Hash.EMPTY_TRIE)) {
      return Hash.ZERO;
    }
    MerklePatriciaTrie t = new MerklePatriciaTrie(nodes, storageRoot, cache);
    return StorageValues.fromTrieValue(
        t.get(SecureMerklePatriciaTrie.hashKey(slot.bytesUnsafe()).bytesUnsafe()));
  }

  @Override
  public byte[] code(Hash codeHash) {
    return lookupCode(codeLookup, codeHash);
  }

  static byte[] lookupCode(Function<Hash, byte[]> codeLookup, Hash codeHash) {
    if (codeHash.equals(Hash.EMPTY_CODE)) {
      return NO_CODE;
    }
    byte[] c = codeLookup.apply(codeHash);
    if (c == null) {
      throw new IllegalStateException("missing code " + codeHash.toHex());
    }
    return c;
  }

  @Override
  public NodeStore nodeStore() {
    return nodes;
  }

  @Override
  public TrieNodeCache nodeCache() {
    return cache;
  }
}
