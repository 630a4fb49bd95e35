package io.zgnode.state.store;

import io.zgnode.evm.types.Address;
import io.zgnode.evm.types.Hash;
import io.zgnode.state.world.StorageValues;
import io.zgnode.state.world.WorldUpdater;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Run in a child JVM by {@link CrashAtomicityTest}: commits heights in a loop, printing each
 * committed height, until it is killed (or has written {@link #MAX_HEIGHTS} heights).
 */
public final class CrashWriter {
  static final int ACCOUNTS = 50;
  static final int MAX_HEIGHTS = 20_000;
  static final Address MARKER = Address.fromLong(0xc0ffee);

  private CrashWriter() {}

  static BigInteger balance(long height, int i) {
    return BigInteger.valueOf(height * 1000 + i);
  }

  static Hash slot(int i) {
    return StorageValues.fromMinimal(new byte[] {(byte) (i + 1)});
  }

  static byte[] blockKey(long height) {
    return BigInteger.valueOf(height).toByteArray();
  }

  public static void main(String[] args) {
    try (StateDatabase db = StateDatabase.open(Path.of(args[0]))) {
      for (int n = 0; n < MAX_HEIGHTS; n++) {
        long h = db.lastCommit().height() + 1;
        WorldUpdater w = db.newUpdater();
        for (int i = 0; i < ACCOUNTS; i++) {
          Address a = Address.fromLong(i + 1);
          w.setBalance(a, balance(h, i));
          w.setStorage(
              a, slot(i % 4), StorageValues.fromMinimal(BigInteger.valueOf(h).toByteArray()));
        }
        w.setNonce(MARKER, h);
        ModuleUpdater m = db.newModuleUpdater();
        m.put("height".getBytes(StandardCharsets.US_ASCII), BigInteger.valueOf(h).toByteArray());
        Hash app = AppHash.of(w.computeStateRoot(), m.computeRoot());
        byte[] block = ("block " + h).getBytes(StandardCharsets.US_ASCII);
        db.commit(h, w, m, app, List.of(new Put("blocks", blockKey(h), block)));
        System.out.println("committed " + h);
        System.out.flush();
      }
    }
  }
}
