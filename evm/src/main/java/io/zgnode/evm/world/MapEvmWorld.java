package io.zgnode.evm.world;

import io.zgnode.evm.types.Address;
import io.zgnode.evm.types.Hash;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableSet;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An in-memory {@link EvmWorld} over sorted maps, for the state-test runner, tools and unit tests.
 * Iteration is in address and slot order, so anything derived from it is deterministic. {@link
 * #copy()} is a deep copy of the maps (code arrays are shared: they are never modified).
 *
 * <p>Changes are journaled only while a checkpoint is open, so loading a pre-state costs nothing
 * extra.
 */
public final class MapEvmWorld implements EvmWorld {
  private static final byte[] NO_CODE = new byte[0];

  /** One account's mutable data. */
  private static final class Data {
    long nonce;
    BigInteger balance = BigInteger.ZERO;
    byte[] code = NO_CODE;
    Hash codeHash = Hash.EMPTY_CODE;
    TreeMap<Hash, Hash> storage = new TreeMap<>();

    Data copy() {
      Data d = new Data();
      d.nonce = nonce;
      d.balance = balance;
      d.code = code;
      d.codeHash = codeHash;
      d.storage = new TreeMap<>(storage);
      return d;
    }
  }

  /** An undo record: what to restore when a checkpoint is reverted. */
  private sealed interface Undo {}

  private record Created(Address address) implements Undo {}

  private record Deleted(Address address, Data data) implements Undo {}

  private record NonceSet(Data data, long previous) implements Undo {}

  private record BalanceSet(Data data, BigInteger previous) implements Undo {}

  private record CodeSet(Data data, byte[] previous, Hash previousHash) implements Undo {}

  private record SlotSet(Data data, Hash slot, Hash previous) implements Undo {}

  private final TreeMap<Address, Data> accounts;
  private final ArrayList<Undo> journal = new ArrayList<>();
  private int[] marks = new int[16];
  private int depth;

  public MapEvmWorld() {
    this.accounts = new TreeMap<>();
  }

  private MapEvmWorld(TreeMap<Address, Data> accounts) {
    this.accounts = accounts;
  }

  /** A deep copy with no open checkpoints. */
  public MapEvmWorld copy() {
    TreeMap<Address, Data> c = new TreeMap<>();
    for (Map.Entry<Address, Data> e : accounts.entrySet()) {
      c.put(e.getKey(), e.getValue().copy());
    }
    return new MapEvmWorld(c);
  }

  /** The addresses of all existing accounts, in order. */
  public NavigableSet<Address> addresses() {
    return Collections.unmodifiableNavigableSet(accounts.navigableKeySet());
  }

  /** The non-zero storage of an account, by slot (empty for a missing account). */
  public SortedMap<Hash, Hash> storageOf(Address address) {
    Data d = accounts.get(address);
    return d == null ? Collections.emptySortedMap() : Collections.unmodifiableSortedMap(d.storage);
  }

  // ---- reads ------------------------------------------------------------------------------------

  @Override
  public boolean exists(Address address) {
    return accounts.containsKey(address);
  }

  @Override
  public boolean isEmpty(Address address) {
    Data d = accounts.get(address);
    return d == null || (d.nonce == 0 && d.balance.signum() == 0 && d.code.length == 0);
  }

  @Override
  public BigInteger balance(Address address) {
    Data d = accounts.get(address);
    return d == null ? BigInteger.ZERO : d.balance;
  }

  @Override
  public long nonce(Address address) {
    Data d = accounts.get(address);
    return d == null ? 0 : d.nonce;
  }

  @Override
  public byte[] code(Address address) {
    Data d = accounts.get(address);
    return d == null ? NO_CODE : d.code;
  }

  @Override
  public Hash codeHash(Address address) {
    Data d = accounts.get(address);
    return d == null ? Hash.EMPTY_CODE : d.codeHash;
  }

  @Override
  public boolean hasStorage(Address address) {
    Data d = accounts.get(address);
    return d != null && !d.storage.isEmpty();
  }

  @Override
  public Hash storage(Address address, Hash slot) {
    Data d = accounts.get(address);
    if (d == null) {
      return Hash.ZERO;
    }
    Hash v = d.storage.get(slot);
    return v == null ? Hash.ZERO : v;
  }

  // ---- writes -----------------------------------------------------------------------------------

  private Data getOrCreate(Address address) {
    Data d = accounts.get(address);
    if (d == null) {
      d = new Data();
      accounts.put(address, d);
      if (depth > 0) {
        journal.add(new Created(address));
      }
    }
    return d;
  }

  @Override
  public void setBalance(Address address, BigInteger balance) {
    if (balance.signum() < 0 || balance.bitLength() > 256) {
      throw new IllegalArgumentException("balance out of range [0, 2^256): " + balance);
    }
    Data d = getOrCreate(address);
    if (depth > 0) {
      journal.add(new BalanceSet(d, d.balance));
    }
    d.balance = balance;
  }

  @Override
  public void setNonce(Address address, long nonce) {
    Data d = getOrCreate(address);
    if (depth > 0) {
      journal.add(new NonceSet(d, d.nonce));
    }
    d.nonce = nonce;
  }

  @Override
  public void setCode(Address address, byte[] code) {
    setCode(address, code, code.length == 0 ? Hash.EMPTY_CODE : Hash.keccak(code));
  }

  /** Sets code whose hash the caller already knows. */
  public void setCode(Address address, byte[] code, Hash codeHash) {
    Data d = getOrCreate(address);
    if (depth > 0) {
      journal.add(new CodeSet(d, d.code, d.codeHash));
    }
    d.code = code.length == 0 ? NO_CODE : code;
    d.codeHash = codeHash;
  }

  @Override
  public void setStorage(Address address, Hash slot, Hash value) {
    Data d = getOrCreate(address);
    Hash previous = value.equals(Hash.ZERO) ? d.storage.remove(slot) : d.storage.put(slot, value);
    if (depth > 0) {
      journal.add(new SlotSet(d, slot, previous));
    }
  }

  @Override
  public void createAccount(Address address) {
    getOrCreate(address);
  }

  @Override
  public void deleteAccount(Address address) {
    Data d = accounts.remove(address);
    if (d != null && depth > 0) {
      journal.add(new Deleted(address, d));
    }
  }

  // ---- journal ----------------------------------------------------------------------------------

  @Override
  public int checkpoint() {
    if (depth == marks.length) {
      marks = Arrays.copyOf(marks, depth * 2);
    }
    marks[depth] = journal.size();
    return depth++;
  }

  @Override
  public void revertTo(int id) {
    check(id);
    int mark = marks[id];
    for (int i = journal.size() - 1; i >= mark; i--) {
      undo(journal.get(i));
    }
    truncate(mark);
    depth = id;
  }

  @Override
  public void commit(int id) {
    check(id);
    if (id != depth - 1) {
      throw new IllegalArgumentException(
          "checkpoint " + id + " is not the innermost open checkpoint (" + (depth - 1) + ")");
    }
    depth = id;
    if (depth == 0) {
      journal.clear();
    }
  }

  private void truncate(int size) {
    if (size == 0) {
      journal.clear();
    } else {
      journal.subList(size, journal.size()).clear();
    }
  }

  private void check(int id) {
    if (id < 0 || id >= depth) {
      throw new IllegalArgumentException(
          "checkpoint " + id + " is not open (open checkpoints: " + depth + ")");
    }
  }

  private void undo(Undo u) {
    switch (u) {
      case Created c -> accounts.remove(c.address());
      case Deleted d -> accounts.put(d.address(), d.data());
      case NonceSet n -> n.data().nonce = n.previous();
      case BalanceSet b -> b.data().balance = b.previous();
      case CodeSet c -> {
        c.data().code = c.previous();
        c.data().codeHash = c.previousHash();
      }
      case SlotSet s -> {
        if (s.previous() == null) {
          s.data().storage.remove(s.slot());
        } else {
          s.data().storage.put(s.slot(), s.previous());
        }
      }
    }
  }
}
