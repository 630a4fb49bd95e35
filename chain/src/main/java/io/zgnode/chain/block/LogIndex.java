package io.zgnode.chain.block;

import io.zgnode.chain.receipt.Receipt;
import io.zgnode.evm.types.Address;
import io.zgnode.evm.types.Hash;
import io.zgnode.evm.world.Log;
import io.zgnode.state.db.KeyRanges;
import io.zgnode.state.db.KeyValueStore;
import io.zgnode.state.store.Put;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * Which heights have logs from an address or with a topic at a position, so that a selective
 * eth_getLogs reads only the blocks that can match.
 *
 * <p>One entry per distinct (term, height), with an empty value: key = kind (1 byte: 0 for the
 * address, 1 to 4 for the topic at position 0 to 3) || term (20 or 32 bytes) || height (8 bytes,
 * big-endian). The entries of one term sort by height, so the heights of a term within a range are
 * one range scan.
 */
final class LogIndex {
  static final byte KIND_ADDRESS = 0;
  static final int MAX_TOPICS = 4;
  private static final byte[] EMPTY = new byte[0];

  private LogIndex() {}

  /** The index entries of one block: one per distinct term among its logs. */
  static void addEntries(String family, long height, List<Receipt> receipts, List<Put> out) {
    TreeSet<byte[]> keys = new TreeSet<>(Arrays::compareUnsigned);
    for (Receipt r : receipts) {
      for (Log log : r.logs()) {
        keys.add(key(KIND_ADDRESS, log.address().bytesUnsafe(), height));
        List<Hash> topics = log.topics();
        for (int i = 0; i < topics.size() && i < MAX_TOPICS; i++) {
          keys.add(key((byte) (i + 1), topics.get(i).bytesUnsafe(), height));
        }
      }
    }
    for (byte[] k : keys) {
      out.add(new Put(family, k, EMPTY));
    }
  }

  /**
   * The heights in {@code from..to} that can hold a log matching {@code filter}, ascending: for
   * each constrained criterion (the address list, each non-empty topic position) the union of its
   * terms' heights, intersected over the criteria. Null when the filter constrains nothing (every
   * height with logs can match); empty when it cannot match at all.
   */
  static long[] candidates(KeyValueStore kv, String family, LogFilter filter, long from, long to) {
    List<byte[][]> criteria = new ArrayList<>();
    List<Byte> kinds = new ArrayList<>();
    if (!filter.addresses().isEmpty()) {
      criteria.add(filter.addresses().stream().map(Address::toArray).toArray(byte[][]::new));
      kinds.add(KIND_ADDRESS);
    }
    List<List<Hash>> topics = filter.topics();
    for (int i = 0; i < topics.size(); i++) {
      if (topics.get(i).isEmpty()) {
        continue;
      }
      if (i >= MAX_TOPICS) {
        return new long[0]; // a log has at most four topics: a fifth position never matches
      }
      criteria.add(topics.get(i).stream().map(Hash::toArray).toArray(byte[][]::new));
      kinds.add((byte) (i + 1));
    }
    if (criteria.isEmpty()) {
      return null;
    }
    TreeSet<Long> result = null;
    for (int c = 0; c < criteria.size(); c++) {
      TreeSet<Long> union = new TreeSet<>();
      for (byte[] term : criteria.get(c)) {
        scan(kv, family, kinds.get(c), term, from, to, union);
      }
      if (result == null) {
        result = union;
      } else {
        result.retainAll(union);
      }
      if (result.isEmpty()) {
        return new long[0];
      }
    }
    return result.stream().mapToLong(Long::longValue).toArray();
  }

  private static void scan(
      KeyValueStore kv,
      String family,
      byte kind,
      byte[] term,
      long from,
      long to,
      TreeSet<Long> into) {
    byte[] start = key(kind, term, from);
    byte[] end =
        to == Long.MAX_VALUE
            ? KeyRanges.prefixEnd(Arrays.copyOf(start, start.length - 8))
            : key(kind, term, to + 1);
    int heightAt = 1 + term.length;
    kv.forEach(
        family,
        start,
        end,
        (k, v) -> {
          into.add(readHeight(k, heightAt));
          return true;
        });
  }

  static byte[] key(byte kind, byte[] term, long height) {
    byte[] k = new byte[1 + term.length + 8];
    k[0] = kind;
    System.arraycopy(term, 0, k, 1, term.length);
    for (int i = 0; i < 8; i++) {
      k[1 + term.length + i] = (byte) (height >>> (56 - 8 * i));
    }
    return k;
  }

  private static long readHeight(byte[] k, int at) {
    long h = 0;
    for (int i = 0; i < 8; i++) {
      h = (h << 8) | (k[at + i] & 0xff);
    }
    return h;
  }
}
