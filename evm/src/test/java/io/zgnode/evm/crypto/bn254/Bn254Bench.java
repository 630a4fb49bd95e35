package io.zgnode.evm.crypto.bn254;

import io.zgnode.evm.precompile.bn254.Bn254Pairing;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Random;

/**
 * Single-thread timings of the BN254 code. Not a test (no assertions, not run by the build; a JMH
 * harness is to replace it): run by hand after {@code ./mvnw -pl evm install}, e.g.
 *
 * <pre>
 * java -cp evm/target/classes:evm/target/test-classes io.zgnode.evm.crypto.bn254.Bn254Bench 7
 * </pre>
 *
 * <p>Each figure is measured in several rounds after a warm-up; the best and the median round are
 * printed, both as wall-clock time and as this thread's CPU time (which leaves out the time the
 * thread waited for a core on a shared machine).
 */
public final class Bn254Bench {
  private Bn254Bench() {}

  /**
   * A measured operation: runs {@code n} times and returns something to defeat dead-code removal.
   */
  private interface Op {
    long run(int n);
  }

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
    Random rnd = new Random(42);

    long[] fa = new long[4];
    long[] fb = new long[4];
    FpArith.fromBigInteger(fa, 0, new BigInteger(253, rnd));
    FpArith.fromBigInteger(fb, 0, new BigInteger(253, rnd));
    Op fpMul =
        n -> {
          for (int i = 0; i < n; i++) {
            FpArith.mul(fa, 0, fa, 0, fb, 0);
          }
          return fa[0];
        };

    G1Point p = G1Point.GENERATOR.multiply(new BigInteger(254, rnd));
    G1Point q = G1Point.GENERATOR.multiply(new BigInteger(254, rnd));
    G1Point[] acc = {p};
    Op g1Add =
        n -> {
          G1Point x = acc[0];
          for (int i = 0; i < n; i++) {
            x = x.add(q);
          }
          acc[0] = x;
          return x.hashCode();
        };
    BigInteger[] scalars = new BigInteger[64];
    for (int i = 0; i < scalars.length; i++) {
      scalars[i] = new BigInteger(256, rnd);
    }
    Op g1Mul =
        n -> {
          long h = 0;
          for (int i = 0; i < n; i++) {
            h += p.multiply(scalars[i & 63]).hashCode();
          }
          return h;
        };

    BigInteger k = new BigInteger(254, rnd);
    G1Point[] a = {G1Point.GENERATOR.multiply(k), G1Point.GENERATOR.negate()};
    G2Point q2 = G2Point.GENERATOR.multiply(new BigInteger(254, rnd));
    G2Point[] b = {q2, q2.multiply(k)};
    Op pairing2 =
        n -> {
          long h = 0;
          for (int i = 0; i < n; i++) {
            h += Pairing.pairingCheck(a, b) ? 1 : 0;
          }
          return h;
        };
    byte[] input = new byte[384];
    for (int i = 0; i < 2; i++) {
      a[i].toBytes(input, 192 * i);
      System.arraycopy(b[i].toEip197Bytes(), 0, input, 192 * i + 64, 128);
    }
    Bn254Pairing precompile = new Bn254Pairing();
    Op precompile2 =
        n -> {
          long h = 0;
          for (int i = 0; i < n; i++) {
            h += precompile.execute(input).output()[31];
          }
          return h;
        };
    Op g2Check =
        n -> {
          long h = 0;
          for (int i = 0; i < n; i++) {
            h += G2Point.isInSubgroup(q2.xy) ? 1 : 0;
          }
          return h;
        };

    report("Fp multiplication", "ns", 1, measure(fpMul, 2_000_000, rounds));
    report("G1 add (affine in, affine out)", "us", 1e3, measure(g1Add, 20_000, rounds));
    report("G1 mul, 256-bit scalar", "us", 1e3, measure(g1Mul, 2_000, rounds));
    report("G2 subgroup check", "us", 1e3, measure(g2Check, 2_000, rounds));
    report("pairing check, 2 pairs", "ms", 1e6, measure(pairing2, 200, rounds));
    report("ECPAIRING precompile, 2 pairs", "ms", 1e6, measure(precompile2, 200, rounds));
  }

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /** Wall and CPU nanoseconds per operation for each round, after two warm-up rounds. */
  private static double[][] measure(Op op, int n, int rounds) {
    long sink = op.run(n); // warm-up, lets the JIT compile
    sink += op.run(n);
    double[][] perOp = new double[2][rounds];
    for (int r = 0; r < rounds; r++) {
      long c0 = THREADS.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      sink += op.run(n);
      perOp[0][r] = (System.nanoTime() - t0) / (double) n;
      perOp[1][r] = (THREADS.getCurrentThreadCpuTime() - c0) / (double) n;
    }
    if (sink == 42) {
      System.out.print("");
    }
    return perOp;
  }

  private static void report(String what, String unit, double scale, double[][] perOp) {
    double[] wall = perOp[0].clone();
    double[] cpu = perOp[1].clone();
    Arrays.sort(wall);
    Arrays.sort(cpu);
    System.out.printf(
        "%-40s wall best %9.3f median %9.3f | cpu best %9.3f median %9.3f %s%n",
        what,
        wall[0] / scale,
        wall[wall.length / 2] / scale,
        cpu[0] / scale,
        cpu[cpu.length / 2] / scale,
        unit);
  }
}
