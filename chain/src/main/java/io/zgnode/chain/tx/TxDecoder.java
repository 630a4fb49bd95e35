package io.zgnode.chain.tx;

import io.zgnode.chain.TxCode;
import io.zgnode.chain.TxRejection;
import io.zgnode.evm.crypto.Keccak256;
import io.zgnode.evm.tx.Transaction;
import io.zgnode.evm.tx.TransactionDecoder;
import io.zgnode.evm.types.Address;
import io.zgnode.evm.types.Hash;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * Decodes transactions and recovers their senders once, however many times CometBFT shows the same
 * bytes (CheckTx, recheck, PrepareProposal, ProcessProposal, FinalizeBlock). Sender recovery is the
 * costliest step, so batches are recovered on all cores. The result for given bytes is a pure
 * function of those bytes, so caching and parallelism cannot change any outcome.
 *
 * <p>The cache holds two generations of at most {@code capacity} entries each: when the young one
 * is full it becomes the old one and the previous old one is dropped, which bounds memory without a
 * lock on the read path. Thread-safe.
 */
public final class TxDecoder {
  private final int capacity;
  private final ForkJoinPool pool;
  private volatile ConcurrentHashMap<Hash, DecodedTx> young = new ConcurrentHashMap<>();
  private volatile ConcurrentHashMap<Hash, DecodedTx> old = new ConcurrentHashMap<>();

  public TxDecoder(int capacity, ForkJoinPool pool) {
    this.capacity = capacity;
    this.pool = pool;
  }

  public static TxDecoder withDefaults() {
    return new TxDecoder(100_000, ForkJoinPool.commonPool());
  }

  /** Decodes one transaction, using the cache. */
  public DecodedTx decode(byte[] raw) {
    Hash key = Hash.wrapOwned(Keccak256.hash(raw));
    DecodedTx hit = lookup(key);
    if (hit != null) {
      return hit;
    }
    DecodedTx result = decodeUncached(raw);
    remember(key, result);
    return result;
  }

  /** Decodes a batch in order, recovering the senders missing from the cache in parallel. */
  public List<DecodedTx> decodeAll(List<byte[]> raws) {
    int n = raws.size();
    DecodedTx[] out = new DecodedTx[n];
    Hash[] keys = new Hash[n];
    List<Integer> missing = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      keys[i] = Hash.wrapOwned(Keccak256.hash(raws.get(i)));
      out[i] = lookup(keys[i]);
      if (out[i] == null) {
        missing.add(i);
      }
    }
    if (missing.size() < 4) {
      for (int i : missing) {
        out[i] = decodeUncached(raws.get(i));
      }
    } else {
      List<ForkJoinTask<?>> tasks = new ArrayList<>(missing.size());
      for (int i : missing) {
        tasks.add(pool.submit(() -> out[i] = decodeUncached(raws.get(i))));
      }
      for (ForkJoinTask<?> t : tasks) {
        t.join();
      }
    }
    for (int i : missing) {
      remember(keys[i], out[i]);
    }
    return List.of(out);
  }

  static DecodedTx decodeUncached(byte[] raw) {
    Transaction tx;
    try {
      tx = TransactionDecoder.decode(raw);
    } catch (Exception e) {
      return new DecodedTx.Invalid(TxRejection.of(TxCode.DECODE, "rlp: " + describe(e)));
    }
    try {
      Address sender = tx.sender();
      return new DecodedTx.Valid(tx, sender);
    } catch (Exception e) {
      return new DecodedTx.Invalid(
          TxRejection.of(TxCode.INVALID_SIGNATURE, "invalid sender: " + describe(e)));
    }
  }

  private static String describe(Throwable e) {
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
  }

  private DecodedTx lookup(Hash key) {
    DecodedTx d = young.get(key);
    if (d == null) {
      d = old.get(key);
      if (d != null) {
        remember(key, d);
      }
    }
    return d;
  }

  private void remember(Hash key, DecodedTx value) {
    ConcurrentHashMap<Hash, DecodedTx> y = young;
    y.put(key, value);
    if (y.size() > capacity) {
      synchronized (this) {
        if (young == y) {
          old = y;
          young = new ConcurrentHashMap<>();
        }
      }
    }
  }
}
