package io.zgnode.evm.operation;

import io.zgnode.evm.fork.Fork;
import io.zgnode.evm.frame.MessageFrame.CallKind;
import io.zgnode.evm.frame.OperandStack;
import io.zgnode.evm.gas.GasCalculator;
import java.util.EnumMap;

/**
 * The instruction set of a fork: 256 slots, one {@link Operation} each (a placeholder that halts
 * for undefined opcodes). London is the base; Shanghai adds PUSH0; Cancun adds TLOAD, TSTORE,
 * MCOPY, BLOBHASH, BLOBBASEFEE and EIP-6780 SELFDESTRUCT; Prague changes calls through EIP-7702
 * designators (in the call instructions); Osaka adds CLZ.
 *
 * <p>Also holds the table the interpreter checks before each instruction: static gas, the fewest
 * stack words it needs and how many more the stack may hold. An undefined opcode gets an impossible
 * minimum so the one stack check also catches it.
 */
public final class OperationRegistry {
  private static final EnumMap<Fork, OperationRegistry> CACHE = new EnumMap<>(Fork.class);

  private final Fork fork;
  private final Operation[] operations = new Operation[256];
  private final long[] checks = new long[256];

  private OperationRegistry(Fork fork) {
    this.fork = fork;
    GasCalculator gc = GasCalculator.forFork(fork);
    for (int op = 0; op < 256; op++) {
      operations[op] = InvalidOperation.undefined(op, null);
    }
    register(new StopOperation());
    register(new ArithmeticOperation(0x01, "ADD", 2, GasCalculator.VERY_LOW_TIER, gc));
    register(new ArithmeticOperation(0x02, "MUL", 2, GasCalculator.LOW_TIER, gc));
    register(new ArithmeticOperation(0x03, "SUB", 2, GasCalculator.VERY_LOW_TIER, gc));
    register(new ArithmeticOperation(0x04, "DIV", 2, GasCalculator.LOW_TIER, gc));
    register(new ArithmeticOperation(0x05, "SDIV", 2, GasCalculator.LOW_TIER, gc));
    register(new ArithmeticOperation(0x06, "MOD", 2, GasCalculator.LOW_TIER, gc));
    register(new ArithmeticOperation(0x07, "SMOD", 2, GasCalculator.LOW_TIER, gc));
    register(new ArithmeticOperation(0x08, "ADDMOD", 3, GasCalculator.MID_TIER, gc));
    register(new ArithmeticOperation(0x09, "MULMOD", 3, GasCalculator.MID_TIER, gc));
    register(new ArithmeticOperation(0x0a, "EXP", 2, GasCalculator.HIGH_TIER, gc));
    register(new ArithmeticOperation(0x0b, "SIGNEXTEND", 2, GasCalculator.LOW_TIER, gc));
    register(new ComparisonOperation(0x10, "LT"));
    register(new ComparisonOperation(0x11, "GT"));
    register(new ComparisonOperation(0x12, "SLT"));
    register(new ComparisonOperation(0x13, "SGT"));
    register(new ComparisonOperation(0x14, "EQ"));
    register(new ComparisonOperation(0x15, "ISZERO"));
    register(new BitwiseOperation(0x16, "AND", 2, GasCalculator.VERY_LOW_TIER));
    register(new BitwiseOperation(0x17, "OR", 2, GasCalculator.VERY_LOW_TIER));
    register(new BitwiseOperation(0x18, "XOR", 2, GasCalculator.VERY_LOW_TIER));
    register(new BitwiseOperation(0x19, "NOT", 1, GasCalculator.VERY_LOW_TIER));
    register(new BitwiseOperation(0x1a, "BYTE", 2, GasCalculator.VERY_LOW_TIER));
    register(new BitwiseOperation(0x1b, "SHL", 2, GasCalculator.VERY_LOW_TIER));
    register(new BitwiseOperation(0x1c, "SHR", 2, GasCalculator.VERY_LOW_TIER));
    register(new BitwiseOperation(0x1d, "SAR", 2, GasCalculator.VERY_LOW_TIER));
    register(new Keccak256Operation(gc));
    register(EnvironmentOperation.base(0x30, "ADDRESS"));
    register(new AccountOperation(0x31, "BALANCE", gc));
    register(EnvironmentOperation.base(0x32, "ORIGIN"));
    register(EnvironmentOperation.base(0x33, "CALLER"));
    register(EnvironmentOperation.base(0x34, "CALLVALUE"));
    register(new CallDataLoadOperation());
    register(EnvironmentOperation.base(0x36, "CALLDATASIZE"));
    register(new CopyOperation(0x37, "CALLDATACOPY", gc));
    register(EnvironmentOperation.base(0x38, "CODESIZE"));
    register(new CopyOperation(0x39, "CODECOPY", gc));
    register(EnvironmentOperation.base(0x3a, "GASPRICE"));
    register(new AccountOperation(0x3b, "EXTCODESIZE", gc));
    register(new ExtCodeCopyOperation(gc));
    register(EnvironmentOperation.base(0x3d, "RETURNDATASIZE"));
    register(new CopyOperation(0x3e, "RETURNDATACOPY", gc));
    register(new AccountOperation(0x3f, "EXTCODEHASH", gc));
    register(new BlockHashOperation(gc));
    register(EnvironmentOperation.base(0x41, "COINBASE"));
    register(EnvironmentOperation.base(0x42, "TIMESTAMP"));
    register(EnvironmentOperation.base(0x43, "NUMBER"));
    boolean merged = fork.isAtLeast(Fork.PARIS);
    register(
        new EnvironmentOperation(
            0x44, merged ? "PREVRANDAO" : "DIFFICULTY", GasCalculator.BASE_TIER, merged));
    register(EnvironmentOperation.base(0x45, "GASLIMIT"));
    register(EnvironmentOperation.base(0x46, "CHAINID"));
    register(new EnvironmentOperation(0x47, "SELFBALANCE", gc.selfBalanceCost()));
    register(EnvironmentOperation.base(0x48, "BASEFEE"));
    register(new PopOperation());
    register(new MemoryOperation(0x51, "MLOAD"));
    register(new MemoryOperation(0x52, "MSTORE"));
    register(new MemoryOperation(0x53, "MSTORE8"));
    register(new SLoadOperation(gc));
    register(new SStoreOperation(gc));
    register(new JumpOperation(0x56, "JUMP", gc));
    register(new JumpOperation(0x57, "JUMPI", gc));
    register(EnvironmentOperation.base(0x58, "PC"));
    register(EnvironmentOperation.base(0x59, "MSIZE"));
    register(EnvironmentOperation.base(0x5a, "GAS"));
    register(new JumpOperation(0x5b, "JUMPDEST", gc));
    for (int n = 1; n <= 32; n++) {
      register(new PushOperation(n));
    }
    for (int n = 1; n <= 16; n++) {
      register(new DupOperation(n));
      register(new SwapOperation(n));
    }
    for (int n = 0; n <= 4; n++) {
      register(new LogOperation(n, gc));
    }
    register(new CreateOperation(false, gc));
    register(new CallOperation(0xf1, "CALL", CallKind.CALL, gc, fork));
    register(new CallOperation(0xf2, "CALLCODE", CallKind.CALLCODE, gc, fork));
    register(new ReturnOperation(0xf3, "RETURN"));
    register(new CallOperation(0xf4, "DELEGATECALL", CallKind.DELEGATECALL, gc, fork));
    register(new CreateOperation(true, gc));
    register(new CallOperation(0xfa, "STATICCALL", CallKind.STATICCALL, gc, fork));
    register(new ReturnOperation(0xfd, "REVERT"));
    register(InvalidOperation.designated());
    register(new SelfDestructOperation(gc, fork.isAtLeast(Fork.CANCUN)));

    if (fork.isAtLeast(Fork.SHANGHAI)) {
      register(new PushOperation(0)); // EIP-3855
    }
    if (fork.isAtLeast(Fork.CANCUN)) {
      register(new TransientStorageOperation(0x5c, "TLOAD", gc)); // EIP-1153
      register(new TransientStorageOperation(0x5d, "TSTORE", gc));
      register(new CopyOperation(0x5e, "MCOPY", gc)); // EIP-5656
      register(new BlobHashOperation(gc)); // EIP-4844
      register(EnvironmentOperation.base(0x4a, "BLOBBASEFEE")); // EIP-7516
    }
    if (fork.isAtLeast(Fork.OSAKA)) {
      register(new BitwiseOperation(0x1e, "CLZ", 1, gc.clzCost())); // EIP-7939
    }
    // One long per opcode for the interpreter: static gas in the high half, then the stack range
    // (how many more words than the minimum it may find) and the minimum in 16 bits each. An
    // undefined opcode gets a minimum no stack reaches.
    for (int op = 0; op < 256; op++) {
      Operation o = operations[op];
      long min = o.isDefined() ? o.inputs() : 0xffff;
      long range = o.isDefined() ? OperandStack.MAX_SIZE - o.outputs() : 0;
      checks[op] = (o.staticGas() << 32) | (range << 16) | min;
    }
  }

