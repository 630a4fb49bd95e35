package io.zgnode.evm.operation;

import io.zgnode.evm.frame.MessageFrame;
import io.zgnode.evm.frame.OperandStack;

/** RETURN and REVERT: end the frame with a memory range as output. */
final class ReturnOperation extends AbstractOperation {
  ReturnOperation(int opcode, String name) {
    super(opcode, name, 2, 0, 0);
  }

  @Override
  public int execute(MessageFrame frame) {
    OperandStack stack = frame.stack();
    long offset = stack.popClamped();
    long length = stack.popClamped();
    if (!expandMemory(frame, offset, length)) {
      return 0;
    }
    frame.setOutput(frame.memory().slice(offset, length));
    frame.setState(opcode() == 0xf3 ? MessageFrame.State.SUCCESS : MessageFrame.State.REVERT);
    return 0;
  }
}
