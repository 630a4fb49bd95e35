package io.zgnode.chain.sim;

import io.zgnode.evm.frame.HaltReason;
import io.zgnode.evm.operation.Operation;
import io.zgnode.evm.operation.OperationRegistry;

/** The messages geth gives for a frame that halted, which tools show and match on. */
public final class VmErrors {
  private static final int STACK_LIMIT = 1024;

  private VmErrors() {}

  /**
   * geth's text for {@code reason}, or null for none. {@code opcode} and {@code stackSize} describe
   * the instruction that failed (for invalid opcodes and stack faults); -1 when unknown.
   */
  public static String message(
      HaltReason reason, OperationRegistry ops, int opcode, int stackSize) {
    if (reason == null) {
      return null;
    }
    Operation op = opcode >= 0 && ops != null ? ops.get(opcode) : null;
    return switch (reason) {
      case INVALID_INSTRUCTION -> "invalid opcode: INVALID";
      case INVALID_OPCODE -> op == null ? "invalid opcode" : "invalid opcode: " + op.name();
      case STACK_UNDERFLOW ->
          op == null
              ? "stack underflow"
              : "stack underflow (" + stackSize + " <=> " + op.inputs() + ")";
      case STACK_OVERFLOW ->
          op == null
              ? "stack limit reached " + STACK_LIMIT
              : "stack limit reached "
                  + stackSize
                  + " ("
                  + (STACK_LIMIT + op.inputs() - op.outputs())
                  + ")";
      default -> reason.message();
    };
  }
}
