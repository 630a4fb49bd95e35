package io.zgnode.state.trie;

import io.zgnode.evm.crypto.Keccak256;
import io.zgnode.evm.types.Hash;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.BiPredicate;

/**
 * A {@link MerklePatriciaTrie} whose keys are the keccak256 of the caller's keys, as Ethereum's
 * account and storage tries are: paths have a fixed length of 64 nibbles and an attacker cannot
 * choose them to make the trie deep. Iteration is therefore in order of hashed keys.
 *
 * <p>Thread-safety: as {@link MerklePatriciaTrie}.
 */
public final class SecureMerklePatriciaTrie {
  private final MerklePatriciaTrie trie;

  public SecureMerklePatriciaTrie(NodeStore store, Hash root, TrieNodeCache cache) {
    this.trie = new MerklePatriciaTrie(store, root, cache);
  }

  public SecureMerklePatriciaTrie(NodeStore store, Hash root) {
    this(store, root, null);
  }

  public static Hash hashKey(byte[] key) {
    return Hash.wrapOwned(Keccak256.hash(key));
  }

  public byte[] get(byte[] key) {
    return trie.get(Keccak256.hash(key));
  }

  /** The value under a key that the caller has already hashed. */
  public byte[] getHashed(Hash hashedKey) {
    return trie.get(hashedKey.bytesUnsafe());
  }

  /** Stores {@code value}; an empty value removes the key. */
  public void put(byte[] key, byte[] value) {
    trie.put(Keccak256.hash(key), value);
  }

  public void putHashed(Hash hashedKey, byte[] value) {
    trie.put(hashedKey.bytesUnsafe(), value);
  }

  /** {@link MerklePatriciaTrie#putAll} with keys the caller has already hashed. */
  public void putAllHashed(Hash[] hashedKeys, byte[][] values) {
    byte[][] keys = new byte[hashedKeys.length][];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = hashedKeys[i].bytesUnsafe();
    }
    trie.putAll(keys, values);
  }

  public void remove(byte[] key) {
    trie.remove(Keccak256.hash(key));
  }

  public void removeHashed(Hash hashedKey) {
    trie.remove(hashedKey.bytesUnsafe());
  }

  public Hash rootHash() {
    return trie.rootHash();
  }

  public boolean isEmpty() {
    return trie.isEmpty();
  }

  /** See {@link MerklePatriciaTrie#commit}. */
  public void commit(BiConsumer<Hash, byte[]> sink) {
    trie.commit(sink);
  }

  /** The proof for {@code key} (hashed here), as {@link MerklePatriciaTrie#proof}. */
  public List<byte[]> proof(byte[] key) {
    return trie.proof(Keccak256.hash(key));
  }

  /** Visits entries by hashed key, from {@code startHashedKey} on, as in the underlying trie. */
  public void forEach(byte[] startHashedKey, BiPredicate<byte[], byte[]> visitor) {
    trie.forEach(startHashedKey, visitor);
  }

  /** The underlying trie, keyed by hashed keys. */
  public MerklePatriciaTrie trie() {
    return trie;
  }
}
