package io.zgnode.state.world;

import io.zgnode.evm.crypto.Keccak256;
import io.zgnode.evm.types.Address;
import io.zgnode.evm.types.Hash;
import io.zgnode.state.journal.Journal;
import io.zgnode.state.trie.MerklePatriciaTrie;
import io.zgnode.state.trie.SecureMerklePatriciaTrie;
import io.zgnode.state.trie.TrieNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A mutable overlay on a committed state: the working state of a block (or of a simulation). Reads
 * fall through to the {@link StateSource} it was created on; writes stay here until a commit
 * collects them with {@link #collectChanges()}.
 *
 * <p>Journal: {@link #checkpoint()} opens a nested checkpoint and returns its id; {@link
 * #revertTo(int)} undoes every change made since (closing it and any checkpoint opened inside it);
 * {@link #commitCheckpoint(int)} closes the innermost checkpoint keeping its changes (an enclosing
 * checkpoint can still undo them). Changes are journaled only while a checkpoint is open, so
 * genesis and other bulk writes cost nothing extra.
 *
 * <p>Accounts: mutators create a missing account first ({@code setNonce}, {@code setBalance},
 * {@code incrementNonce}, {@code setCode}, {@code setStorage}), except that adding or subtracting
 * zero never creates one. Empty accounts (EIP-161) are kept unless {@link #deleteAccount} removes
 * them: that rule belongs to the transaction logic, not here. Deleting an account wipes its storage
 * and code.
 *
 * <p>Roots: {@link #computeStateRoot()} applies the changes since its previous call to the storage
 * tries (several in parallel) and then to the account trie, so it is cheap to call again. The
 * {@code storageRoot} that {@link #account} reports for an account whose storage changed is only
 * brought up to date by that call.
 *
 * <p>Thread-safety: not thread-safe; one thread (block execution) owns an updater. The base it
 * reads is safe to share, so any number of updaters can work on the same committed state at once.
 */
public final class WorldUpdater implements WorldView {
  private static final byte[] NO_CODE = new byte[0];

  private final StateSource base;
  private final HashMap<Address, Entry> entries = new HashMap<>();
  private final Journal<Undo> journal = new Journal<>();
  private final ArrayList<Entry> touched = new ArrayList<>();
  private SecureMerklePatriciaTrie accountTrie;
  private Hash lastRoot;
  private boolean collected;

  public WorldUpdater(StateSource base) {
    this.base = Objects.requireNonNull(base, "base");
    this.lastRoot = base.stateRoot();
  }

  /** The committed state this updater builds on. */
  public StateSource base() {
    return base;
  }

  public Hash baseRoot() {
    return base.stateRoot();
  }

  // ---- reads -----------------------------------------------------------------------------------

  @Override
  public Account account(Address address) {
    return entry(address).account;
  }

  @Override
  public Hash storage(Address address, Hash slot) {
    return currentSlot(entry(address), slot);
  }

  @Override
  public byte[] code(Address address) {
    Entry e = entry(address);
    Account a = e.account;
    if (a == null) {
      return NO_CODE;
    }
    if (e.code != null) {
      return e.code;
    }
    return base.code(a.codeHash());
  }

  /** The state root after the changes so far; computes it as {@link #computeStateRoot()} does. */
  @Override
  public Hash stateRoot() {
    return computeStateRoot();
  }

  /** Whether an account exists (possibly empty). */
  public boolean exists(Address address) {
    return entry(address).account != null;
  }

  // ---- account mutations -----------------------------------------------------------------------

  /** The account, created empty when missing. */
  public Account getOrCreate(Address address) {
    Entry e = writable(address);
    if (e.account == null) {
      setAccount(e, Account.EMPTY);
    }
    return e.account;
  }

  public void setNonce(Address address, long nonce) {
    Account a = getOrCreate(address);
    if (a.nonce() != nonce) {
      setAccount(entries.get(address), a.withNonce(nonce));
    }
  }

  /**
   * Adds one to the nonce.
   *
   * @throws IllegalStateException when the nonce is already 2^64-1 (EIP-2681)
   */
  public void incrementNonce(Address address) {
    Account a = getOrCreate(address);
    if (a.nonce() == -1L) {
      throw new IllegalStateException(
          "nonce of " + address.toChecksumHex() + " is at its maximum 2^64-1");
    }
    setAccount(entries.get(address), a.withNonce(a.nonce() + 1));
  }

  public void setBalance(Address address, BigInteger balance) {
    Objects.requireNonNull(balance, "balance must not be null");
    checkBalance(balance);
    Account a = getOrCreate(address);
    if (!a.balance().equals(balance)) {
      setAccount(entries.get(address), a.withBalance(balance));
    }
  }

  /**
   * Adds {@code amount} (>= 0) to the balance, creating the account unless the amount is zero.
   *
   * @throws IllegalArgumentException for a negative amount or a result of 2^256 or more
   */
  public void addBalance(Address address, BigInteger amount) {
    checkAmount(amount);
    if (amount.signum() == 0) {
      return;
    }
    Account a = getOrCreate(address);
    BigInteger next = a.balance().add(amount);
    if (next.bitLength() > 256) {
      throw new IllegalArgumentException(
          "balance overflow: "
              + address.toChecksumHex()
              + " has "
              + a.balance()
              + ", adding "
              + amount);
    }
    setAccount(entries.get(address), a.withBalance(next));
  }

  /**
   * Subtracts {@code amount} (>= 0) from the balance.
   *
   * @throws InsufficientBalanceException when the balance is smaller; nothing changes
   */
  public void subtractBalance(Address address, BigInteger amount) {
    checkAmount(amount);
    if (amount.signum() == 0) {
      return;
    }
    Entry e = writable(address);
    BigInteger balance = e.account == null ? BigInteger.ZERO : e.account.balance();
    if (balance.compareTo(amount) < 0) {
      throw new InsufficientBalanceException(address, balance, amount);
    }
    setAccount(e, e.account.withBalance(balance.subtract(amount)));
  }

  /** Sets the account's code (an empty array removes it), creating the account when missing. */
  public void setCode(Address address, byte[] code) {
    Objects.requireNonNull(code, "code must not be null (use an empty array to remove code)");
    Account a = getOrCreate(address);
    Entry e = entries.get(address);
    byte[] copy = code.clone();
    Hash hash = copy.length == 0 ? Hash.EMPTY_CODE : Hash.wrapOwned(Keccak256.hash(copy));
    if (journal.active()) {
      journal.record(new CodeUndo(e, e.code));
    }
    e.code = copy;
    setAccount(e, a.withCodeHash(hash));
  }

  /** Sets a storage word; {@link Hash#ZERO} deletes it. Creates the account when missing. */
  public void setStorage(Address address, Hash slot, Hash value) {
    Objects.requireNonNull(slot, "storage slot must not be null");
    Objects.requireNonNull(value, "storage value must not be null (use Hash.ZERO to delete)");
    getOrCreate(address);
    Entry e = entries.get(address);
    if (e.storage == null) {
      e.storage = new HashMap<>();
    }
    Hash prev = e.storage.put(slot, value);
    if (journal.active()) {
      journal.record(new SlotUndo(e, slot, prev));
    }
    slotChanged(e, slot);
  }

  /** Removes the account with its storage and code; nothing happens when it does not exist. */
  public void deleteAccount(Address address) {
    Entry e = writable(address);
    if (e.account == null) {
      return;
    }
    if (journal.active()) {
      journal.record(new ClearUndo(e, e.cleared, e.storage));
      journal.record(new CodeUndo(e, e.code));
    }
    e.cleared = true;
    e.storage = null;
    e.code = null;
    e.rebuildStorage = true;
    setAccount(e, null);
  }

  // ---- journal ---------------------------------------------------------------------------------

  /** Opens a checkpoint nested in the open ones and returns its id. */
  public int checkpoint() {
    requireOpen();
    return journal.checkpoint();
  }

  /** Undoes every change since checkpoint {@code id} and closes it with any nested ones. */
  public void revertTo(int id) {
    requireOpen();
    journal.revertTo(id, this::undo);
  }

  /** Closes checkpoint {@code id}, which must be the innermost open one, keeping its changes. */
  public void commitCheckpoint(int id) {
    requireOpen();
    journal.commit(id);
  }

  /** The number of open checkpoints. */
  public int checkpointDepth() {
    return journal.depth();
  }

  private void undo(Undo u) {
    switch (u) {
      case AccountUndo a -> {
        a.entry.account = a.previous;
        touch(a.entry);
      }
      case SlotUndo s -> {
        Entry e = s.entry;
        if (e.storage == null) {
          e.storage = new HashMap<>();
        }
        if (s.previous == null) {
          e.storage.remove(s.slot);
        } else {
          e.storage.put(s.slot, s.previous);
        }
        slotChanged(e, s.slot);
      }
      case CodeUndo c -> c.entry.code = c.previous;
      case ClearUndo c -> {
        c.entry.cleared = c.previousCleared;
        c.entry.storage = c.previousStorage;
        c.entry.rebuildStorage = true;
        touch(c.entry);
      }
    }
  }

  // ---- roots and commit ------------------------------------------------------------------------

  /**
   * The state root with every change so far: dirty storage goes into the storage tries (hashed in
   * parallel), then changed accounts into the account trie. Only what changed since the previous
   * call is reapplied.
   */
  public Hash computeStateRoot() {
    if (lastRoot != null) {
      return lastRoot;
    }
    List<MerklePatriciaTrie> storageTries = new ArrayList<>();
    for (Entry e : touched) {
      if (e.account != null && updateStorageTrie(e)) {
        storageTries.add(e.storageTrie.trie());
      }
    }
    MerklePatriciaTrie.rootHashes(storageTries);
    if (accountTrie == null) {
      accountTrie =
          new SecureMerklePatriciaTrie(base.nodeStore(), base.stateRoot(), base.nodeCache());
    }
    Hash[] keys = new Hash[touched.size()];
    byte[][] values = new byte[touched.size()][];
    for (int i = 0; i < keys.length; i++) {
      Entry e = touched.get(i);
      e.touchedSinceRoot = false;
      keys[i] = e.addressHash();
      if (e.account == null) {
        values[i] = NO_CODE; // empty: removes
      } else {
        Hash storageRoot = storageRootOf(e);
        if (!storageRoot.equals(e.account.storageRoot())) {
          e.account = e.account.withStorageRoot(storageRoot);
        }
        values[i] = e.account.encode();
      }
    }
    touched.clear();
    accountTrie.putAllHashed(keys, values);
    lastRoot = accountTrie.rootHash();
    return lastRoot;
  }

  /**
   * Computes the root and returns everything a commit must write. The updater is finished
   * afterwards: its new trie nodes count as stored, so it rejects further changes.
   */
  public StateChanges collectChanges() {
    requireOpen();
    if (journal.depth() != 0) {
      throw new IllegalStateException(
          "cannot collect changes with " + journal.depth() + " checkpoint(s) still open");
    }
    Hash root = computeStateRoot();
    collected = true;
    List<Entry> sorted = new ArrayList<>(entries.values());
    sorted.sort((a, b) -> a.address.compareTo(b.address));
    List<TrieNode> nodes = new ArrayList<>();
    List<StateChanges.CodeEntry> code = new ArrayList<>();
    List<StateChanges.AccountChange> accounts = new ArrayList<>();
    List<StateChanges.StorageChange> storage = new ArrayList<>();
    List<Address> wiped = new ArrayList<>();
    for (Entry e : sorted) {
      if (e.account != null && e.storageTrie != null) {
        e.storageTrie.commit((h, rlp) -> nodes.add(new TrieNode(h, rlp)));
      }
      if (!Objects.equals(e.account, e.original)) {
        accounts.add(new StateChanges.AccountChange(e.address, e.account));
      }
      if (e.cleared && e.original != null) {
        wiped.add(e.address);
      }
      if (e.account != null && e.storage != null) {
        List<Hash> slots = new ArrayList<>(e.storage.keySet());
        slots.sort(null);
        for (Hash slot : slots) {
          storage.add(new StateChanges.StorageChange(e.address, slot, e.storage.get(slot)));
        }
      }
      if (e.account != null && e.code != null && e.code.length > 0) {
        code.add(new StateChanges.CodeEntry(e.account.codeHash(), e.code));
      }
    }
    if (accountTrie != null) {
      accountTrie.commit((h, rlp) -> nodes.add(new TrieNode(h, rlp)));
    }
    return new StateChanges(root, nodes, code, accounts, storage, wiped);
  }

  /** Whether {@link #collectChanges()} has run. */
  public boolean isCollected() {
    return collected;
  }

  /** Brings the entry's storage trie up to date; returns whether it has one. */
  private boolean updateStorageTrie(Entry e) {
    boolean hasChanges = e.cleared || e.storage != null && !e.storage.isEmpty();
    if (e.storageTrie == null && !hasChanges) {
      return false;
    }
    if (e.storageTrie == null || e.rebuildStorage || e.trieCleared != e.cleared) {
      Hash from = e.cleared || e.original == null ? Hash.EMPTY_TRIE : e.original.storageRoot();
      e.storageTrie = new SecureMerklePatriciaTrie(base.nodeStore(), from, base.nodeCache());
      e.trieCleared = e.cleared;
      e.rebuildStorage = false;
      e.pendingSlots = null;
      if (e.storage != null) {
        for (Map.Entry<Hash, Hash> s : e.storage.entrySet()) {
          applySlot(e, s.getKey(), s.getValue());
        }
      }
    } else if (e.pendingSlots != null) {
      for (Hash slot : e.pendingSlots) {
        applySlot(e, slot, currentSlot(e, slot));
      }
      e.pendingSlots = null;
    }
    return true;
  }

  private static void applySlot(Entry e, Hash slot, Hash value) {
    Hash key = SecureMerklePatriciaTrie.hashKey(slot.bytesUnsafe());
    if (value.equals(Hash.ZERO)) {
      e.storageTrie.removeHashed(key);
    } else {
      e.storageTrie.putHashed(key, StorageValues.toTrieValue(value));
    }
  }

  private static Hash storageRootOf(Entry e) {
    if (e.storageTrie != null) {
      return e.storageTrie.rootHash();
    }
    return e.cleared || e.original == null ? Hash.EMPTY_TRIE : e.original.storageRoot();
  }

  // ---- internals -------------------------------------------------------------------------------

  private Entry entry(Address address) {
    Objects.requireNonNull(address, "address must not be null");
    Entry e = entries.get(address);
    if (e == null) {
      e = new Entry(address, base.account(address));
      entries.put(address, e);
    }
    return e;
  }

  private Entry writable(Address address) {
    requireOpen();
    return entry(address);
  }

  private Hash currentSlot(Entry e, Hash slot) {
    if (e.storage != null) {
      Hash v = e.storage.get(slot);
      if (v != null) {
        return v;
      }
    }
    if (e.cleared || e.original == null) {
      return Hash.ZERO;
    }
    return base.storage(e.address, e.original.storageRoot(), slot);
  }

  private void setAccount(Entry e, Account next) {
    if (journal.active()) {
      journal.record(new AccountUndo(e, e.account));
    }
    e.account = next;
    touch(e);
  }

  private void slotChanged(Entry e, Hash slot) {
    touch(e);
    if (e.storageTrie != null && !e.rebuildStorage) {
      if (e.pendingSlots == null) {
        e.pendingSlots = new HashSet<>();
      }
      e.pendingSlots.add(slot);
    }
  }

  private void touch(Entry e) {
    lastRoot = null;
    if (!e.touchedSinceRoot) {
      e.touchedSinceRoot = true;
      touched.add(e);
    }
  }

  private void requireOpen() {
    if (collected) {
      throw new IllegalStateException(
          "this world updater was collected for a commit; start a new one from the database");
    }
  }

  private static void checkAmount(BigInteger amount) {
    Objects.requireNonNull(amount, "amount must not be null");
    if (amount.signum() < 0) {
      throw new IllegalArgumentException("negative amount: " + amount);
    }
  }

  private static void checkBalance(BigInteger balance) {
    if (balance.signum() < 0 || balance.bitLength() > 256) {
      throw new IllegalArgumentException("balance out of range [0, 2^256): " + balance);
    }
  }

  /** The overlay state of one address. */
  private static final class Entry {
    final Address address;
    final Account original;
    Account account;

    /** The base storage is gone (the account was deleted here). */
    boolean cleared;

    /** Slots written here; ZERO for deleted ones. */
    HashMap<Hash, Hash> storage;

    /** Code set here (null: unchanged). */
    byte[] code;

    boolean touchedSinceRoot;
    SecureMerklePatriciaTrie storageTrie;
    boolean trieCleared;
    boolean rebuildStorage;
    Set<Hash> pendingSlots;
    private Hash addressHash;

    Entry(Address address, Account original) {
      this.address = address;
      this.original = original;
      this.account = original;
    }

    Hash addressHash() {
      if (addressHash == null) {
        addressHash = Hash.wrapOwned(Keccak256.hash(address.bytesUnsafe()));
      }
      return addressHash;
    }
  }

  private sealed interface Undo permits AccountUndo, SlotUndo, CodeUndo, ClearUndo {}

  private record AccountUndo(Entry entry, Account previous) implements Undo {}

  private record SlotUndo(Entry entry, Hash slot, Hash previous) implements Undo {}

  private record CodeUndo(Entry entry, byte[] previous) implements Undo {}

  private record ClearUndo(
      Entry entry, boolean previousCleared, HashMap<Hash, Hash> previousStorage) implements Undo {}
}
