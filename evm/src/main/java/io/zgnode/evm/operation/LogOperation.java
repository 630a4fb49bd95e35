package io.zgnode.evm.operation;

import io.zgnode.evm.frame.HaltReason;
import io.zgnode.evm.frame.MessageFrame;
import io.zgnode.evm.frame.OperandStack;
import io.zgnode.evm.gas.GasCalculator;
import io.zgnode.evm.types.Hash;
import io.zgnode.evm.world.Log;

/** LOG0 to LOG4. */
final class LogOperation extends AbstractOperation {
  private final int topics;
  private final GasCalculator gc;

  LogOperation(int topics, GasCalculator gc) {
    super(0xa0 + topics, "LOG" + topics, 2 + topics, 0, gc.logCost() + topics * gc.logTopicCost());
    this.topics = topics;
    this.gc = gc;
  }

  @Override
  public int execute(MessageFrame frame) {
    if (frame.isStatic()) {
      frame.halt(HaltReason.STATIC_CALL_VIOLATION);
      return 0;
    }
    OperandStack stack = frame.stack();
    long offset = stack.popClamped();
    long length = stack.popClamped();
    long dataCost =
        Math.multiplyHigh(length, gc.logDataByteCost()) != 0 || length * gc.logDataByteCost() < 0
            ? Long.MAX_VALUE
            : length * gc.logDataByteCost();
    long cost = GasCalculator.add(dataCost, frame.memory().expansionCost(offset, length));
    if (!frame.useGas(cost)) {
      return 0;
    }
    frame.memory().expand(offset, length);
    Hash[] t = new Hash[topics];
    for (int i = 0; i < topics; i++) {
      t[i] = stack.popHash();
    }
    byte[] data = frame.memory().slice(offset, length);
    frame.context().scope().addLog(new Log(frame.recipient(), java.util.List.of(t), data));
    return 1;
  }
}
