package io.zgnode.evm.operation;

import io.zgnode.evm.frame.MessageFrame;
import io.zgnode.evm.gas.GasCalculator;

/** POP. */
final class PopOperation extends AbstractOperation {
  PopOperation() {
    super(0x50, "POP", 1, 0, GasCalculator.BASE_TIER);
  }

  @Override
  public int execute(MessageFrame frame) {
    frame.stack().drop(1);
    return 1;
  }
}
