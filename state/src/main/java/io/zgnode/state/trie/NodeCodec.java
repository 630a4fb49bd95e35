package io.zgnode.state.trie;

import io.zgnode.evm.crypto.Keccak256;
import io.zgnode.evm.rlp.RlpException;
import io.zgnode.evm.rlp.RlpReader;
import io.zgnode.evm.types.Hash;

/**
 * RLP of trie nodes: a leaf is [hp(path, leaf), value], an extension [hp(path), ref(child)], a
 * branch [ref(0), .., ref(15), value]. A child whose RLP is shorter than 32 bytes is embedded in
 * its parent as it is; a longer one is referenced by the keccak256 of its RLP.
 */
final class NodeCodec {
  private NodeCodec() {}

  /**
   * The node's RLP, memoised. Written directly into an array of the exact size (the sizes of all
   * parts are known up front), which matters: every changed node is encoded once per block.
   */
  static byte[] encode(Node n) {
    byte[] e = n.encoded;
    if (e != null) {
      return e;
    }
    e =
        switch (n) {
          case Node.Leaf l -> encodePair(Nibbles.hexPrefix(l.path, true), null, l.value);
          case Node.Extension x -> encodePair(Nibbles.hexPrefix(x.path, false), x.child, null);
          case Node.Branch b -> encodeBranch(b);
          case Node.Ref r ->
              throw new IllegalStateException("a hash reference has no encoding of its own");
        };
    n.encoded = e;
    return e;
  }

  private static byte[] encodePair(byte[] hp, Node child, byte[] value) {
    int payload = stringSize(hp) + (child != null ? refSize(child) : stringSize(value));
    byte[] out = new byte[headerSize(payload) + payload];
    int p = writeHeader(out, 0, payload, 0xc0);
    p = writeString(out, p, hp);
    if (child != null) {
      writeRef(out, p, child);
    } else {
      writeString(out, p, value);
    }
    return out;
  }

  private static byte[] encodeBranch(Node.Branch b) {
    int payload = 0;
    for (Node c : b.children) {
      payload += c == null ? 1 : refSize(c);
    }
    payload += b.value == null ? 1 : stringSize(b.value);
    byte[] out = new byte[headerSize(payload) + payload];
    int p = writeHeader(out, 0, payload, 0xc0);
    for (Node c : b.children) {
      if (c == null) {
        out[p++] = (byte) 0x80;
      } else {
        p = writeRef(out, p, c);
      }
    }
    if (b.value == null) {
      out[p] = (byte) 0x80;
    } else {
      writeString(out, p, b.value);
    }
    return out;
  }

  /** The size of a child reference: 33 for a hash, else the embedded node's RLP. */
  private static int refSize(Node child) {
    if (child instanceof Node.Ref) {
      return 33;
    }
    int len = encode(child).length;
    return len < 32 ? len : 33;
  }

  private static int writeRef(byte[] out, int p, Node child) {
    if (child instanceof Node.Ref r) {
      out[p] = (byte) 0xa0;
      System.arraycopy(r.hash.bytesUnsafe(), 0, out, p + 1, 32);
      return p + 33;
    }
    byte[] enc = encode(child);
    if (enc.length < 32) {
      System.arraycopy(enc, 0, out, p, enc.length);
      return p + enc.length;
    }
    out[p] = (byte) 0xa0;
    System.arraycopy(hash(child).bytesUnsafe(), 0, out, p + 1, 32);
    return p + 33;
  }

  private static int stringSize(byte[] s) {
    if (s.length == 1 && (s[0] & 0xff) < 0x80) {
      return 1;
    }
    return headerSize(s.length) + s.length;
  }

  private static int writeString(byte[] out, int p, byte[] s) {
    if (s.length == 1 && (s[0] & 0xff) < 0x80) {
      out[p] = s[0];
      return p + 1;
    }
    p = writeHeader(out, p, s.length, 0x80);
    System.arraycopy(s, 0, out, p, s.length);
    return p + s.length;
  }

  private static int headerSize(int length) {
    return length < 56 ? 1 : 1 + (4 - Integer.numberOfLeadingZeros(length) / 8);
  }

  private static int writeHeader(byte[] out, int p, int length, int base) {
    if (length < 56) {
      out[p] = (byte) (base + length);
      return p + 1;
    }
    int lenLen = 4 - Integer.numberOfLeadingZeros(length) / 8;
    out[p++] = (byte) (base + 55 + lenLen);
    for (int i = lenLen - 1; i >= 0; i--) {
      out[p++] = (byte) (length >>> (8 * i));
    }
    return p;
  }

  /** The keccak256 of the node's RLP (for a reference, the hash it stands for). */
  static Hash hash(Node n) {
    Hash h = n.hash;
    if (h == null) {
      h = Hash.wrapOwned(Keccak256.hash(encode(n)));
      n.hash = h;
    }
    return h;
  }

  /** Whether a parent references this node by hash rather than embedding it. */
  static boolean isHashed(Node n) {
    return n instanceof Node.Ref || encode(n).length >= 32;
  }

  /** Decodes a stored node; it and its embedded children are marked persisted. */
  static Node decode(byte[] rlp, Hash hash) {
    try {
      Node n = decode(rlp);
      n.hash = hash;
      return n;
    } catch (RlpException | TrieException e) {
      throw new TrieException("invalid trie node " + hash.toHex() + ": " + e.getMessage(), e);
    }
  }

  static Node decode(byte[] rlp) {
    RlpReader counter = RlpReader.ofSingleItem(rlp).readList();
    int items = 0;
    while (counter.hasNext()) {
      counter.skip();
      items++;
    }
    RlpReader r = RlpReader.ofSingleItem(rlp).readList();
    Node n;
    if (items == 2) {
      Nibbles.Decoded hp = Nibbles.decodeHexPrefix(r.readBytes());
      if (hp.leaf()) {
        n = new Node.Leaf(hp.path(), r.readBytes());
      } else {
        if (hp.path().length == 0) {
          throw new TrieException("extension with an empty path");
        }
        Node child = readRef(r);
        if (child == null) {
          throw new TrieException("extension without a child");
        }
        n = new Node.Extension(hp.path(), child);
      }
    } else if (items == 17) {
      Node[] children = new Node[16];
      for (int i = 0; i < 16; i++) {
        children[i] = readRef(r);
      }
      byte[] value = r.readBytes();
      n = new Node.Branch(children, value.length == 0 ? null : value);
    } else {
      throw new TrieException("a node has 2 or 17 items, found " + items);
    }
    n.encoded = rlp;
    n.persisted = true;
    return n;
  }

  private static Node readRef(RlpReader r) {
    if (r.nextIsList()) {
      byte[] raw = r.readRaw();
      if (raw.length >= 32) {
        throw new TrieException("embedded node of " + raw.length + " bytes (must be under 32)");
      }
      return decode(raw);
    }
    byte[] b = r.readBytes();
    if (b.length == 0) {
      return null;
    }
    if (b.length != 32) {
      throw new TrieException("child reference of " + b.length + " bytes (want 0 or 32)");
    }
    return new Node.Ref(Hash.wrapOwned(b));
  }
}
