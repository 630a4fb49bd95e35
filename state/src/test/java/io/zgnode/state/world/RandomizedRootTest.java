package io.zgnode.state.world;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.zgnode.evm.crypto.Keccak256;
import io.zgnode.evm.types.Address;
import io.zgnode.evm.types.Hash;
import io.zgnode.state.TestCommits;
import io.zgnode.state.store.StateDatabase;
import io.zgnode.state.trie.NodeStore;
import io.zgnode.state.trie.SecureMerklePatriciaTrie;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded random operations (balances, nonces, code, storage, deletions, nested checkpoints with
 * reverts, root computations in between, commits over many heights) against a plain model. After
 * each height the incremental root must equal a root computed from scratch with bare tries, the
 * latest view must read the model, and older views must still read their own heights.
 */
class RandomizedRootTest {

  @Test
  void inMemory() {
    try (StateDatabase db = StateDatabase.inMemory()) {
      run(db, 42, 40, 300);
    }
  }

  @Test
  void onRocksDb(@TempDir Path dir) {
    try (StateDatabase db = StateDatabase.open(dir.resolve("db"))) {
      run(db, 4242, 15, 300);
    }
  }

  private static void run(StateDatabase db, long seed, int heights, int opsPerHeight) {
    Random rnd = new Random(seed);
    List<Address> addresses = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      addresses.add(Address.fromLong(0x1000 + i * 7919L));
    }
    TreeMap<Address, Model> model = new TreeMap<>();
    Map<Hash, TreeMap<Address, Model>> history = new LinkedHashMap<>();
    for (int h = 0; h < heights; h++) {
      WorldUpdater w = db.newUpdater();
      Deque<TreeMap<Address, Model>> saved = new ArrayDeque<>();
      Deque<Integer> ids = new ArrayDeque<>();
      for (int op = 0; op < opsPerHeight; op++) {
        Address a = addresses.get(rnd.nextInt(rnd.nextInt(4) == 0 ? addresses.size() : 12));
        int kind = rnd.nextInt(100);
        if (kind < 25) {
          BigInteger v = BigInteger.valueOf(rnd.nextInt(1000));
          w.setBalance(a, v);
          model.computeIfAbsent(a, x -> new Model()).balance = v;
        } else if (kind < 35) {
          BigInteger v = BigInteger.valueOf(rnd.nextInt(50));
          w.addBalance(a, v);
          if (v.signum() > 0) {
            Model m = model.computeIfAbsent(a, x -> new Model());
            m.balance = m.balance.add(v);
          }
        } else if (kind < 42) {
          w.incrementNonce(a);
          model.computeIfAbsent(a, x -> new Model()).nonce++;
        } else if (kind < 70) {
          Hash slot = word(rnd.nextInt(20));
          Hash value = rnd.nextInt(3) == 0 ? Hash.ZERO : word(1 + rnd.nextInt(1 << 20));
          w.setStorage(a, slot, value);
          Model m = model.computeIfAbsent(a, x -> new Model());
          if (value.equals(Hash.ZERO)) {
            m.storage.remove(slot);
          } else {
            m.storage.put(slot, value);
          }
        } else if (kind < 74) {
          byte[] code = new byte[rnd.nextInt(40)];
          rnd.nextBytes(code);
          w.setCode(a, code);
          model.computeIfAbsent(a, x -> new Model()).code = code;
        } else if (kind < 78) {
          w.deleteAccount(a);
          model.remove(a);
        } else if (kind < 86) {
          ids.push(w.checkpoint());
          saved.push(copy(model));
        } else if (kind < 92 && !ids.isEmpty()) {
          // revert to a random open checkpoint, closing the ones inside it
          int depth = rnd.nextInt(ids.size());
          for (int i = 0; i < depth; i++) {
            ids.pop();
            saved.pop();
          }
          w.revertTo(ids.pop());
          model = saved.pop();
        } else if (kind < 97 && !ids.isEmpty()) {
          w.commitCheckpoint(ids.pop());
          saved.pop();
        } else {
          w.computeStateRoot();
        }
      }
      while (!ids.isEmpty()) {
        w.commitCheckpoint(ids.pop());
      }
      Hash expected = freshRoot(model);
      assertEquals(expected, w.computeStateRoot(), "height " + h);
      TestCommits.commitNext(db, w);
      assertEquals(expected, db.lastCommit().stateRoot());
      checkView(db.latestView(), model, addresses);
      history.put(expected, copy(model));
    }
    for (Map.Entry<Hash, TreeMap<Address, Model>> past : history.entrySet()) {
      checkView(db.viewAt(past.getKey()), past.getValue(), addresses);
    }
  }

  private static void checkView(WorldView view, TreeMap<Address, Model> model, List<Address> all) {
    for (Address a : all) {
      Model m = model.get(a);
      Account acc = view.account(a);
      if (m == null) {
        assertEquals(null, acc, a.toString());
        continue;
      }
      assertEquals(m.balance, acc.balance());
      assertEquals(m.nonce, acc.nonce());
      assertArrayEquals(m.code, view.code(a));
      for (int s = 0; s < 20; s++) {
        assertEquals(m.storage.getOrDefault(word(s), Hash.ZERO), view.storage(a, word(s)));
      }
    }
  }

  /** The root from scratch, with bare secure tries and no world-updater logic. */
  private static Hash freshRoot(TreeMap<Address, Model> model) {
    SecureMerklePatriciaTrie accounts =
        new SecureMerklePatriciaTrie(NodeStore.EMPTY, Hash.EMPTY_TRIE);
    for (Map.Entry<Address, Model> e : model.entrySet()) {
      Model m = e.getValue();
      SecureMerklePatriciaTrie storage =
          new SecureMerklePatriciaTrie(NodeStore.EMPTY, Hash.EMPTY_TRIE);
      for (Map.Entry<Hash, Hash> s : m.storage.entrySet()) {
        storage.put(s.getKey().bytesUnsafe(), StorageValues.toTrieValue(s.getValue()));
      }
      Hash codeHash = m.code.length == 0 ? Hash.EMPTY_CODE : Hash.wrap(Keccak256.hash(m.code));
      Account acc = new Account(m.nonce, m.balance, storage.rootHash(), codeHash);
      accounts.put(e.getKey().bytesUnsafe(), acc.encode());
    }
    return accounts.rootHash();
  }

  private static Hash word(long v) {
    return StorageValues.fromMinimal(BigInteger.valueOf(v).toByteArray());
  }

  private static TreeMap<Address, Model> copy(TreeMap<Address, Model> m) {
    TreeMap<Address, Model> c = new TreeMap<>();
    m.forEach((k, v) -> c.put(k, v.copy()));
    return c;
  }

  private static final class Model {
    long nonce;
    BigInteger balance = BigInteger.ZERO;
    byte[] code = new byte[0];
    TreeMap<Hash, Hash> storage = new TreeMap<>();

    Model copy() {
      Model m = new Model();
      m.nonce = nonce;
      m.balance = balance;
      m.code = code;
      m.storage = new TreeMap<>(storage);
      return m;
    }
  }
}
