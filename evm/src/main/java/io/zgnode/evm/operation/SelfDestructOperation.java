package io.zgnode.evm.operation;

import io.zgnode.evm.frame.HaltReason;
import io.zgnode.evm.frame.MessageFrame;
import io.zgnode.evm.gas.GasCalculator;
import io.zgnode.evm.processor.ExecutionContext;
import io.zgnode.evm.types.Address;
import io.zgnode.evm.world.EvmWorld;
import io.zgnode.evm.world.TxScope;
import java.math.BigInteger;

/**
 * SELFDESTRUCT: sends the whole balance to a beneficiary and ends the frame. Before Cancun the
 * account is always deleted at the end of the transaction; from Cancun (EIP-6780) only when it was
 * created in the same transaction, and otherwise only the balance moves.
 */
final class SelfDestructOperation extends AbstractOperation {
  private final GasCalculator gc;
  private final boolean onlyIfCreated;

  SelfDestructOperation(GasCalculator gc, boolean onlyIfCreated) {
    super(0xff, "SELFDESTRUCT", 1, 0, gc.selfDestructCost());
    this.gc = gc;
    this.onlyIfCreated = onlyIfCreated;
  }

  @Override
  public int execute(MessageFrame frame) {
    if (frame.isStatic()) {
      frame.halt(HaltReason.STATIC_CALL_VIOLATION);
      return 0;
    }
    ExecutionContext ctx = frame.context();
    EvmWorld world = ctx.world();
    TxScope scope = ctx.scope();
    Address self = frame.recipient();
    Address beneficiary = frame.stack().popAddress();
    long cost = scope.warmAddress(beneficiary) ? 0 : gc.coldAccountAccessCost();
    BigInteger balance = world.balance(self);
    if (balance.signum() > 0 && world.isEmpty(beneficiary)) {
      cost += gc.newAccountCost();
    }
    if (!frame.useGas(cost)) {
      return 0;
    }
    if (ctx.isTracing()) {
      ctx.tracer().onImmediateExit(frame, 0, null);
    }
    if (balance.signum() > 0) {
      world.setBalance(self, BigInteger.ZERO);
      world.addBalance(beneficiary, balance);
    }
    scope.touch(beneficiary);
    if (!onlyIfCreated || scope.wasCreated(self)) {
      scope.markSelfDestructed(self);
      if (world.balance(self).signum() != 0) {
        world.setBalance(self, BigInteger.ZERO);
      }
    }
    frame.setState(MessageFrame.State.SUCCESS);
    return 0;
  }
}
