package io.zgnode.benchmarks.crypto;

import io.zgnode.evm.crypto.Keccak256;
import io.zgnode.evm.crypto.Secp256k1;
import io.zgnode.evm.crypto.SenderRecovery;
import io.zgnode.evm.types.Address;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
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
 * secp256k1 sender recovery, once per transaction: {@link SenderRecovery} (libsecp256k1 through JNI
 * where it loads) and, for comparison, the pure-Java path it falls back to.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Xss4m"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SenderRecoveryBenchmark {
  private byte[] hash;
  private Secp256k1.Signature signature;

  @Setup
  public void setUp() {
    BigInteger key =
        new BigInteger("4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318", 16);
    hash = Keccak256.hash("zgnode sender recovery benchmark".getBytes(StandardCharsets.US_ASCII));
    signature = Secp256k1.sign(hash, key);
    Address expected = Secp256k1.address(key);
    if (!expected.equals(recoverAddress()) || !expected.equals(recoverAddressJava())) {
      throw new IllegalStateException("recovery does not give back the signer " + expected);
    }
    // Printed in the run's log so the score can be read against the implementation used.
    System.out.println("SenderRecovery implementation: " + SenderRecovery.implementation());
  }

  @Benchmark
  public Address recoverAddress() {
    return SenderRecovery.recoverAddress(
        hash, signature.r(), signature.s(), signature.recoveryId());
  }

  @Benchmark
  public Address recoverAddressJava() {
    return Secp256k1.recoverAddress(hash, signature.r(), signature.s(), signature.recoveryId());
  }
}
