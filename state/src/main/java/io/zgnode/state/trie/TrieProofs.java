package io.zgnode.state.trie;

import io.zgnode.evm.crypto.Keccak256;
import io.zgnode.evm.rlp.RlpException;
import io.zgnode.evm.types.Hash;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Checks Merkle proofs produced by {@link MerklePatriciaTrie#proof}. */
public final class TrieProofs {
  private TrieProofs() {}

  /**
   * Walks {@code proof} from {@code root} along {@code key}.
   *
   * @return the proven value, or null when the proof shows the key is absent
   * @throws TrieException when the proof does not connect to the root or lacks a node on the path
   */
  public static byte[] verify(Hash root, byte[] key, List<byte[]> proof) {
    if (root.equals(Hash.EMPTY_TRIE)) {
      return null;
    }
    Map<Hash, byte[]> byHash = new HashMap<>();
    for (byte[] p : proof) {
      byHash.put(Hash.wrapOwned(Keccak256.hash(p)), p);
    }
    MerklePatriciaTrie trie =
        new MerklePatriciaTrie(
            h -> {
              byte[] n = byHash.get(h);
              if (n == null) {
                throw new TrieException("proof lacks node " + h.toHex());
              }
              return n;
            },
            root);
    try {
      return trie.get(key);
    } catch (RlpException e) {
      throw new TrieException("malformed node in proof: " + e.getMessage(), e);
    }
  }
}
