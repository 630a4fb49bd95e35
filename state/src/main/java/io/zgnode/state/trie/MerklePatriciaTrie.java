package io.zgnode.state.trie;

import io.zgnode.evm.types.Hash;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.BiPredicate;

/**
 * The hexary Merkle-Patricia trie of the Ethereum yellow paper (appendix D) over byte-string keys.
 *
 * <p>The trie starts from a root hash in a {@link NodeStore} and loads nodes as walks reach them
 * (through an optional shared {@link TrieNodeCache}). Updates copy the path they change and never
 * touch stored nodes, so the trie at the old root stays intact for other readers. {@link
 * #rootHash()} hashes only nodes created since the previous call; {@link #commit} hands every new
 * node that is referenced by hash (and the root, whatever its size) to a sink that stores it.
 *
 * <p>Thread-safety: a trie is owned by one thread while it is modified. Reads ({@link #get}, {@link
 * #proof}, {@link #forEach}, {@link #rootHash}) may run concurrently with each other when no thread
 * modifies the trie. Internally {@link #rootHash} may hash independent subtrees on a small
 * fork-join pool; the result does not depend on it.
 */
public final class MerklePatriciaTrie {
  private final NodeStore store;
  private final TrieNodeCache cache;
  private Node root;
  private int changesSinceHash;

  /**
   * Stored nodes that updates replaced: the new root no longer needs them, so a commit drops them
   * from the cache (they stay on disk for older roots). This keeps the cache holding the live trie
   * instead of a history of versions. Filled by parallel updates, hence synchronized.
   */
  private final List<Hash> superseded = Collections.synchronizedList(new ArrayList<>());

  /** An empty trie whose nodes will be resolved in {@code store}. */
  public MerklePatriciaTrie(NodeStore store) {
    this(store, Hash.EMPTY_TRIE, null);
  }

  public MerklePatriciaTrie(NodeStore store, Hash root) {
    this(store, root, null);
  }

  /**
   * @param store where nodes referenced by hash are loaded from
   * @param root the root hash ({@link Hash#EMPTY_TRIE} for an empty trie)
   * @param cache a shared cache of decoded nodes, or null
   */
  public MerklePatriciaTrie(NodeStore store, Hash root, TrieNodeCache cache) {
    this.store = Objects.requireNonNull(store, "store");
    this.cache = cache;
    this.root = root.equals(Hash.EMPTY_TRIE) ? null : new Node.Ref(root);
  }

  /** The value stored under {@code key}, or null. */
  public byte[] get(byte[] key) {
    byte[] path = Nibbles.fromKey(Objects.requireNonNull(key, "trie key must not be null"));
    Node n = root;
    int pos = 0;
    while (true) {
      switch (n) {
        case null -> {
          return null;
        }
        case Node.Ref r -> n = resolve(r);
        case Node.Leaf l -> {
          return Nibbles.matchesRest(l.path, path, pos) ? l.value.clone() : null;
        }
        case Node.Extension x -> {
          if (Nibbles.commonPrefix(x.path, path, pos) != x.path.length) {
            return null;
          }
          pos += x.path.length;
          n = x.child;
        }
        case Node.Branch b -> {
          if (pos == path.length) {
            return b.value == null ? null : b.value.clone();
          }
          n = b.children[path[pos++]];
        }
      }
    }
  }

  /** Stores {@code value} under {@code key}; an empty value removes the key. */
  public void put(byte[] key, byte[] value) {
    Objects.requireNonNull(key, "trie key must not be null");
    Objects.requireNonNull(value, "trie value must not be null (an empty value removes)");
    if (value.length == 0) {
      remove(key);
      return;
    }
    Node updated = insert(root, Nibbles.fromKey(key), 0, value.clone());
    if (updated != root) {
      root = updated;
      changesSinceHash++;
    }
  }

  /** Removes {@code key}; nothing happens when it is absent. */
  public void remove(byte[] key) {
    Objects.requireNonNull(key, "trie key must not be null");
    Node updated = delete(root, Nibbles.fromKey(key), 0);
    if (updated != root) {
      root = updated;
      changesSinceHash++;
    }
  }

