package io.zgnode.evm.processor;

import io.zgnode.evm.frame.Code;
import io.zgnode.evm.frame.CodeBlocks;
import io.zgnode.evm.frame.HaltReason;
import io.zgnode.evm.frame.Memory;
import io.zgnode.evm.frame.MessageFrame;
import io.zgnode.evm.frame.OperandStack;
import io.zgnode.evm.operation.Operation;
import io.zgnode.evm.operation.OperationRegistry;
import io.zgnode.evm.operation.StackMath;
import io.zgnode.evm.operation.StackOps;
import io.zgnode.evm.tracing.Tracer;

/**
 * Runs one frame's code until it ends or suspends for a child. The program counter, gas and stack
 * pointer live in locals. The instructions that are the same in every fork and need nothing but the
 * stack, memory and code (arithmetic, comparisons, bit operations, PUSH, DUP, SWAP, POP, jumps,
 * MLOAD/MSTORE) run inline in a dense switch; every other instruction goes through its {@link
 * Operation} in the fork's registry.
 *
 * <p>Stack bounds and static gas are checked once per basic block ({@link CodeBlocks}): entering a
 * block charges all its static gas, so the gas held in the local is lower than the frame's real gas
 * by the static gas of the block's remaining instructions, which is added back wherever an
 * instruction can see the gas (GAS, and everything dispatched through the registry). When a block's
 * needs are not met at its start, or a dynamic cost does not fit within the prepaid accounting, the
 * interpreter switches to checking each instruction with exact gas: the outcome, halt reason
 * included, is the same as checking each instruction throughout. Tracing always checks each
 * instruction, so traces show each instruction's gas.
 */
public final class Interpreter {
  private Interpreter() {}

