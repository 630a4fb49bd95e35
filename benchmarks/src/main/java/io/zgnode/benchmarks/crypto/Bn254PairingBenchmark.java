package io.zgnode.benchmarks.crypto;

import io.zgnode.evm.crypto.bn254.G1Point;
import io.zgnode.evm.crypto.bn254.G2Point;
import io.zgnode.evm.crypto.bn254.Pairing;
import java.math.BigInteger;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The BN254 pairing check with two pairs, the shape of the EIP-197 precompile's common call (a
 * Groth16-style or BLS-style verification): e(k·G1, G2) · e(-G1, k·G2) == 1.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Xss4m"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class Bn254PairingBenchmark {
  private G1Point[] g1;
  private G2Point[] g2;

  @Setup
  public void setUp() {
    BigInteger k = new BigInteger("1234567890123456789012345678901234567890");
    g1 = new G1Point[] {G1Point.GENERATOR.multiply(k), G1Point.GENERATOR.negate()};
    g2 = new G2Point[] {G2Point.GENERATOR, G2Point.GENERATOR.multiply(k)};
    // A check that failed would still cost the same, but a wrong setup should not go unnoticed.
    if (!Pairing.pairingCheck(g1, g2)) {
      throw new IllegalStateException("e(kG1, G2) * e(-G1, kG2) should be 1");
    }
  }

  @Benchmark
  public boolean pairingCheckTwoPairs() {
    return Pairing.pairingCheck(g1, g2);
  }
}
