package io.zgnode.benchmarks.evm;

import io.zgnode.evm.bytes.Hex;
import io.zgnode.evm.fork.Fork;
import io.zgnode.evm.frame.Code;
import io.zgnode.evm.frame.MessageFrame;
import io.zgnode.evm.processor.BlockContext;
import io.zgnode.evm.processor.Evm;
import io.zgnode.evm.processor.EvmConfig;
import io.zgnode.evm.processor.ExecutionContext;
import io.zgnode.evm.tracing.Tracer;
import io.zgnode.evm.types.Address;
import io.zgnode.evm.types.Hash;
import io.zgnode.evm.world.MapEvmWorld;
import io.zgnode.evm.world.TxScope;
import java.math.BigInteger;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Opcode dispatch: a loop of {@value #ITERATIONS} iterations run as the code of a called contract
 * through the interpreter, the way {@code zgnode evm run} runs bytecode. Scores are nanoseconds per
 * executed instruction ({@link OperationsPerInvocation} is the instruction count), so they read
 * directly as the interpreter's cost per opcode including the frame set-up spread over the loop.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@org.openjdk.jmh.annotations.Fork(
    value = 1,
    jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Xss4m"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class InterpreterBenchmark {
  /** The loop count; the programs' PUSH2 0x2710 must match (setUp checks the gas they use). */
  static final int ITERATIONS = 10_000;

  /**
   * PUSH2 n; loop: JUMPDEST PUSH1 1 SWAP1 SUB DUP1 PUSH1 3 JUMPI; STOP. Seven instructions and 26
   * gas per iteration, all of them handled inline by the interpreter's switch.
   */
  static final Program COUNTDOWN = new Program("6127105b600190038060035700", 26, 0);

  /**
   * PUSH2 n; loop: JUMPDEST DUP1 DUP1 MUL CALLER XOR PUSH1 0 MSTORE PUSH1 1 SWAP1 SUB DUP1 PUSH1 3
   * JUMPI; STOP. Fourteen instructions and 48 gas per iteration: arithmetic, a memory store and
   * CALLER, an environment opcode, which reaches the fork's operation table unless the interpreter
   * handles it inline.
   */
  static final Program MIXED = new Program("6127105b8080023318600052600190038060035700", 48, 3);

  /** Instructions executed by one run: PUSH2, the loop, STOP. */
  private static final int COUNTDOWN_INSTRUCTIONS = 2 + 7 * ITERATIONS;

  private static final int MIXED_INSTRUCTIONS = 2 + 14 * ITERATIONS;

  private static final Address SENDER =
      Address.fromHex("0x1000000000000000000000000000000000000001");
  private static final Address CONTRACT =
      Address.fromHex("0x2000000000000000000000000000000000000002");
  private static final long GAS = 10_000_000L;

  /** A loop program, its gas per iteration and the memory-expansion gas it pays once. */
  record Program(String hex, long gasPerIteration, long memoryGas) {
    byte[] bytes() {
      return Hex.decode(hex);
    }

    long expectedGas() {
      return 3 + gasPerIteration * ITERATIONS + memoryGas;
    }
  }

  private EvmConfig config;
  private BlockContext block;
  private MapEvmWorld world;
  private Code countdown;
  private Code mixed;

  @Setup
  public void setUp() {
    config = EvmConfig.forFork(Fork.CANCUN);
    block =
        new BlockContext(
            1,
            1,
            Address.ZERO,
            Long.MAX_VALUE,
            BigInteger.ZERO,
            BigInteger.ZERO,
            Hash.ZERO,
            BigInteger.ONE,
            BigInteger.ONE,
            n -> Hash.ZERO);
    world = new MapEvmWorld();
    world.setBalance(SENDER, BigInteger.TEN.pow(24));
    countdown = new Code(COUNTDOWN.bytes());
    mixed = new Code(MIXED.bytes());
    // The programs neither write state nor log, so one world serves every run; check that each
    // really loops to the end, or the scores would time something else.
    check(COUNTDOWN, run(countdown));
    check(MIXED, run(mixed));
  }

  private static void check(Program program, MessageFrame frame) {
    long used = GAS - frame.gasRemaining();
    if (frame.state() != MessageFrame.State.SUCCESS || used != program.expectedGas()) {
      throw new IllegalStateException(
          "loop program "
              + program.hex()
              + " ended "
              + frame.state()
              + " after "
              + used
              + " gas, expected SUCCESS after "
              + program.expectedGas());
    }
  }

  @Benchmark
  @OperationsPerInvocation(COUNTDOWN_INSTRUCTIONS)
  public long countdownLoop() {
    return run(countdown).gasRemaining();
  }

  @Benchmark
  @OperationsPerInvocation(MIXED_INSTRUCTIONS)
  public long mixedLoop() {
    return run(mixed).gasRemaining();
  }

  private MessageFrame run(Code code) {
    TxScope scope = new TxScope();
    scope.warmAddress(SENDER);
    scope.warmAddress(CONTRACT);
    ExecutionContext ec =
        new ExecutionContext(
            config, world, scope, block, SENDER, BigInteger.ONE, List.of(), Tracer.NO_OP);
    MessageFrame frame =
        new MessageFrame(
            ec,
            MessageFrame.Type.MESSAGE_CALL,
            MessageFrame.CallKind.CALL,
            0,
            false,
            SENDER,
            CONTRACT,
            CONTRACT,
            BigInteger.ZERO,
            BigInteger.ZERO,
            new byte[0],
            code,
            null,
            GAS,
            ec.stackFor(0),
            ec.memoryFor(0));
    Evm.execute(frame);
    return frame;
  }
}
