package io.zgnode.evm.operation;

import io.zgnode.evm.frame.HaltReason;
import io.zgnode.evm.frame.MessageFrame;
import io.zgnode.evm.frame.OperandStack;
import io.zgnode.evm.gas.GasCalculator;
import io.zgnode.evm.types.Hash;
import io.zgnode.evm.world.TxScope;

/** TLOAD and TSTORE (EIP-1153): storage that lasts for the transaction. */
final class TransientStorageOperation extends AbstractOperation {
  TransientStorageOperation(int opcode, String name, GasCalculator gc) {
    super(opcode, name, opcode == 0x5c ? 1 : 2, opcode == 0x5c ? 1 : 0, gc.transientStorageCost());
  }

  @Override
  public int execute(MessageFrame frame) {
    OperandStack stack = frame.stack();
    TxScope scope = frame.context().scope();
    if (opcode() == 0x5c) {
      Hash slot = stack.popHash();
      stack.pushHash(scope.transientValue(frame.recipient(), slot));
      return 1;
    }
    if (frame.isStatic()) {
      frame.halt(HaltReason.STATIC_CALL_VIOLATION);
      return 0;
    }
    Hash slot = stack.popHash();
    Hash value = stack.popHash();
    scope.setTransientValue(frame.recipient(), slot, value);
    return 1;
  }
}
