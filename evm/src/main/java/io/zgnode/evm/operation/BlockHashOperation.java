package io.zgnode.evm.operation;

import io.zgnode.evm.frame.MessageFrame;
import io.zgnode.evm.frame.OperandStack;
import io.zgnode.evm.gas.GasCalculator;
import io.zgnode.evm.processor.BlockContext;
import io.zgnode.evm.types.Hash;

/** BLOCKHASH: the hash of one of the 256 blocks before this one, else zero. */
final class BlockHashOperation extends AbstractOperation {
  BlockHashOperation(GasCalculator gc) {
    super(0x40, "BLOCKHASH", 1, 1, gc.blockHashCost());
  }

  @Override
  public int execute(MessageFrame frame) {
    OperandStack stack = frame.stack();
    long[] s = stack.data();
    int a = top(frame);
    BlockContext block = frame.context().block();
    long n = OperandStack.clamp(s, a);
    long current = block.number();
    long lowest = Long.compareUnsigned(current, 257) < 0 ? 0 : current - 256;
    stack.drop(1);
    if (n == Long.MAX_VALUE
        || Long.compareUnsigned(n, lowest) < 0
        || Long.compareUnsigned(n, current) >= 0) {
      stack.pushZero();
      return 1;
    }
    Hash h = block.blockHashes().apply(n);
    if (h == null) {
      stack.pushZero();
    } else {
      stack.pushHash(h);
    }
    return 1;
  }
}
