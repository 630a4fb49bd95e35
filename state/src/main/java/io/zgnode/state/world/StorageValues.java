package io.zgnode.state.world;

import io.zgnode.evm.rlp.Rlp;
import io.zgnode.evm.rlp.RlpException;
import io.zgnode.evm.rlp.RlpReader;
import io.zgnode.evm.types.Hash;
import java.util.Arrays;

/**
 * Encodings of storage words. In the storage trie a word is the RLP of its minimal big-endian bytes
 * and zero is absent (the Ethereum rule); in the flat table it is the minimal bytes themselves.
 */
public final class StorageValues {
  private static final byte[] NONE = new byte[0];

  private StorageValues() {}

  /** The minimal big-endian bytes (empty for zero). */
  public static byte[] minimal(Hash value) {
    byte[] b = value.bytesUnsafe();
    int i = 0;
    while (i < b.length && b[i] == 0) {
      i++;
    }
    return i == b.length ? NONE : Arrays.copyOfRange(b, i, b.length);
  }

  /** The trie value of a word: RLP of its minimal bytes, or empty (absent) for zero. */
  public static byte[] toTrieValue(Hash value) {
    byte[] m = minimal(value);
    return m.length == 0 ? NONE : Rlp.encodeBytes(m);
  }

  /** The word a storage trie value encodes (a null value is zero). */
  public static Hash fromTrieValue(byte[] trieValue) {
    if (trieValue == null) {
      return Hash.ZERO;
    }
    try {
      byte[] m = RlpReader.ofSingleItem(trieValue).readBytes();
      return fromMinimal(m);
    } catch (RlpException e) {
      throw new RlpException("invalid storage value RLP: " + e.getMessage());
    }
  }

  /** Left-pads minimal bytes (at most 32) to a word; null or empty is zero. */
  public static Hash fromMinimal(byte[] m) {
    if (m == null || m.length == 0) {
      return Hash.ZERO;
    }
    if (m.length > 32) {
      throw new IllegalArgumentException("storage value longer than 32 bytes: " + m.length);
    }
    byte[] out = new byte[32];
    System.arraycopy(m, 0, out, 32 - m.length, m.length);
    return Hash.wrapOwned(out);
  }
}