  /**
   * Names undefined opcodes after what a later fork defines there (e.g. PUSH0 before Shanghai), as
   * traces show them.
   */
  private void nameUndefined(OperationRegistry latest) {
    for (int op = 0; op < 256; op++) {
      if (!operations[op].isDefined() && latest.operations[op].isDefined()) {
        operations[op] = InvalidOperation.undefined(op, latest.operations[op].name());
      }
    }
  }

  private void register(Operation op) {
    operations[op.opcode()] = op;
  }

  /** The instruction set of {@code fork} (built once, shared). */
  public static OperationRegistry forFork(Fork fork) {
    synchronized (CACHE) {
      OperationRegistry r = CACHE.get(fork);
      if (r == null) {
        r = new OperationRegistry(fork);
        Fork latest = Fork.values()[Fork.values().length - 1];
        if (fork != latest) {
          r.nameUndefined(forFork(latest));
        }
        CACHE.put(fork, r);
      }
      return r;
    }
  }

  public Fork fork() {
    return fork;
  }

  public Operation get(int opcode) {
    return operations[opcode];
  }

  /** The operations by opcode; the interpreter's dispatch table (callers must not modify it). */
  public Operation[] operations() {
    return operations;
  }

  /**
   * Per opcode: static gas in bits 32-63, the allowed stack size above the minimum in bits 16-31
   * and the minimum in bits 0-15 (0xffff for an undefined opcode). Callers must not modify it.
   */
  public long[] checkTable() {
    return checks;
  }
}
