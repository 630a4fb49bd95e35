package io.zgnode.evm.crypto;

import java.math.BigInteger;
import java.util.Random;

/**
 * Measures single-thread public-key recoveries per second. Not a test (no assertions, not run by
 * the build): run it by hand after {@code ./mvnw -pl evm install}, e.g.
 *
 * <pre>
 * java -cp evm/target/classes:evm/target/test-classes:$HOME/.m2/repository/org/bouncycastle/\
 * bcprov-jdk18on/1.83/bcprov-jdk18on-1.83.jar io.zgnode.evm.crypto.RecoverBench 10
 * </pre>
 */
public final class RecoverBench {
  private static final int DISTINCT = 1024;

  private RecoverBench() {}

  public static void main(String[] args) {
    long seconds = args.length > 0 ? Long.parseLong(args[0]) : 10;
    Random rnd = new Random(42);
    byte[][] hashes = new byte[DISTINCT][];
    Secp256k1.Signature[] sigs = new Secp256k1.Signature[DISTINCT];
    for (int i = 0; i < DISTINCT; i++) {
      BigInteger key = new BigInteger(255, rnd).add(BigInteger.ONE);
      byte[] h = new byte[32];
      rnd.nextBytes(h);
      hashes[i] = h;
      sigs[i] = Secp256k1.sign(h, key);
    }
    run("warm-up", hashes, sigs, 3);
    run("measured", hashes, sigs, seconds);
  }

  private static void run(String label, byte[][] hashes, Secp256k1.Signature[] sigs, long secs) {
    long start = System.nanoTime();
    long deadline = start + secs * 1_000_000_000L;
    long count = 0;
    int sink = 0;
    while (System.nanoTime() < deadline) {
      for (int i = 0; i < DISTINCT; i++) {
        Secp256k1.Signature s = sigs[i];
        sink ^= Secp256k1.recoverPublicKey(hashes[i], s.r(), s.s(), s.recoveryId())[17];
      }
      count += DISTINCT;
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "%s: %d recoveries in %.2f s = %.0f recoveries/s on one thread (%.1f us each) [%d]%n",
        label, count, elapsed, count / elapsed, elapsed * 1e6 / count, sink & 1);
  }
}