  /**
   * Applies many updates at once: {@code values[i]} under {@code keys[i]}, an empty value removing
   * the key, in order. Large batches on a trie whose root is a branch are split by first nibble and
   * applied, and hashed, on up to 16 subtrees in parallel; the result is the same as applying them
   * one by one.
   */
  public void putAll(byte[][] keys, byte[][] values) {
    if (keys.length != values.length) {
      throw new IllegalArgumentException(keys.length + " keys but " + values.length + " values");
    }
    Node top = root instanceof Node.Ref r ? resolve(r) : root;
    if (keys.length < TrieHashing.PARALLEL_THRESHOLD || !(top instanceof Node.Branch branch)) {
      for (int i = 0; i < keys.length; i++) {
        put(keys[i], values[i]);
      }
      return;
    }
    byte[][] paths = new byte[keys.length][];
    int[] counts = new int[16];
    List<Integer> rootValueUpdates = new ArrayList<>();
    for (int i = 0; i < keys.length; i++) {
      paths[i] = Nibbles.fromKey(keys[i]);
      if (paths[i].length == 0) {
        rootValueUpdates.add(i);
      } else {
        counts[paths[i][0]]++;
      }
    }
    int[][] groups = new int[16][];
    for (int n = 0; n < 16; n++) {
      groups[n] = new int[counts[n]];
      counts[n] = 0;
    }
    for (int i = 0; i < keys.length; i++) {
      if (paths[i].length > 0) {
        int n = paths[i][0];
        groups[n][counts[n]++] = i;
      }
    }
    Node[] children = branch.children.clone();
    List<Runnable> tasks = new ArrayList<>(16);
    for (int n = 0; n < 16; n++) {
      int nibble = n;
      if (groups[n].length == 0) {
        continue;
      }
      tasks.add(() -> {
        Node child = children[nibble];
        for (int i : groups[nibble]) {
          child =
              values[i].length == 0
                  ? delete(child, paths[i], 1)
                  : insert(child, paths[i], 1, values[i].clone());
        }
        if (child != null && !(child instanceof Node.Ref) && NodeCodec.isHashed(child)) {
          NodeCodec.hash(child);
        }
        children[nibble] = child;
      });
    }
    TrieHashing.runAll(tasks);
    byte[] value = branch.value;
    for (int i : rootValueUpdates) {
      value = values[i].length == 0 ? null : values[i].clone();
    }
    Node updated = normalize(children, value);
    if (updated != root) {
      if (root instanceof Node.Ref r) {
        supersede(r);
      }
      root = updated;
      changesSinceHash = 0; // the subtrees are hashed; only the top node is left
    }
  }

  /** Whether the trie has no keys. */
  public boolean isEmpty() {
    return root == null;
  }

  /**
   * The root hash: keccak256 of the root node's RLP (always, even when it is shorter than 32
   * bytes), or {@link Hash#EMPTY_TRIE}. Only nodes changed since the previous call are hashed.
   */
  public Hash rootHash() {
    Node r = root;
    if (r == null) {
      return Hash.EMPTY_TRIE;
    }
    if (changesSinceHash >= TrieHashing.PARALLEL_THRESHOLD) {
      TrieHashing.hashTopLevel(r);
    }
    changesSinceHash = 0;
    return NodeCodec.hash(r);
  }

  /** Computes the root hashes of several tries, in parallel when there is enough work. */
  public static void rootHashes(Collection<MerklePatriciaTrie> tries) {
    List<Runnable> tasks = new ArrayList<>(tries.size());
    for (MerklePatriciaTrie t : tries) {
      tasks.add(t::rootHash);
    }
    if (tries.size() < 4) {
      tasks.forEach(Runnable::run);
    } else {
      TrieHashing.runAll(tasks);
    }
  }

  /**
   * Hands every node created since the previous commit that is stored by hash to {@code sink} as
   * (keccak256, RLP), children before parents; the root is always included (unless the trie is
   * empty), even when its RLP is shorter than 32 bytes. Afterwards those nodes count as stored, and
   * if the trie has a cache they enter it. The trie remains usable.
   */
  public void commit(BiConsumer<Hash, byte[]> sink) {
    if (root == null) {
      dropSuperseded();
      return;
    }
    rootHash();
    dropSuperseded();
    if (root instanceof Node.Branch b && !b.persisted && changedChildren(b) >= 4) {
      // Large commits: walk the changed subtrees in parallel, then emit in a fixed order.
      List<List<TrieNode>> parts = new ArrayList<>(16);
      List<Runnable> tasks = new ArrayList<>(16);
      for (Node c : b.children) {
        if (c != null && !c.persisted) {
          List<TrieNode> part = new ArrayList<>();
          parts.add(part);
          tasks.add(() -> commitNode(c, false, (h, rlp) -> part.add(new TrieNode(h, rlp))));
        }
      }
      TrieHashing.runAll(tasks);
      for (List<TrieNode> part : parts) {
        for (TrieNode n : part) {
          sink.accept(n.hash(), n.rlp());
        }
      }
    }
    commitNode(root, true, sink);
  }

