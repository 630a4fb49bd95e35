package io.zgnode.evm.operation;

import io.zgnode.evm.frame.MessageFrame;
import io.zgnode.evm.frame.OperandStack;
import io.zgnode.evm.gas.GasCalculator;
import io.zgnode.evm.types.Hash;
import java.util.List;

/** BLOBHASH (EIP-4844): the transaction's versioned hash at an index, else zero. */
final class BlobHashOperation extends AbstractOperation {
  BlobHashOperation(GasCalculator gc) {
    super(0x49, "BLOBHASH", 1, 1, gc.blobHashCost());
  }

  @Override
  public int execute(MessageFrame frame) {
    OperandStack stack = frame.stack();
    int a = top(frame);
    long index = OperandStack.clamp(stack.data(), a);
    List<Hash> hashes = frame.context().blobHashes();
    stack.drop(1);
    if (index < hashes.size()) {
      stack.pushHash(hashes.get((int) index));
    } else {
      stack.pushZero();
    }
    return 1;
  }
}
