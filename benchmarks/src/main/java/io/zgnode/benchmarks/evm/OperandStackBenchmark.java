package io.zgnode.benchmarks.evm;

import io.zgnode.evm.frame.OperandStack;
import io.zgnode.evm.operation.StackMath;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The flat {@code long[]} operand stack: push two 256-bit words, ADD them in place, pop the sum,
 * {@value #ROUNDS} times per invocation on a stack kept half full. The score is nanoseconds per
 * push-push-add-pop round, the floor under every arithmetic opcode.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Xss4m"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class OperandStackBenchmark {
  static final int ROUNDS = 256;

  private OperandStack stack;
  private long seed;

  @Setup
  public void setUp() {
    stack = new OperandStack();
    // Half full, so the words touched are not all at the start of the array.
    for (int i = 0; i < OperandStack.MAX_SIZE / 2; i++) {
      stack.pushLong(i);
    }
    seed = 0x9e3779b97f4a7c15L;
  }

  @Benchmark
  @OperationsPerInvocation(ROUNDS)
  public long pushAddPop() {
    OperandStack st = stack;
    long acc = seed;
    for (int i = 0; i < ROUNDS; i++) {
      // Carries through all four limbs, so the add cannot be shortcut.
      st.push(acc, -1L, -1L, -1L);
      st.push(0, 0, 0, i + 1L);
      long[] s = st.data();
      StackMath.add(s, st.base(0), st.base(1));
      st.drop(1);
      int b = st.base(0);
      acc ^= s[b] + s[b + 3];
      st.drop(1);
    }
    seed = acc;
    return acc;
  }
}
