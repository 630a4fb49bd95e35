package io.zgnode.evm.processor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.zgnode.evm.fork.Fork;
import io.zgnode.evm.frame.MessageFrame;
import io.zgnode.evm.tracing.Tracer;
import io.zgnode.evm.types.Address;
import io.zgnode.evm.world.MapEvmWorld;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The interpreter charges static gas per basic block unless it traces, when it charges per
 * instruction. Both must give the same outcome in every respect: state, halt reason, gas left,
 * output and storage. This runs random programs built from jumps, gas reads, calls, stores and
 * memory growth with gas limits around what they need, both ways.
 */
class BlockAccountingTest {
  /** A tracer that does nothing but is not NO_OP, so the interpreter checks each instruction. */
  private static final Tracer EACH_INSTRUCTION = new Tracer() {};

  private static byte[] program(SplittableRandom r) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int pieces = 5 + r.nextInt(40);
    for (int i = 0; i < pieces; i++) {
      switch (r.nextInt(14)) {
        case 0 -> out.write(0x5b); // JUMPDEST
        case 1 -> { // PUSH1 cond PUSH1 target JUMPI
          out.write(0x60);
          out.write(r.nextInt(2));
          out.write(0x60);
          out.write(r.nextInt(64));
          out.write(0x57);
        }
        case 2 -> { // PUSH1 target JUMP (often lands on a JUMPDEST, sometimes not)
          out.write(0x60);
          out.write(r.nextInt(64));
          out.write(0x56);
        }
        case 3 -> out.write(0x5a); // GAS
        case 4 -> { // MSTORE at a growing offset
          out.write(0x60);
          out.write(r.nextInt(256));
          out.write(0x61);
          out.write(r.nextInt(16));
          out.write(r.nextInt(256));
          out.write(0x52);
        }
        case 5 -> { // SSTORE(GAS % 4, GAS)
          out.write(0x5a);
          out.write(0x60);
          out.write(4);
          out.write(0x5a);
          out.write(0x06);
          out.write(0x55);
        }
        case 6 -> { // CALL self with a little gas: PUSH1 0 x5, ADDRESS, PUSH2 gas, CALL
          for (int k = 0; k < 5; k++) {
            out.write(0x60);
            out.write(0);
          }
          out.write(0x30);
          out.write(0x61);
          out.write(r.nextInt(4));
          out.write(r.nextInt(256));
          out.write(0xf1);
        }
        case 7 -> { // EXP with a big exponent
          out.write(0x7f);
          for (int k = 0; k < 32; k++) {
            out.write(r.nextInt(256));
          }
          out.write(0x60);
          out.write(3);
          out.write(0x0a);
        }
        case 8 -> out.write(0x50); // POP (may underflow)
        case 9 -> out.write(0x80 + r.nextInt(16)); // DUPn
        case 10 -> out.write(0x01); // ADD
        case 11 -> { // RETURN or REVERT of a little memory
          out.write(0x60);
          out.write(r.nextInt(40));
          out.write(0x60);
          out.write(r.nextInt(40));
          out.write(r.nextBoolean() ? 0xf3 : 0xfd);
        }
        case 12 -> out.write(r.nextInt(256)); // anything, undefined opcodes included
        default -> { // PUSH1 x
          out.write(0x60);
          out.write(r.nextInt(256));
        }
      }
    }
    return out.toByteArray();
  }

  @Test
  void blockAndInstructionAccountingAgree() {
    SplittableRandom r = new SplittableRandom(7);
    for (int i = 0; i < 4_000; i++) {
      byte[] code = program(r);
      Fork fork = i % 3 == 0 ? Fork.LONDON : Fork.CANCUN;
      long gas = 50 + r.nextLong(i % 2 == 0 ? 3_000 : 200_000);
      MapEvmWorld w1 = new MapEvmWorld();
      MapEvmWorld w2 = new MapEvmWorld();
      w1.setBalance(Harness.CONTRACT, BigInteger.ONE);
      w2.setBalance(Harness.CONTRACT, BigInteger.ONE);
      MessageFrame blocks = Harness.call(fork, w1, code, new byte[0], gas, Tracer.NO_OP);
      MessageFrame each = Harness.call(fork, w2, code, new byte[0], gas, EACH_INSTRUCTION);
      String ctx = "program " + i + " gas " + gas + " " + io.zgnode.evm.bytes.Hex.encode(code);
      assertEquals(each.state(), blocks.state(), ctx);
      assertEquals(each.haltReason(), blocks.haltReason(), ctx);
      assertEquals(each.gasRemaining(), blocks.gasRemaining(), ctx);
      assertArrayEquals(each.output(), blocks.output(), ctx);
      for (Address a : w2.addresses()) {
        assertEquals(w2.storageOf(a), w1.storageOf(a), ctx);
      }
    }
  }
}