  /**
   * Drops the replaced nodes from the cache; done before the new nodes enter it, since a node can
   * be replaced and then rebuilt identical (same hash) within one batch of updates.
   */
  private void dropSuperseded() {
    synchronized (superseded) {
      if (cache != null && !superseded.isEmpty()) {
        // A plain copy: the pool's threads must not touch the synchronized list we hold.
        Hash[] hashes = superseded.toArray(new Hash[0]);
        int n = hashes.length;
        int parts = n < 2048 ? 1 : 4;
        List<Runnable> tasks = new ArrayList<>(parts);
        for (int p = 0; p < parts; p++) {
          int from = p * n / parts;
          int to = (p + 1) * n / parts;
          tasks.add(() -> {
            for (int i = from; i < to; i++) {
              cache.remove(hashes[i]);
            }
          });
        }
        TrieHashing.runAll(tasks);
      }
      superseded.clear();
    }
  }

  private static int changedChildren(Node.Branch b) {
    int n = 0;
    for (Node c : b.children) {
      if (c != null && !c.persisted) {
        n++;
      }
    }
    return n;
  }

  private void supersede(Node.Ref r) {
    if (cache != null) {
      superseded.add(r.hash);
    }
  }

  /**
   * The RLP of the nodes on the path to {@code key}, root first: the root and every node referenced
   * by hash along the way (embedded nodes are inside their parents). It proves the value, or the
   * absence of the key, against {@link #rootHash()}; see {@link TrieProofs#verify}.
   */
  public List<byte[]> proof(byte[] key) {
    List<byte[]> out = new ArrayList<>();
    if (root == null) {
      return out;
    }
    rootHash();
    byte[] path = Nibbles.fromKey(key);
    Node n = root;
    int pos = 0;
    boolean first = true;
    while (n != null) {
      if (n instanceof Node.Ref r) {
        n = resolve(r);
        out.add(NodeCodec.encode(n).clone());
      } else if (first || NodeCodec.isHashed(n)) {
        out.add(NodeCodec.encode(n).clone());
      }
      first = false;
      switch (n) {
        case Node.Leaf l -> n = null;
        case Node.Extension x -> {
          if (Nibbles.commonPrefix(x.path, path, pos) != x.path.length) {
            n = null;
          } else {
            pos += x.path.length;
            n = x.child;
          }
        }
        case Node.Branch b -> n = pos == path.length ? null : b.children[path[pos++]];
        case Node.Ref r -> throw new IllegalStateException("unreachable");
      }
    }
    return out;
  }

  /**
   * Visits the entries with key {@code >= startKey} in key order (unsigned bytes, shorter first)
   * until {@code visitor} returns false. The visitor receives copies it may keep.
   */
  public void forEach(byte[] startKey, BiPredicate<byte[], byte[]> visitor) {
    byte[] start = Nibbles.fromKey(startKey == null ? new byte[0] : startKey);
    visit(root, new byte[128], 0, start, true, visitor);
  }

  // ---- insertion -------------------------------------------------------------------------------

  private Node insert(Node node, byte[] key, int pos, byte[] value) {
    switch (node) {
      case null -> {
        return new Node.Leaf(Nibbles.slice(key, pos), value);
      }
      case Node.Ref r -> {
        Node resolved = resolve(r);
        Node updated = insert(resolved, key, pos, value);
        if (updated == resolved) {
          return r;
        }
        supersede(r);
        return updated;
      }
      case Node.Leaf l -> {
        int common = Nibbles.commonPrefix(l.path, key, pos);
        boolean leafEnds = common == l.path.length;
        boolean keyEnds = pos + common == key.length;
        if (leafEnds && keyEnds) {
          return Arrays.equals(l.value, value) ? l : new Node.Leaf(l.path, value);
        }
        Node[] children = new Node[16];
        byte[] branchValue = null;
        if (leafEnds) {
          branchValue = l.value;
        } else {
          children[l.path[common]] = new Node.Leaf(Nibbles.slice(l.path, common + 1), l.value);
        }
        if (keyEnds) {
          branchValue = value;
        } else {
          children[key[pos + common]] = new Node.Leaf(Nibbles.slice(key, pos + common + 1), value);
        }
        Node branch = new Node.Branch(children, branchValue);
        return common == 0 ? branch : new Node.Extension(Nibbles.slice(l.path, 0, common), branch);
      }
      case Node.Extension x -> {
        int common = Nibbles.commonPrefix(x.path, key, pos);
        if (common == x.path.length) {
          Node child = insert(x.child, key, pos + common, value);
          return child == x.child ? x : new Node.Extension(x.path, child);
        }
        Node[] children = new Node[16];
        byte[] branchValue = null;
        children[x.path[common]] =
            common + 1 == x.path.length
                ? x.child
                : new Node.Extension(Nibbles.slice(x.path, common + 1), x.child);
        if (pos + common == key.length) {
          branchValue = value;
        } else {
          children[key[pos + common]] = new Node.Leaf(Nibbles.slice(key, pos + common + 1), value);
        }
        Node branch = new Node.Branch(children, branchValue);
        return common == 0 ? branch : new Node.Extension(Nibbles.slice(x.path, 0, common), branch);
      }
      case Node.Branch b -> {
        if (pos == key.length) {
          return Arrays.equals(b.value, value) ? b : new Node.Branch(b.children.clone(), value);
        }
        int i = key[pos];
        Node child = insert(b.children[i], key, pos + 1, value);
        if (child == b.children[i]) {
          return b;
        }
        Node[] children = b.children.clone();
        children[i] = child;
        return new Node.Branch(children, b.value);
      }
    }
  }