  /** Runs {@code frame} (state RUNNING) until it ends or is SUSPENDED. */
  public static void run(MessageFrame frame) {
    ExecutionContext ctx = frame.context();
    OperationRegistry registry = ctx.config().operations();
    Operation[] ops = registry.operations();
    long[] checks = registry.checkTable();
    Tracer tracer = ctx.tracer();
    boolean tracing = ctx.isTracing();
    long expByteCost = ctx.gasCalculator().expByteCost();
    long[] scratch = ctx.scratch();

    Code code = frame.code();
    byte[] c = code.padded();
    CodeBlocks blocks = code.blocks(checks);
    long[] blockChecks = blocks.checks();
    int[] rest = blocks.restTable();
    OperandStack stack = frame.stack();
    long[] s = stack.data();
    Memory memory = frame.memory();
    int sp = stack.size();
    int pc = frame.pc();
    HaltReason halt = null;
    long failedCost = 0;

    // eachInstruction: check and charge every instruction (exact gas in the local); otherwise the
    // local gas excludes the static gas prepaid for the rest of the current block.
    boolean eachInstruction = tracing;
    long gas = frame.gasRemaining();
    if (!tracing) {
      if (pc == 0) {
        if (c[0] != 0x5b) { // a JUMPDEST enters its block itself
          long need = enterBlock(blockChecks[0], sp, gas);
          if (need < 0) {
            eachInstruction = true;
          } else {
            gas -= need;
          }
        }
      } else {
        // resuming after a call: the accounting of the interrupted block continues
        eachInstruction = frame.checkingEachInstruction();
        if (!eachInstruction) {
          gas -= frame.prepaidGas();
          if (gas < 0) {
            gas += frame.prepaidGas();
            eachInstruction = true;
          }
        }
      }
    }

    loop:
    while (true) {
      int op = c[pc] & 0xff;
      if (eachInstruction) {
        if (tracing) {
          stack.setSize(sp);
          frame.setGasRemaining(gas);
          frame.setPc(pc);
          tracer.onInstruction(frame, pc, op, gas);
        }
        long check = checks[op];
        if (Integer.compareUnsigned(sp - ((int) check & 0xffff), ((int) check >>> 16)) > 0) {
          halt =
              !ops[op].isDefined()
                  ? HaltReason.INVALID_OPCODE
                  : sp < ops[op].inputs() ? HaltReason.STACK_UNDERFLOW : HaltReason.STACK_OVERFLOW;
          break;
        }
        gas -= check >>> 32;
        if (gas < 0) {
          halt = HaltReason.OUT_OF_GAS;
          gas += check >>> 32;
          break;
        }
      }
      int a = (sp - 1) << 2; // the top word
      switch (op) {
        case 0x00 -> {
          frame.setState(MessageFrame.State.SUCCESS);
          break loop;
        }
        case 0x01 -> {
          StackMath.add(s, a, a - 4);
          sp--;
          pc++;
        }
        case 0x02 -> {
          StackMath.mul(s, a, a - 4);
          sp--;
          pc++;
        }
        case 0x03 -> {
          StackMath.sub(s, a, a - 4);
          sp--;
          pc++;
        }
        case 0x04 -> {
          StackMath.div(s, a, a - 4, scratch);
          sp--;
          pc++;
        }
        case 0x05 -> {
          StackMath.sdiv(s, a, a - 4, scratch);
          sp--;
          pc++;
        }
        case 0x06 -> {
          StackMath.mod(s, a, a - 4, scratch);
          sp--;
          pc++;
        }
        case 0x07 -> {
          StackMath.smod(s, a, a - 4, scratch);
          sp--;
          pc++;
        }
        case 0x08 -> {
          StackMath.addmod(s, a, a - 4, a - 8, scratch);
          sp -= 2;
          pc++;
        }
        case 0x09 -> {
          StackMath.mulmod(s, a, a - 4, a - 8, scratch);
          sp -= 2;
          pc++;
        }
        case 0x0a -> {
          long cost = expByteCost * StackMath.byteLength(s, a - 4);
          if (gas < cost) {
            if (eachInstruction || gas + rest[pc] < cost) {
              halt = HaltReason.OUT_OF_GAS;
              failedCost = cost;
              break loop;
            }
            gas += rest[pc];
            eachInstruction = true;
          }
          gas -= cost;
          StackMath.exp(s, a, a - 4, scratch);
          sp--;
          pc++;
        }
        case 0x0b -> {
          StackMath.signExtend(s, a, a - 4);
          sp--;
          pc++;
        }
        case 0x10 -> {
          StackMath.lt(s, a, a - 4);
          sp--;
          pc++;
        }
        case 0x11 -> {
          StackMath.gt(s, a, a - 4);
          sp--;
          pc++;
        }
        case 0x12 -> {
          StackMath.slt(s, a, a - 4);
          sp--;
          pc++;
        }
        case 0x13 -> {
          StackMath.sgt(s, a, a - 4);
          sp--;
          pc++;
        }
        case 0x14 -> {
          StackMath.eq(s, a, a - 4);
          sp--;
          pc++;
        }
        case 0x15 -> {
          StackMath.iszero(s, a);
          pc++;
        }
        case 0x16 -> {
          StackMath.and(s, a, a - 4);
          sp--;
          pc++;
        }
        case 0x17 -> {
          StackMath.or(s, a, a - 4);
          sp--;
          pc++;
        }
        case 0x18 -> {
          StackMath.xor(s, a, a - 4);
          sp--;
          pc++;
        }
        case 0x19 -> {
          StackMath.not(s, a);
          pc++;
        }
        case 0x1a -> {
          StackMath.byteOp(s, a, a - 4);
          sp--;
          pc++;
        }
        case 0x1b -> {
          StackMath.shl(s, a, a - 4);
          sp--;
          pc++;
        }
        case 0x1c -> {
          StackMath.shr(s, a, a - 4);
          sp--;
          pc++;
        }
        case 0x1d -> {
          StackMath.sar(s, a, a - 4);
          sp--;
          pc++;
        }
        case 0x1e -> {
          StackMath.clz(s, a);
          pc++;
        }
        case 0x50 -> {
          sp--;
          pc++;
        }
        case 0x51 -> {
          long offset = OperandStack.clamp(s, a);
          long cost = offset <= memory.size() - 32 ? 0 : memory.expansionCost(offset, 32);
          if (cost != 0) {
            if (gas < cost) {
              // not within the prepaid accounting: exact gas from here, or really out of gas
              if (eachInstruction || gas + rest[pc] < cost) {
                halt = HaltReason.OUT_OF_GAS;
                failedCost = cost;
                break loop;
              }
              gas += rest[pc];
              eachInstruction = true;
            }
            gas -= cost;
            memory.expand(offset, 32);
          }
          memory.loadWord((int) offset, s, a);
          pc++;
        }
        case 0x52 -> {
          long offset = OperandStack.clamp(s, a);
          long cost = offset <= memory.size() - 32 ? 0 : memory.expansionCost(offset, 32);
          if (cost != 0) {
            if (gas < cost) {
              // not within the prepaid accounting: exact gas from here, or really out of gas
              if (eachInstruction || gas + rest[pc] < cost) {
                halt = HaltReason.OUT_OF_GAS;
                failedCost = cost;
                break loop;
              }
              gas += rest[pc];
              eachInstruction = true;
            }
            gas -= cost;
            memory.expand(offset, 32);
          }
          memory.storeWord((int) offset, s, a - 4);
          sp -= 2;
          pc++;
        }
        case 0x53 -> {
          long offset = OperandStack.clamp(s, a);
          long cost = offset < memory.size() ? 0 : memory.expansionCost(offset, 1);
          if (cost != 0) {
            if (gas < cost) {
              // not within the prepaid accounting: exact gas from here, or really out of gas
              if (eachInstruction || gas + rest[pc] < cost) {
                halt = HaltReason.OUT_OF_GAS;
                failedCost = cost;
                break loop;
              }
              gas += rest[pc];
              eachInstruction = true;
            }
            gas -= cost;
            memory.expand(offset, 1);
          }
          memory.storeByte((int) offset, (byte) s[a - 1]);
          sp -= 2;
          pc++;
        }
        case 0x56 -> {
          long dest = OperandStack.clamp(s, a);
          sp--;
          if (!code.isJumpDest(dest)) {
            halt = HaltReason.INVALID_JUMP;
            break loop;
          }
          pc = (int) dest;
        }
        case 0x57 -> {
          sp -= 2;
          if (StackMath.isZero(s, a - 4)) {
            pc++;
            if (!eachInstruction && c[pc] != 0x5b) {
              // falling through starts a block (a JUMPDEST enters its block itself)
              long need = enterBlock(blockChecks[pc], sp, gas);
              if (need < 0) {
                eachInstruction = true;
              } else {
                gas -= need;
              }
            }
          } else {
            long dest = OperandStack.clamp(s, a);
            if (!code.isJumpDest(dest)) {
              halt = HaltReason.INVALID_JUMP;
              break loop;
            }
            pc = (int) dest;
          }
        }
        case 0x58 -> {
          StackOps.setLong(s, a + 4, pc);
          sp++;
          pc++;
        }
        case 0x59 -> {
          StackOps.setLong(s, a + 4, memory.size());
          sp++;
          pc++;
        }
        case 0x5a -> {
          StackOps.setLong(s, a + 4, eachInstruction ? gas : gas + rest[pc]);
          sp++;
          pc++;
        }
        case 0x5b -> {
          if (!eachInstruction) {
            long need = enterBlock(blockChecks[pc], sp, gas);
            if (need < 0) {
              // this block cannot run to its end: run it again instruction by instruction
              eachInstruction = true;
              continue;
            }
            gas -= need;
          }
          pc++;
        }
        case 0x5f -> {
          StackOps.setLong(s, a + 4, 0);
          sp++;
          pc++;
        }
        case 0x60 -> {
          StackOps.setLong(s, a + 4, c[pc + 1] & 0xff);
          sp++;
          pc += 2;
        }
        case 0x61 -> {
          StackOps.setLong(s, a + 4, ((c[pc + 1] & 0xff) << 8) | (c[pc + 2] & 0xff));
          sp++;
          pc += 3;
        }
        case 0x62,
            0x63,
            0x64,
            0x65,
            0x66,
            0x67,
            0x68,
            0x69,
            0x6a,
            0x6b,
            0x6c,
            0x6d,
            0x6e,
            0x6f,
            0x70,
            0x71,
            0x72,
            0x73,
            0x74,
            0x75,
            0x76,
            0x77,
            0x78,
            0x79,
            0x7a,
            0x7b,
            0x7c,
            0x7d,
            0x7e,
            0x7f -> {
          int n = op - 0x5f;
          StackOps.push(s, a + 4, c, pc + 1, n);
          sp++;
          pc += 1 + n;
        }
        case 0x80,
            0x81,
            0x82,
            0x83,
            0x84,
            0x85,
            0x86,
            0x87,
            0x88,
            0x89,
            0x8a,
            0x8b,
            0x8c,
            0x8d,
            0x8e,
            0x8f -> {
          int from = a - ((op - 0x80) << 2);
          s[a + 4] = s[from];
          s[a + 5] = s[from + 1];
          s[a + 6] = s[from + 2];
          s[a + 7] = s[from + 3];
          sp++;
          pc++;
        }
        case 0x90,
            0x91,
            0x92,
            0x93,
            0x94,
            0x95,
            0x96,
            0x97,
            0x98,
            0x99,
            0x9a,
            0x9b,
            0x9c,
            0x9d,
            0x9e,
            0x9f -> {
          int b = a - ((op - 0x8f) << 2);
          long t0 = s[a];
          long t1 = s[a + 1];
          long t2 = s[a + 2];
          long t3 = s[a + 3];
          s[a] = s[b];
          s[a + 1] = s[b + 1];
          s[a + 2] = s[b + 2];
          s[a + 3] = s[b + 3];
          s[b] = t0;
          s[b + 1] = t1;
          s[b + 2] = t2;
          s[b + 3] = t3;
          pc++;
        }
        default -> {
          // the operation sees the frame's real gas
          long prepaid = eachInstruction ? 0 : rest[pc];
          stack.setSize(sp);
          frame.setGasRemaining(gas + prepaid);
          frame.setPc(pc);
          int advance = ops[op].execute(frame);
          sp = stack.size();
          long real = frame.gasRemaining();
          pc = frame.pc() + advance;
          if (frame.state() != MessageFrame.State.RUNNING) {
            frame.setPc(pc);
            frame.setBlockState(prepaid, eachInstruction);
            return;
          }
          gas = real - prepaid;
          if (gas < 0) {
            // the rest of the block no longer fits: exact gas from here
            gas = real;
            eachInstruction = true;
          }
        }
      }
    }
    stack.setSize(sp);
    frame.setPc(pc);
    frame.setGasRemaining(eachInstruction ? gas : gas + rest[pc]);
    if (halt != null) {
      frame.setFailedGasCost(failedCost);
      frame.halt(halt);
    }
  }

  /**
   * The static gas to charge on entering the block whose packed check is {@code check}, or -1 when
   * the stack or the gas does not meet its needs.
   */
  private static long enterBlock(long check, int sp, long gas) {
    long need = check >>> 32;
    if (Integer.compareUnsigned(sp - ((int) check & 0xffff), (int) check >>> 16) > 0
        || need > gas) {
      return -1;
    }
    return need;
  }
}
