package io.zgnode.evm.operation;

import io.zgnode.evm.frame.MessageFrame;
import io.zgnode.evm.frame.OperandStack;
import io.zgnode.evm.gas.GasCalculator;
import io.zgnode.evm.types.Hash;

/** SLOAD: warm or cold by EIP-2929. */
final class SLoadOperation extends AbstractOperation {
  private final long warm;
  private final long cold;

  SLoadOperation(GasCalculator gc) {
    super(0x54, "SLOAD", 1, 1, 0);
    this.warm = gc.warmAccessCost();
    this.cold = gc.coldSloadCost();
  }

  @Override
  public int execute(MessageFrame frame) {
    OperandStack stack = frame.stack();
    Hash slot = stack.popHash();
    boolean wasWarm = frame.context().scope().warmSlot(frame.recipient(), slot);
    if (!frame.useGas(wasWarm ? warm : cold)) {
      return 0;
    }
    stack.pushHash(frame.context().world().storage(frame.recipient(), slot));
    return 1;
  }
}