  // ---- deletion --------------------------------------------------------------------------------

  /** Returns the node without {@code key} (the same instance when absent), or null when empty. */
  private Node delete(Node node, byte[] key, int pos) {
    switch (node) {
      case null -> {
        return null;
      }
      case Node.Ref r -> {
        Node resolved = resolve(r);
        Node updated = delete(resolved, key, pos);
        if (updated == resolved) {
          return r;
        }
        supersede(r);
        return updated;
      }
      case Node.Leaf l -> {
        return Nibbles.matchesRest(l.path, key, pos) ? null : l;
      }
      case Node.Extension x -> {
        if (Nibbles.commonPrefix(x.path, key, pos) != x.path.length) {
          return x;
        }
        Node child = delete(x.child, key, pos + x.path.length);
        if (child == x.child) {
          return x;
        }
        return child == null ? null : prefixed(x.path, child);
      }
      case Node.Branch b -> {
        Node[] children;
        byte[] value = b.value;
        if (pos == key.length) {
          if (b.value == null) {
            return b;
          }
          children = b.children;
          value = null;
        } else {
          int i = key[pos];
          Node child = delete(b.children[i], key, pos + 1);
          if (child == b.children[i]) {
            return b;
          }
          children = b.children.clone();
          children[i] = child;
        }
        return normalize(children, value);
      }
    }
  }

  /** A branch that lost an entry: keep it if it still branches, else fold it into one node. */
  private Node normalize(Node[] children, byte[] value) {
    int count = 0;
    int only = -1;
    for (int i = 0; i < 16; i++) {
      if (children[i] != null) {
        count++;
        only = i;
      }
    }
    if (count + (value == null ? 0 : 1) >= 2) {
      return new Node.Branch(children, value);
    }
    if (count == 0) {
      return value == null ? null : new Node.Leaf(Nibbles.EMPTY, value);
    }
    return prefixed(new byte[] {(byte) only}, children[only]);
  }

  /** {@code child} reached through {@code path}: merged into one node when it is not a branch. */
  private Node prefixed(byte[] path, Node child) {
    Node c = child instanceof Node.Ref r ? resolve(r) : child;
    if (child instanceof Node.Ref r && !(c instanceof Node.Branch)) {
      supersede(r); // merged into a new node
    }
    return switch (c) {
      case Node.Leaf l -> new Node.Leaf(Nibbles.concat(path, l.path), l.value);
      case Node.Extension x -> new Node.Extension(Nibbles.concat(path, x.path), x.child);
      // Keep the reference itself when the child is unchanged: it is already hashed and stored.
      case Node.Branch b -> new Node.Extension(path, child);
      case Node.Ref r -> throw new IllegalStateException("unreachable");
    };
  }

  // ---- commit ----------------------------------------------------------------------------------

  private void commitNode(Node n, boolean isRoot, BiConsumer<Hash, byte[]> sink) {
    if (n.persisted) {
      return;
    }
    switch (n) {
      case Node.Extension x -> commitNode(x.child, false, sink);
      case Node.Branch b -> {
        for (Node c : b.children) {
          if (c != null) {
            commitNode(c, false, sink);
          }
        }
      }
      default -> {}
    }
    byte[] enc = NodeCodec.encode(n);
    if (isRoot || enc.length >= 32) {
      Hash h = NodeCodec.hash(n);
      sink.accept(h, enc);
      if (cache != null) {
        cache.put(h, collapsed(n));
      }
    }
    n.persisted = true;
  }

