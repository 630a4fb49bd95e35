package io.zgnode.state.trie;

import io.zgnode.evm.crypto.Keccak256;
import io.zgnode.evm.rlp.RlpException;
import io.zgnode.evm.rlp.RlpReader;
import io.zgnode.evm.rlp.RlpWriter;
import io.zgnode.evm.types.Hash;

/**
 * RLP of trie nodes: a leaf is [hp(path, leaf), value], an extension [hp(path), ref(child)], a
 * branch [ref(0), .., ref(15), value]. A child whose RLP is shorter than 32 bytes is embedded in
 * its parent as it is; a longer one is referenced by the keccak256 of its RLP.
 */
final class NodeCodec {
  private static final byte[] NO_BYTES = new byte[0];

  private NodeCodec() {}

  static byte[] encode(Node n) {
    byte[] e = n.encoded;
    if (e != null) {
      return e;
    }
    RlpWriter w;
    switch (n) {
      case Node.Leaf l -> {
        w = new RlpWriter(l.path.length / 2 + l.value.length + 16);
        w.startList().writeBytes(Nibbles.hexPrefix(l.path, true)).writeBytes(l.value).endList();
      }
      case Node.Extension x -> {
        w = new RlpWriter(x.path.length / 2 + 48);
        w.startList().writeBytes(Nibbles.hexPrefix(x.path, false));
        writeRef(w, x.child);
        w.endList();
      }
      case Node.Branch b -> {
        w = new RlpWriter(560);
        w.startList();
        for (Node c : b.children) {
          if (c == null) {
            w.writeBytes(NO_BYTES);
          } else {
            writeRef(w, c);
          }
        }
        w.writeBytes(b.value == null ? NO_BYTES : b.value);
        w.endList();
      }
      case Node.Ref r ->
          throw new IllegalStateException("a hash reference has no encoding of its own");
    }
    e = w.toByteArray();
    n.encoded = e;
    return e;
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

  private static void writeRef(RlpWriter w, Node child) {
    if (child instanceof Node.Ref r) {
      w.writeBytes(r.hash.bytesUnsafe());
      return;
    }
    byte[] enc = encode(child);
    if (enc.length < 32) {
      w.writeRaw(enc);
    } else {
      w.writeBytes(hash(child).bytesUnsafe());
    }
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
