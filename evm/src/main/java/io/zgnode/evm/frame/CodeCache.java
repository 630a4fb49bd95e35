package io.zgnode.evm.frame;

import io.zgnode.evm.types.Hash;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Analysed code by code hash, so jump destinations and basic blocks are computed once per contract
 * rather than per call. Bounded: the least recently used entries go once the memory they hold
 * (about 14 bytes per code byte with the analysis) exceeds the limit. Thread-safe (one lock;
 * lookups are short).
 */
public final class CodeCache {
  private final long maxBytes;
  private long bytes;
  private final LinkedHashMap<Hash, Code> map = new LinkedHashMap<>(256, 0.75f, true);

  /** A cache holding up to about {@code maxBytes} of code and analysis. */
  public CodeCache(long maxBytes) {
    if (maxBytes <= 0) {
      throw new IllegalArgumentException("code cache size must be positive: " + maxBytes);
    }
    this.maxBytes = maxBytes;
  }

  /** A cache of about 64 MiB. */
  public CodeCache() {
    this(64L << 20);
  }

  /**
   * The analysed code for {@code codeHash}, built from {@code code} (which must hash to it) when
   * absent.
   */
  public Code get(Hash codeHash, Supplier<byte[]> code) {
    if (codeHash.equals(Hash.EMPTY_CODE)) {
      return Code.EMPTY;
    }
    synchronized (this) {
      Code c = map.get(codeHash);
      if (c != null) {
        return c;
      }
    }
    Code c = new Code(code.get());
    synchronized (this) {
      Code prev = map.putIfAbsent(codeHash, c);
      if (prev != null) {
        return prev;
      }
      bytes += footprint(c);
      var it = map.entrySet().iterator();
      while (bytes > maxBytes && it.hasNext()) {
        Map.Entry<Hash, Code> eldest = it.next();
        if (eldest.getValue() == c) {
          break;
        }
        bytes -= footprint(eldest.getValue());
        it.remove();
      }
      return c;
    }
  }

  /** Code, padded copy, jump bitmap and block tables: about 14 bytes per code byte. */
  private static long footprint(Code c) {
    return 14L * c.size() + 128;
  }

  public synchronized int size() {
    return map.size();
  }
}
