package io.zgnode.evm.operation;

import io.zgnode.evm.frame.HaltReason;
import io.zgnode.evm.frame.MessageFrame;
import io.zgnode.evm.frame.OperandStack;
import io.zgnode.evm.gas.GasCalculator;
import io.zgnode.evm.processor.ExecutionContext;
import io.zgnode.evm.types.Address;
import io.zgnode.evm.types.Hash;
import io.zgnode.evm.world.EvmWorld;
import io.zgnode.evm.world.TxScope;

/** SSTORE: EIP-2200 metering with EIP-2929 cold slots and EIP-3529 refunds. */
final class SStoreOperation extends AbstractOperation {
  private final GasCalculator gc;

  SStoreOperation(GasCalculator gc) {
    super(0x55, "SSTORE", 2, 0, 0);
    this.gc = gc;
  }

  @Override
  public int execute(MessageFrame frame) {
    if (frame.isStatic()) {
      frame.halt(HaltReason.STATIC_CALL_VIOLATION);
      return 0;
    }
    // EIP-2200: no SSTORE with the call stipend or less left.
    if (frame.gasRemaining() <= gc.sstoreSentryGas()) {
      frame.halt(HaltReason.OUT_OF_GAS);
      return 0;
    }
    OperandStack stack = frame.stack();
    Hash slot = stack.popHash();
    Hash value = stack.popHash();
    ExecutionContext ctx = frame.context();
    EvmWorld world = ctx.world();
    TxScope scope = ctx.scope();
    Address address = frame.recipient();
    long cost = scope.warmSlot(address, slot) ? 0 : gc.coldSloadCost();
    Hash current = world.storage(address, slot);
    Hash original = scope.originalValue(address, slot, current);
    cost += gc.sstoreCost(original, current, value);
    if (!frame.useGas(cost)) {
      return 0;
    }
    scope.addRefund(gc.sstoreRefund(original, current, value));
    if (!current.equals(value)) {
      world.setStorage(address, slot, value);
    }
    return 1;
  }
}
