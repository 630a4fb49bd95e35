package io.zgnode.chain.mempool;

import io.zgnode.evm.types.Address;
import io.zgnode.evm.types.Hash;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The app's view of CometBFT's mempool, for the JSON-RPC: transactions by hash, per sender in nonce
 * order. Transactions enter when CheckTx accepts them, leave when a committed block includes them
 * or a recheck refuses them; one that CometBFT dropped silently (full mempool, TTL) leaves at the
 * second commit after its last successful check. Thread-safe.
 *
 * <p>A transaction replaced by another with the same sender and nonce leaves: the one accepted last
 * wins. Expiry works with two generations: every commit forgets the older one whole, so a
 * transaction must be accepted (new or recheck) at least once between two commits to stay. Each
 * operation costs O(log n) (a commit O(log n) per transaction it removes), and memory holds only
 * what the pool holds: nothing outlives its removal.
 */
public final class PendingPool {

  /** One sender's pending transactions and the runs of contiguous nonces among them. */
  private static final class Sender {
    final TreeMap<Long, PendingTx> byNonce = new TreeMap<>();
    // first nonce of a run -> last nonce of the run (inclusive); runs neither touch nor overlap
    final TreeMap<Long, Long> runs = new TreeMap<>();

    void add(long nonce) {
      Map.Entry<Long, Long> left = runs.floorEntry(nonce - 1);
      boolean joinsLeft = nonce > 0 && left != null && left.getValue() == nonce - 1;
      Long rightEnd = nonce == Long.MAX_VALUE ? null : runs.remove(nonce + 1);
      long start = joinsLeft ? left.getKey() : nonce;
      long end = rightEnd != null ? rightEnd : nonce;
      runs.put(start, end);
    }

    void remove(long nonce) {
      Map.Entry<Long, Long> run = runs.floorEntry(nonce);
      long start = run.getKey();
      long end = run.getValue();
      runs.remove(start);
      if (start < nonce) {
        runs.put(start, nonce - 1);
      }
      if (nonce < end) {
        runs.put(nonce + 1, end);
      }
    }

    long nextAfter(long committedNonce) {
      Map.Entry<Long, Long> run = runs.floorEntry(committedNonce);
      if (run == null || run.getValue() < committedNonce || run.getValue() == Long.MAX_VALUE) {
        return committedNonce;
      }
      return run.getValue() + 1;
    }
  }

  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private final Map<Hash, PendingTx> byHash = new HashMap<>();
  // sorted so that all() lists senders in address order
  private final TreeMap<Address, Sender> bySender = new TreeMap<>();
  // accepted since the last commit / only before it: the older set is dropped at the next commit
  private Set<Hash> current = new HashSet<>();
  private Set<Hash> previous = new HashSet<>();

  /** CheckTx (new or recheck) accepted {@code tx}: add it, or mark it seen in this generation. */
  public void accepted(PendingTx tx) {
    if (tx == null) {
      throw new IllegalArgumentException("pending transaction must not be null");
    }
    lock.writeLock().lock();
    try {
      long nonce = tx.tx().nonce();
      Sender s = bySender.computeIfAbsent(tx.sender(), a -> new Sender());
      PendingTx old = s.byNonce.put(nonce, tx);
      if (old == null) {
        s.add(nonce);
      } else if (!old.hash().equals(tx.hash())) {
        byHash.remove(old.hash());
        previous.remove(old.hash());
        current.remove(old.hash());
      }
      byHash.put(tx.hash(), tx);
      previous.remove(tx.hash());
      current.add(tx.hash());
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** A recheck refused the transaction: CometBFT drops it from its mempool, so do we. */
  public void refused(Hash hash) {
    lock.writeLock().lock();
    try {
      remove(hash);
    } finally {
      lock.writeLock().unlock();
    }
  }

  /**
   * A block committed: drop {@code included}, start a new generation, and drop what was not
   * accepted or rechecked since the commit before this one (CometBFT dropped it silently).
   */
  public void committed(Collection<Hash> included) {
    lock.writeLock().lock();
    try {
      for (Hash h : included) {
        remove(h);
      }
      for (Hash h : previous) {
        removeEntry(h);
      }
      previous = current;
      current = new HashSet<>();
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** The transaction with this hash, if it is pending. */
  public Optional<PendingTx> byHash(Hash hash) {
    lock.readLock().lock();
    try {
      return Optional.ofNullable(byHash.get(hash));
    } finally {
      lock.readLock().unlock();
    }
  }

  /** All pending transactions, by sender (address order) then nonce. */
  public List<PendingTx> all() {
    lock.readLock().lock();
    try {
      List<PendingTx> out = new ArrayList<>(byHash.size());
      for (Sender s : bySender.values()) {
        out.addAll(s.byNonce.values());
      }
      return out;
    } finally {
      lock.readLock().unlock();
    }
  }

  /** How many transactions are pending. */
  public int size() {
    lock.readLock().lock();
    try {
      return byHash.size();
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * The committed nonce plus the sender's pending transactions with contiguous nonces from it: what
   * eth_getTransactionCount(addr, "pending") answers.
   */
  public long pendingNonce(Address sender, long committedNonce) {
    lock.readLock().lock();
    try {
      Sender s = bySender.get(sender);
      return s == null ? committedNonce : s.nextAfter(committedNonce);
    } finally {
      lock.readLock().unlock();
    }
  }

  private void remove(Hash hash) {
    if (removeEntry(hash)) {
      previous.remove(hash);
      current.remove(hash);
    }
  }

  /** Removes the transaction from the hash and sender indexes; the caller fixes the generations. */
  private boolean removeEntry(Hash hash) {
    PendingTx tx = byHash.remove(hash);
    if (tx == null) {
      return false;
    }
    Sender s = bySender.get(tx.sender());
    long nonce = tx.tx().nonce();
    s.byNonce.remove(nonce);
    s.remove(nonce);
    if (s.byNonce.isEmpty()) {
      bySender.remove(tx.sender());
    }
    return true;
  }
}
