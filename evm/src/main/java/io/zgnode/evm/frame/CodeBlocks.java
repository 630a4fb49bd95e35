package io.zgnode.evm.frame;

/**
 * The basic blocks of a piece of code under one instruction set, so the interpreter can check stack
 * bounds and charge static gas once per block instead of once per instruction.
 *
 * <p>A block starts at the first instruction, at every JUMPDEST and after every instruction that
 * ends one (STOP, JUMP, JUMPI, RETURN, REVERT, INVALID, SELFDESTRUCT, an undefined opcode); it ends
 * before a JUMPDEST or after such an instruction. Execution enters a block only at its start and
 * then runs its instructions in order until it leaves at the end, calls out and comes back, or
 * halts. Gas never grows inside a block (a call gives back at most what it took), so if a block's
 * static gas or stack needs are not there at its start, running it instruction by instruction is
 * certain to halt inside it; the interpreter does exactly that in that case, and otherwise charges
 * the block's static gas up front.
 *
 * <p>{@link #check(int)} per block start: static gas in bits 32-63, the allowed stack size above
 * the minimum in bits 16-31, the minimum stack size in bits 0-15 (0xffff when the block cannot run
 * to its end whatever the stack: an undefined opcode, a stack growth above 1024, a static gas too
 * large to pack). {@link #rest(int)} per instruction: the static gas of the instructions after it
 * in its block, prepaid, which the instructions that read the gas (GAS, calls, creations, SSTORE)
 * add back.
 */
public final class CodeBlocks {
  private static final int IMPOSSIBLE = 0xffff;
  private static final long MAX_GAS = Integer.MAX_VALUE;

  private final long[] checks;
  private final int[] rest;

  private CodeBlocks(long[] checks, int[] rest) {
    this.checks = checks;
    this.rest = rest;
  }

  /** The packed check of the block that starts at {@code pc}. */
  public long check(int pc) {
    return checks[pc];
  }

  /** The static gas prepaid for the instructions after the one at {@code pc} in its block. */
  public int rest(int pc) {
    return rest[pc];
  }

  /** The check table, indexed by pc (callers must not modify it). */
  public long[] checks() {
    return checks;
  }

  /** The rest table, indexed by pc (callers must not modify it). */
  public int[] restTable() {
    return rest;
  }

  /**
   * Analyses {@code padded} (code followed by zero padding) under an instruction set given by its
   * per-opcode table (static gas in bits 32-63, stack range in bits 16-31, minimum in bits 0-15,
   * 0xffff for undefined opcodes) and the opcodes that end a block.
   */
  static CodeBlocks analyse(byte[] code, int paddedLength, long[] opTable) {
    long[] checks = new long[paddedLength];
    int[] rest = new int[paddedLength];
    // Past the end only the implicit STOP runs: a free block.
    for (int pc = code.length; pc < paddedLength; pc++) {
      checks[pc] = pack(0, 0, OperandStack.MAX_SIZE);
    }
    int[] pcs = new int[Math.max(1, code.length)];
    int count = 0;
    int start = 0;
    long gas = 0;
    int height = 0;
    int minNeeded = 0;
    int maxGrowth = 0;
    boolean impossible = false;
    int pc = 0;
    while (pc < code.length) {
      int op = code[pc] & 0xff;
      if (op == 0x5b && pc != start) {
        close(
            checks, rest, code, opTable, start, pcs, count, gas, minNeeded, maxGrowth, impossible);
        start = pc;
        count = 0;
        gas = 0;
        height = 0;
        minNeeded = 0;
        maxGrowth = 0;
        impossible = false;
      }
      long t = opTable[op];
      int min = (int) t & 0xffff;
      pcs[count++] = pc;
      if (min == IMPOSSIBLE) {
        impossible = true;
      } else {
        int outputs = OperandStack.MAX_SIZE - ((int) t >>> 16);
        gas += t >>> 32;
        minNeeded = Math.max(minNeeded, min - height);
        height += outputs - min;
        maxGrowth = Math.max(maxGrowth, height);
      }
      int next = op >= 0x60 && op <= 0x7f ? pc + op - 0x5e : pc + 1;
      if (endsBlock(op) || min == IMPOSSIBLE) {
        close(
            checks, rest, code, opTable, start, pcs, count, gas, minNeeded, maxGrowth, impossible);
        start = next;
        count = 0;
        gas = 0;
        height = 0;
        minNeeded = 0;
        maxGrowth = 0;
        impossible = false;
      }
      pc = next;
    }
    if (start < code.length) {
      close(checks, rest, code, opTable, start, pcs, count, gas, minNeeded, maxGrowth, impossible);
    }
    return new CodeBlocks(checks, rest);
  }

  private static boolean endsBlock(int op) {
    return switch (op) {
      case 0x00, 0x56, 0x57, 0xf3, 0xfd, 0xfe, 0xff -> true;
      default -> false;
    };
  }

  private static void close(
      long[] checks,
      int[] rest,
      byte[] code,
      long[] opTable,
      int start,
      int[] pcs,
      int count,
      long gas,
      int minNeeded,
      int maxGrowth,
      boolean impossible) {
    if (start >= checks.length) {
      return;
    }
    int maxEntry = OperandStack.MAX_SIZE - maxGrowth;
    if (impossible || gas > MAX_GAS || maxEntry < minNeeded || minNeeded >= IMPOSSIBLE) {
      checks[start] = ((long) 0 << 32) | IMPOSSIBLE;
    } else {
      checks[start] = pack(gas, minNeeded, maxEntry);
    }
    long after = 0;
    for (int i = count - 1; i >= 0; i--) {
      int p = pcs[i];
      rest[p] = (int) Math.min(after, MAX_GAS);
      long t = opTable[code[p] & 0xff];
      if (((int) t & 0xffff) != IMPOSSIBLE) {
        after += t >>> 32;
      }
    }
  }

  private static long pack(long gas, int min, int maxEntry) {
    return (gas << 32) | ((long) (maxEntry - min) << 16) | min;
  }
}
