package io.zgnode.evm.operation;

import io.zgnode.evm.frame.MessageFrame;
import io.zgnode.evm.gas.GasCalculator;

/** CALLDATALOAD: 32 bytes of call data, zero past its end. */
final class CallDataLoadOperation extends AbstractOperation {
  CallDataLoadOperation() {
    super(0x35, "CALLDATALOAD", 1, 1, GasCalculator.VERY_LOW_TIER);
  }

  @Override
  public int execute(MessageFrame frame) {
    StackOps.callDataLoad(frame.stack().data(), top(frame), frame.input());
    return 1;
  }
}
