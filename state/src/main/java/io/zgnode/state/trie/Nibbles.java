package io.zgnode.state.trie;

import java.util.Arrays;

/** Nibble paths (one nibble per byte) and the yellow paper's hex-prefix encoding of them. */
final class Nibbles {
  static final byte[] EMPTY = new byte[0];

  private Nibbles() {}

  static byte[] fromKey(byte[] key) {
    byte[] n = new byte[key.length * 2];
    for (int i = 0; i < key.length; i++) {
      n[2 * i] = (byte) ((key[i] >> 4) & 0x0f);
      n[2 * i + 1] = (byte) (key[i] & 0x0f);
    }
    return n;
  }

  /** Packs an even number of nibbles from {@code nibbles[0, length)} into bytes. */
  static byte[] toKey(byte[] nibbles, int length) {
    byte[] k = new byte[length / 2];
    for (int i = 0; i < k.length; i++) {
      k[i] = (byte) ((nibbles[2 * i] << 4) | nibbles[2 * i + 1]);
    }
    return k;
  }

  static byte[] slice(byte[] a, int from) {
    return from == 0 ? a : Arrays.copyOfRange(a, from, a.length);
  }

  static byte[] slice(byte[] a, int from, int to) {
    return Arrays.copyOfRange(a, from, to);
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] r = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, r, a.length, b.length);
    return r;
  }

  static byte[] prepend(int nibble, byte[] path) {
    byte[] r = new byte[path.length + 1];
    r[0] = (byte) nibble;
    System.arraycopy(path, 0, r, 1, path.length);
    return r;
  }

  /** The length of the common prefix of {@code path} and {@code key[keyPos..]}. */
  static int commonPrefix(byte[] path, byte[] key, int keyPos) {
    int max = Math.min(path.length, key.length - keyPos);
    int i = 0;
    while (i < max && path[i] == key[keyPos + i]) {
      i++;
    }
    return i;
  }

  /** Whether {@code key[keyPos..]} equals {@code path}. */
  static boolean matchesRest(byte[] path, byte[] key, int keyPos) {
    return key.length - keyPos == path.length && commonPrefix(path, key, keyPos) == path.length;
  }

  /** Hex-prefix encoding: a flag nibble (leaf: 2, odd length: 1), padding, then the nibbles. */
  static byte[] hexPrefix(byte[] path, boolean leaf) {
    int flag = leaf ? 2 : 0;
    boolean odd = (path.length & 1) == 1;
    byte[] out = new byte[path.length / 2 + 1];
    int p = 0;
    if (odd) {
      out[0] = (byte) (((flag | 1) << 4) | path[0]);
      p = 1;
    } else {
      out[0] = (byte) (flag << 4);
    }
    for (int i = 1; i < out.length; i++) {
      out[i] = (byte) ((path[p] << 4) | path[p + 1]);
      p += 2;
    }
    return out;
  }

  record Decoded(byte[] path, boolean leaf) {}

  static Decoded decodeHexPrefix(byte[] hp) {
    if (hp.length == 0) {
      throw new TrieException("empty hex-prefix path");
    }
    int flag = (hp[0] >> 4) & 0x0f;
    if (flag > 3) {
      throw new TrieException("invalid hex-prefix flag " + flag);
    }
    boolean odd = (flag & 1) == 1;
    if (!odd && (hp[0] & 0x0f) != 0) {
      throw new TrieException("hex-prefix padding nibble is not zero");
    }
    byte[] path = new byte[(hp.length - 1) * 2 + (odd ? 1 : 0)];
    int p = 0;
    if (odd) {
      path[p++] = (byte) (hp[0] & 0x0f);
    }
    for (int i = 1; i < hp.length; i++) {
      path[p++] = (byte) ((hp[i] >> 4) & 0x0f);
      path[p++] = (byte) (hp[i] & 0x0f);
    }
    return new Decoded(path, flag >= 2);
  }
}