  /** A copy of {@code n} whose hashed children are bare references, fit for the shared cache. */
  private static Node collapsed(Node n) {
    switch (n) {
      case Node.Extension x -> {
        if (x.child instanceof Node.Ref || !NodeCodec.isHashed(x.child)) {
          return x;
        }
        Node copy = new Node.Extension(x.path, new Node.Ref(NodeCodec.hash(x.child)));
        return memoised(copy, x);
      }
      case Node.Branch b -> {
        Node[] children = null;
        for (int i = 0; i < 16; i++) {
          Node c = b.children[i];
          if (c != null && !(c instanceof Node.Ref) && NodeCodec.isHashed(c)) {
            if (children == null) {
              children = b.children.clone();
            }
            children[i] = new Node.Ref(NodeCodec.hash(c));
          }
        }
        return children == null ? b : memoised(new Node.Branch(children, b.value), b);
      }
      default -> {
        return n;
      }
    }
  }

  private static Node memoised(Node copy, Node original) {
    copy.encoded = original.encoded;
    copy.hash = original.hash;
    copy.persisted = true;
    return copy;
  }

  // ---- iteration -------------------------------------------------------------------------------

  /**
   * Depth-first walk in key order. {@code bounded} means the walk is still on the path of {@code
   * start}, so entries before it are skipped; off that path everything is visited.
   *
   * @return false when the visitor asked to stop
   */
  private boolean visit(
      Node n,
      byte[] prefix,
      int len,
      byte[] start,
      boolean bounded,
      BiPredicate<byte[], byte[]> visitor) {
    switch (n) {
      case null -> {
        return true;
      }
      case Node.Ref r -> {
        return visit(resolve(r), prefix, len, start, bounded, visitor);
      }
      case Node.Leaf l -> {
        byte[] full = append(prefix, len, l.path);
        int fullLen = len + l.path.length;
        if (bounded && compareNibbles(full, fullLen, start) < 0) {
          return true;
        }
        return visitor.test(Nibbles.toKey(full, fullLen), l.value.clone());
      }
      case Node.Extension x -> {
        boolean stillBounded = bounded;
        if (bounded) {
          int c = compareSegment(x.path, start, len);
          if (c < 0) {
            return true;
          }
          stillBounded = c == 0;
        }
        byte[] p = append(prefix, len, x.path);
        return visit(x.child, p, len + x.path.length, start, stillBounded, visitor);
      }
      case Node.Branch b -> {
        boolean bnd = bounded && start.length > len;
        if (!bnd && b.value != null) {
          if (!visitor.test(Nibbles.toKey(prefix, len), b.value.clone())) {
            return false;
          }
        }
        int from = bnd ? start[len] : 0;
        for (int i = from; i < 16; i++) {
          Node c = b.children[i];
          if (c != null) {
            byte[] p = prefix.length > len ? prefix : Arrays.copyOf(prefix, len * 2 + 2);
            p[len] = (byte) i;
            if (!visit(c, p, len + 1, start, bnd && i == from, visitor)) {
              return false;
            }
          }
        }
        return true;
      }
    }
  }

  private static byte[] append(byte[] prefix, int len, byte[] path) {
    byte[] p =
        prefix.length >= len + path.length ? prefix : Arrays.copyOf(prefix, len + path.length + 64);
    System.arraycopy(path, 0, p, len, path.length);
    return p;
  }

  /**
   * Compares {@code path} with the segment of {@code start} at {@code offset}: negative when every
   * key under the path is before start, zero when start continues through the path, positive when
   * every key under the path is at or after start.
   */
  private static int compareSegment(byte[] path, byte[] start, int offset) {
    for (int i = 0; i < path.length; i++) {
      if (offset + i >= start.length) {
        return 1;
      }
      int c = Byte.compare(path[i], start[offset + i]);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  private static int compareNibbles(byte[] a, int aLen, byte[] b) {
    return Arrays.compare(a, 0, aLen, b, 0, b.length);
  }

  // ---- loading ---------------------------------------------------------------------------------

  private Node resolve(Node.Ref r) {
    if (cache != null) {
      Node cached = cache.get(r.hash);
      if (cached != null) {
        return cached;
      }
    }
    byte[] data = store.get(r.hash);
    if (data == null) {
      throw new MissingTrieNodeException(r.hash);
    }
    Node n = NodeCodec.decode(data, r.hash);
    if (cache != null) {
      cache.put(r.hash, n);
    }
    return n;
  }
}
