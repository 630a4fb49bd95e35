package io.zgnode.state.store;

import io.zgnode.evm.types.Hash;
import java.util.function.BiPredicate;

/**
 * Read access to the modules' key-value state (chain parameters, fee market, staking, slashing,
 * DA...), committed in a secure Merkle-Patricia trie whose root enters the app hash.
 */
public interface ModuleView {
  /** The value under {@code key}, or null. Callers must not modify the returned array. */
  byte[] get(byte[] key);

  /** The root of the module trie of this state. */
  Hash root();

  /**
   * Visits the entries whose key starts with {@code prefix} in key order (unsigned bytes) until the
   * visitor returns false.
   *
   * @throws UnsupportedOperationException on a historical view (the trie is keyed by hashes; only
   *     the flat table of the latest state is ordered by key)
   * @throws IllegalStateException when the latest state this view was created on has been replaced
   *     by a newer commit
   */
  void forEachWithPrefix(byte[] prefix, BiPredicate<byte[], byte[]> visitor);
}
