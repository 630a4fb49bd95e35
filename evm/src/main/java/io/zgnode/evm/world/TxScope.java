package io.zgnode.evm.world;

import io.zgnode.evm.types.Address;
import io.zgnode.evm.types.Hash;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * What lives for one transaction beside the accounts: the EIP-2929 warm addresses and slots, the
 * EIP-1153 transient storage, logs, the refund counter, accounts created (EIP-6780), accounts that
 * self-destructed, accounts touched (EIP-161), and the storage values at the start of the
 * transaction (EIP-2200). All but the original values are journaled with checkpoints that the
 * processor opens and closes together with the {@link EvmWorld}'s, so a reverted frame also forgets
 * the warmth, logs, refunds and marks it caused.
 *
 * <p>One consensus quirk is kept on purpose: a touch of the RIPEMD-160 precompile (0x03) survives a
 * revert, as it did on mainnet in block 2675119 and as every client reproduces.
 */
public final class TxScope {
  private static final Address RIPEMD = Address.fromLong(3);

  private final HashSet<Address> warmAddresses = new HashSet<>();
  private final HashSet<SlotKey> warmSlots = new HashSet<>();
  private final HashMap<SlotKey, Hash> transientStorage = new HashMap<>();
  private final HashMap<SlotKey, Hash> originals = new HashMap<>();
  private final ArrayList<Log> logs = new ArrayList<>();
  private final TreeSet<Address> selfDestructs = new TreeSet<>();
  private final HashSet<Address> created = new HashSet<>();
  private final TreeSet<Address> touched = new TreeSet<>();
  private long refund;

  private sealed interface Undo {}

  private record WarmedAddress(Address address) implements Undo {}

  private record WarmedSlot(SlotKey key) implements Undo {}

  private record TransientSet(SlotKey key, Hash previous) implements Undo {}

  private record LogAdded() implements Undo {}

  private record RefundChanged(long previous) implements Undo {}

  private record SelfDestructed(Address address) implements Undo {}

  private record MarkedCreated(Address address) implements Undo {}

  private record Touched(Address address) implements Undo {}

  private final ArrayList<Undo> journal = new ArrayList<>();
  private int[] marks = new int[64];
  private int depth;

  // ---- EIP-2929 ---------------------------------------------------------------------------------

  /** Marks an address warm; returns whether it already was. */
  public boolean warmAddress(Address address) {
    if (warmAddresses.add(address)) {
      if (depth > 0) {
        journal.add(new WarmedAddress(address));
      }
      return false;
    }
    return true;
  }

  public boolean isWarm(Address address) {
    return warmAddresses.contains(address);
  }

  /** Marks a slot warm; returns whether it already was. */
  public boolean warmSlot(Address address, Hash slot) {
    SlotKey key = new SlotKey(address, slot);
    if (warmSlots.add(key)) {
      if (depth > 0) {
        journal.add(new WarmedSlot(key));
      }
      return false;
    }
    return true;
  }

  public boolean isWarm(Address address, Hash slot) {
    return warmSlots.contains(new SlotKey(address, slot));
  }

  // ---- EIP-2200 original values -----------------------------------------------------------------

  /**
   * The value the slot had when the transaction started. The first write of a slot in a transaction
   * passes its {@code current} value, which is then still the original one; later calls return
   * that. Not journaled: a revert does not change what the value was at the start.
   */
  public Hash originalValue(Address address, Hash slot, Hash current) {
    Hash v = originals.putIfAbsent(new SlotKey(address, slot), current);
    return v == null ? current : v;
  }

  // ---- EIP-1153 ---------------------------------------------------------------------------------

  public Hash transientValue(Address address, Hash slot) {
    Hash v = transientStorage.get(new SlotKey(address, slot));
    return v == null ? Hash.ZERO : v;
  }

  public void setTransientValue(Address address, Hash slot, Hash value) {
    SlotKey key = new SlotKey(address, slot);
    Hash previous =
        value.equals(Hash.ZERO) ? transientStorage.remove(key) : transientStorage.put(key, value);
    if (depth > 0) {
      journal.add(new TransientSet(key, previous));
    }
  }

  // ---- logs and refunds -------------------------------------------------------------------------

  public void addLog(Log log) {
    logs.add(log);
    if (depth > 0) {
      journal.add(new LogAdded());
    }
  }

  /** The logs so far, in order. */
  public List<Log> logs() {
    return Collections.unmodifiableList(logs);
  }

  /** Adds a (possibly negative) amount to the refund counter. */
  public void addRefund(long delta) {
    if (delta == 0) {
      return;
    }
    if (depth > 0) {
      journal.add(new RefundChanged(refund));
    }
    refund += delta;
  }

  public long refund() {
    return refund;
  }

  // ---- account marks ----------------------------------------------------------------------------

  public void markSelfDestructed(Address address) {
    if (selfDestructs.add(address) && depth > 0) {
      journal.add(new SelfDestructed(address));
    }
  }

  public boolean isSelfDestructed(Address address) {
    return selfDestructs.contains(address);
  }

  /** The accounts that self-destructed, in address order. */
  public NavigableSet<Address> selfDestructs() {
    return Collections.unmodifiableNavigableSet(selfDestructs);
  }

  /** Records a contract created in this transaction (EIP-6780 lets only those be deleted). */
  public void markCreated(Address address) {
    if (created.add(address) && depth > 0) {
      journal.add(new MarkedCreated(address));
    }
  }

  public boolean wasCreated(Address address) {
    return created.contains(address);
  }

  /** Records an account touched by a transfer or call, to be deleted if it ends empty. */
  public void touch(Address address) {
    if (touched.add(address) && depth > 0 && !address.equals(RIPEMD)) {
      journal.add(new Touched(address));
    }
  }

  /** The touched accounts, in address order. */
  public NavigableSet<Address> touched() {
    return Collections.unmodifiableNavigableSet(touched);
  }

  // ---- journal ----------------------------------------------------------------------------------

  public int checkpoint() {
    if (depth == marks.length) {
      marks = Arrays.copyOf(marks, depth * 2);
    }
    marks[depth] = journal.size();
    return depth++;
  }

  public void revertTo(int id) {
    check(id);
    int mark = marks[id];
    for (int i = journal.size() - 1; i >= mark; i--) {
      undo(journal.get(i));
    }
    if (mark == 0) {
      journal.clear();
    } else {
      journal.subList(mark, journal.size()).clear();
    }
    depth = id;
  }

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

  private void check(int id) {
    if (id < 0 || id >= depth) {
      throw new IllegalArgumentException(
          "checkpoint " + id + " is not open (open checkpoints: " + depth + ")");
    }
  }

  private void undo(Undo u) {
    switch (u) {
      case WarmedAddress w -> warmAddresses.remove(w.address());
      case WarmedSlot w -> warmSlots.remove(w.key());
      case TransientSet t -> {
        if (t.previous() == null) {
          transientStorage.remove(t.key());
        } else {
          transientStorage.put(t.key(), t.previous());
        }
      }
      case LogAdded l -> logs.removeLast();
      case RefundChanged r -> refund = r.previous();
      case SelfDestructed s -> selfDestructs.remove(s.address());
      case MarkedCreated c -> created.remove(c.address());
      case Touched t -> touched.remove(t.address());
    }
  }
}
