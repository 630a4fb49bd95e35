package io.zgnode.state.trie;

import io.zgnode.evm.types.Hash;

/**
 * A node of the hexary Merkle-Patricia trie. Nodes are immutable (updates copy the path from the
 * root), so a node can be shared by several tries, by the node cache and by several threads. The
 * only state that changes is memoisation: the RLP encoding and the hash, computed once (the values
 * are deterministic, so racing computations agree), and {@link #persisted}, which the single owner
 * of a trie sets when it hands the node to a commit.
 */
abstract sealed class Node permits Node.Leaf, Node.Extension, Node.Branch, Node.Ref {
  volatile byte[] encoded;
  volatile Hash hash;

  /** Already in the node store (or embedded in a node that is): a commit skips it. */
  volatile boolean persisted;

  /** A key suffix (nibbles) ending at a value. */
  static final class Leaf extends Node {
    final byte[] path;
    final byte[] value;

    Leaf(byte[] path, byte[] value) {
      this.path = path;
      this.value = value;
    }
  }

  /** A shared run of nibbles leading to a branch. */
  static final class Extension extends Node {
    final byte[] path;
    final Node child;

    Extension(byte[] path, Node child) {
      this.path = path;
      this.child = child;
    }
  }

  /** Sixteen children by next nibble, and the value of a key that ends here. */
  static final class Branch extends Node {
    final Node[] children;
    final byte[] value;

    Branch(Node[] children, byte[] value) {
      this.children = children;
      this.value = value;
    }

    int childCount() {
      int n = 0;
      for (Node c : children) {
        if (c != null) {
          n++;
        }
      }
      return n;
    }
  }

  /** A node known only by its hash, loaded from the store when a walk reaches it. */
  static final class Ref extends Node {
    Ref(Hash hash) {
      this.hash = hash;
      this.persisted = true;
    }
  }
}
