package io.zgnode.evm.operation;

import io.zgnode.evm.frame.HaltReason;
import io.zgnode.evm.frame.MessageFrame;

/**
 * The designated INVALID instruction (0xfe), and the placeholder for every opcode a fork does not
 * define: both halt exceptionally.
 */
final class InvalidOperation extends AbstractOperation {
  private final boolean designated;

  private InvalidOperation(int opcode, String name, boolean designated) {
    super(opcode, name, 0, 0, 0);
    this.designated = designated;
  }

  static InvalidOperation designated() {
    return new InvalidOperation(0xfe, "INVALID", true);
  }

  /** An undefined opcode, named {@code name} (what a later fork defines there) or by number. */
  static InvalidOperation undefined(int opcode, String name) {
    return new InvalidOperation(
        opcode, name != null ? name : String.format("opcode 0x%x not defined", opcode), false);
  }

  @Override
  public boolean isDefined() {
    return designated;
  }

  @Override
  public int execute(MessageFrame frame) {
    frame.halt(designated ? HaltReason.INVALID_INSTRUCTION : HaltReason.INVALID_OPCODE);
    return 0;
  }
}
