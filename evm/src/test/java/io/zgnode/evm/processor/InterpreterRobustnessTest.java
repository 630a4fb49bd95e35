package io.zgnode.evm.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zgnode.evm.fork.Fork;
import io.zgnode.evm.frame.HaltReason;
import io.zgnode.evm.frame.MessageFrame;
import io.zgnode.evm.world.MapEvmWorld;
import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Whatever the bytecode, execution ends in a frame state with the right gas, never in a Java
 * exception: random programs, the call depth limit, huge memory offsets and every halt.
 */
class InterpreterRobustnessTest {

  private static MessageFrame run(String code, long gas) {
    return Harness.call(Fork.OSAKA, new MapEvmWorld(), Harness.hex(code), new byte[0], gas);
  }

  @Test
  void randomProgramsNeverThrow() {
    SplittableRandom random = new SplittableRandom(42);
    // Opcodes that make programs interesting: pushes of big values, memory, calls, creates.
    int[] favourites = {
      0x7f, 0x60, 0x51, 0x52, 0x53, 0x37, 0x39, 0x3e, 0x5e, 0x20, 0xf0, 0xf1, 0xf2, 0xf4, 0xf5,
      0xfa, 0x55, 0x54, 0x56, 0x57, 0x5b, 0xa0, 0xa4, 0xff, 0x0a, 0x08, 0x09, 0x3c, 0x1e
    };
    for (int i = 0; i < 3_000; i++) {
      byte[] code = new byte[1 + random.nextInt(200)];
      for (int k = 0; k < code.length; k++) {
        code[k] =
            (byte)
                (random.nextInt(3) == 0
                    ? favourites[random.nextInt(favourites.length)]
                    : random.nextInt(256));
      }
      for (Fork fork : new Fork[] {Fork.LONDON, Fork.CANCUN, Fork.OSAKA}) {
        MapEvmWorld world = new MapEvmWorld();
        world.setBalance(Harness.CONTRACT, BigInteger.TEN.pow(20));
        long gas = 1 + random.nextLong(3_000_000);
        MessageFrame f = Harness.call(fork, world, code, new byte[random.nextInt(64)], gas);
        assertTrue(f.isDone(), "frame ended");
        assertTrue(f.gasRemaining() >= 0 && f.gasRemaining() <= gas, "gas within bounds");
        if (f.state() == MessageFrame.State.EXCEPTIONAL_HALT) {
          assertEquals(0, f.gasRemaining());
        }
      }
    }
  }

  @Test
  void callDepthLimitEndsWithoutJavaRecursion() {
    // Calls itself with all gas until the depth limit makes CALL fail, then stops:
    // PUSH1 0 DUP1 DUP1 DUP1 DUP1 ADDRESS GAS CALL STOP
    MessageFrame f = run("6000 80 80 80 80 30 5a f1 00", 500_000_000_000L);
    assertEquals(MessageFrame.State.SUCCESS, f.state());
  }

  @Test
  void hugeMemoryOffsetsRunOutOfGas() {
    // MLOAD at 2^255, MSTORE at 2^40, CALLDATACOPY of 2^64 bytes, KECCAK256 of 2^32 bytes
    String[] programs = {
      "7f80" + "00".repeat(31) + "51",
      "6001 65010000000000 52",
      "68010000000000000000 6000 6000 37",
      "640100000000 6000 20"
    };
    for (String p : programs) {
      MessageFrame f = run(p, 10_000_000);
      assertEquals(HaltReason.OUT_OF_GAS, f.haltReason(), p);
      assertTrue(f.memory().size() < 1024, "nothing allocated for " + p);
    }
  }

  @Test
  void haltsHaveTheirReasons() {
    assertEquals(HaltReason.STACK_UNDERFLOW, run("01", 100).haltReason());
    assertEquals(HaltReason.INVALID_OPCODE, run("0c", 100).haltReason());
    assertEquals(HaltReason.INVALID_INSTRUCTION, run("fe", 100).haltReason());
    assertEquals(HaltReason.INVALID_JUMP, run("6003 56 00", 100).haltReason());
    assertEquals(HaltReason.OUT_OF_GAS, run("6001 6001", 5).haltReason());
    assertEquals(HaltReason.RETURN_DATA_OUT_OF_BOUNDS, run("6001 6000 6000 3e", 100).haltReason());
    // 1025 pushes overflow the stack
    assertEquals(HaltReason.STACK_OVERFLOW, run("5f".repeat(1025), 10_000).haltReason());
    MessageFrame ok = run("5f".repeat(1024) + "00", 10_000);
    assertEquals(MessageFrame.State.SUCCESS, ok.state());
    assertEquals(10_000 - 2 * 1024, ok.gasRemaining());
  }

  @Test
  void push0IsUndefinedBeforeShanghai() {
    MessageFrame f =
        Harness.call(Fork.LONDON, new MapEvmWorld(), Harness.hex("5f00"), new byte[0], 100);
    assertEquals(HaltReason.INVALID_OPCODE, f.haltReason());
  }

  @Test
  void clzIsDefinedFromOsaka() {
    // PUSH1 1 CLZ PUSH1 0 MSTORE PUSH1 32 PUSH1 0 RETURN -> 255
    String code = "6001 1e 6000 52 6020 6000 f3";
    MessageFrame osaka = run(code, 1_000);
    assertEquals(MessageFrame.State.SUCCESS, osaka.state());
    assertEquals(255, osaka.output()[31] & 0xff);
    MessageFrame prague =
        Harness.call(Fork.PRAGUE, new MapEvmWorld(), Harness.hex(code), new byte[0], 1_000);
    assertEquals(HaltReason.INVALID_OPCODE, prague.haltReason());
  }
}
