package io.zgnode.evm.operation;

import io.zgnode.evm.frame.MessageFrame;

/** STOP: ends the frame successfully with no output. */
final class StopOperation extends AbstractOperation {
  StopOperation() {
    super(0x00, "STOP", 0, 0, 0);
  }

  @Override
  public int execute(MessageFrame frame) {
    frame.setState(MessageFrame.State.SUCCESS);
    return 0;
  }
}
