package io.zgnode.evm.processor;

import io.zgnode.evm.frame.HaltReason;
import io.zgnode.evm.frame.MessageFrame;
import io.zgnode.evm.frame.MessageFrame.CallKind;
import io.zgnode.evm.precompile.Precompile;
import io.zgnode.evm.precompile.PrecompileResult;
import io.zgnode.evm.types.Address;
import io.zgnode.evm.world.EvmWorld;
import io.zgnode.evm.world.TxScope;
import java.math.BigInteger;

/**
 * Starts and ends message-call frames: the journal checkpoints, the value transfer and the EIP-161
 * touch of the recipient, precompiles (which answer at once), and commit or revert at the end.
 */
final class MessageCallProcessor {
  private MessageCallProcessor() {}

  /** Opens the frame: after this it is RUNNING, or already ended. */
  static void start(MessageFrame frame) {
    ExecutionContext ctx = frame.context();
    EvmWorld world = ctx.world();
    TxScope scope = ctx.scope();
    frame.setCheckpoints(world.checkpoint(), scope.checkpoint());
    Address to = frame.recipient();
    BigInteger value = frame.transferValue();
    if (frame.kind() == CallKind.CALL) {
      if (value.signum() > 0) {
        world.subtractBalance(frame.sender(), value);
        world.addBalance(to, value);
      }
      scope.touch(to);
    } else if (frame.kind() == CallKind.STATICCALL) {
      scope.touch(to);
    }
    Precompile precompile = frame.precompile();
    if (precompile != null) {
      runPrecompile(frame, precompile);
    } else if (frame.code().size() == 0) {
      frame.setState(MessageFrame.State.SUCCESS);
    } else {
      frame.setState(MessageFrame.State.RUNNING);
    }
  }

  private static void runPrecompile(MessageFrame frame, Precompile precompile) {
    byte[] input = frame.input();
    long cost = precompile.gasCost(input);
    if (cost < 0 || cost > frame.gasRemaining()) {
      frame.halt(HaltReason.OUT_OF_GAS);
      return;
    }
    PrecompileResult result = precompile.execute(input);
    if (!result.success()) {
      frame.halt(HaltReason.PRECOMPILE_FAILURE);
      return;
    }
    frame.setGasRemaining(frame.gasRemaining() - cost);
    frame.setOutput(result.output());
    frame.setState(MessageFrame.State.SUCCESS);
  }

  /** Closes the frame's checkpoints: kept on success, undone otherwise. */
  static void end(MessageFrame frame) {
    ExecutionContext ctx = frame.context();
    if (frame.state() == MessageFrame.State.SUCCESS) {
      ctx.world().commit(frame.worldCheckpoint());
      ctx.scope().commit(frame.scopeCheckpoint());
    } else {
      ctx.world().revertTo(frame.worldCheckpoint());
      ctx.scope().revertTo(frame.scopeCheckpoint());
    }
  }
}
