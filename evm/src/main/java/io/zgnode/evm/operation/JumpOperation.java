package io.zgnode.evm.operation;

import io.zgnode.evm.frame.HaltReason;
import io.zgnode.evm.frame.MessageFrame;
import io.zgnode.evm.frame.OperandStack;
import io.zgnode.evm.gas.GasCalculator;

/** JUMP, JUMPI and JUMPDEST. */
final class JumpOperation extends AbstractOperation {
  JumpOperation(int opcode, String name, GasCalculator gc) {
    super(
        opcode,
        name,
        opcode == 0x56 ? 1 : opcode == 0x57 ? 2 : 0,
        0,
        opcode == 0x56
            ? GasCalculator.MID_TIER
            : opcode == 0x57 ? GasCalculator.HIGH_TIER : gc.jumpDestCost());
  }

  @Override
  public int execute(MessageFrame frame) {
    if (opcode() == 0x5b) {
      return 1;
    }
    OperandStack stack = frame.stack();
    long[] s = stack.data();
    int a = top(frame);
    long dest = OperandStack.clamp(s, a);
    if (opcode() == 0x57) {
      boolean jump = !StackMath.isZero(s, a - 4);
      stack.drop(2);
      if (!jump) {
        return 1;
      }
    } else {
      stack.drop(1);
    }
    if (!frame.code().isJumpDest(dest)) {
      frame.halt(HaltReason.INVALID_JUMP);
      return 0;
    }
    frame.setPc((int) dest);
    return 0;
  }
}
