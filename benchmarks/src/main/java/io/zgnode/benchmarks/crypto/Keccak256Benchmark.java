package io.zgnode.benchmarks.crypto;

import io.zgnode.evm.crypto.Keccak256;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Keccak-256 of one message: 32 bytes (a storage key or a word for SHA3), 136 bytes (exactly one
 * rate block, so two permutations with the padding block) and 1024 bytes (eight blocks).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Xss4m"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class Keccak256Benchmark {
  @Param({"32", "136", "1024"})
  int size;

  private byte[] message;

  @Setup
  public void setUp() {
    message = new byte[size];
    new SplittableRandom(size).nextBytes(message);
  }

  @Benchmark
  public byte[] hash() {
    return Keccak256.hash(message);
  }
}
