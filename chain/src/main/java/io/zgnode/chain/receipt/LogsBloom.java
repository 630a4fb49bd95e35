package io.zgnode.chain.receipt;

import io.zgnode.evm.crypto.Keccak256;
import io.zgnode.evm.types.Hash;
import io.zgnode.evm.world.Log;

/** The 2048-bit Ethereum logs bloom (yellow paper M3:2048) over log addresses and topics. */
public final class LogsBloom {
  public static final int BYTES = 256;

  private LogsBloom() {}

  public static byte[] of(Iterable<Log> logs) {
    byte[] bloom = new byte[BYTES];
    for (Log log : logs) {
      add(bloom, log.address().bytesUnsafe());
      for (Hash topic : log.topics()) {
        add(bloom, topic.bytesUnsafe());
      }
    }
    return bloom;
  }

  /** ORs {@code other} into {@code into}: a block's bloom is the union of its receipts'. */
  public static void merge(byte[] into, byte[] other) {
    for (int i = 0; i < BYTES; i++) {
      into[i] |= other[i];
    }
  }

  private static void add(byte[] bloom, byte[] value) {
    byte[] h = Keccak256.hash(value);
    for (int i = 0; i < 6; i += 2) {
      int bit = ((h[i] & 0x07) << 8) | (h[i + 1] & 0xff);
      bloom[BYTES - 1 - bit / 8] |= (byte) (1 << (bit % 8));
    }
  }
}
