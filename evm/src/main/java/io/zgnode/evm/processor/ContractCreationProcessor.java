package io.zgnode.evm.processor;

import io.zgnode.evm.frame.HaltReason;
import io.zgnode.evm.frame.MessageFrame;
import io.zgnode.evm.gas.GasCalculator;
import io.zgnode.evm.types.Address;
import io.zgnode.evm.world.EvmWorld;
import io.zgnode.evm.world.TxScope;
import java.math.BigInteger;

/**
 * Starts and ends contract-creation frames: the new account (nonce 1 by EIP-161, marked created for
 * EIP-6780), the endowment, and at the end the code deposit: at most 24576 bytes (EIP-170), not
 * starting with 0xEF (EIP-3541), 200 gas per byte, or the creation fails with all its gas.
 */
final class ContractCreationProcessor {
  private ContractCreationProcessor() {}

  static void start(MessageFrame frame) {
    ExecutionContext ctx = frame.context();
    EvmWorld world = ctx.world();
    TxScope scope = ctx.scope();
    frame.setCheckpoints(world.checkpoint(), scope.checkpoint());
    Address address = frame.recipient();
    world.createAccount(address);
    scope.markCreated(address);
    world.setNonce(address, 1);
    BigInteger value = frame.transferValue();
    if (value.signum() > 0) {
      world.subtractBalance(frame.sender(), value);
      world.addBalance(address, value);
    }
    if (frame.code().size() == 0) {
      frame.setState(MessageFrame.State.SUCCESS);
    } else {
      frame.setState(MessageFrame.State.RUNNING);
    }
  }

  static void end(MessageFrame frame) {
    ExecutionContext ctx = frame.context();
    if (frame.state() == MessageFrame.State.SUCCESS) {
      GasCalculator gc = ctx.gasCalculator();
      byte[] code = frame.output();
      HaltReason failure = null;
      if (code.length > gc.maxCodeSize()) {
        failure = HaltReason.CODE_SIZE_EXCEEDED;
      } else if (code.length > 0 && code[0] == (byte) 0xef) {
        failure = HaltReason.INVALID_CODE;
      } else if (gc.codeDepositByteCost() * code.length > frame.gasRemaining()) {
        failure = HaltReason.CODE_STORE_OUT_OF_GAS;
      }
      if (failure != null) {
        frame.halt(failure);
        frame.setOutput(code); // what the init code returned, as geth reports it
      } else {
        frame.setGasRemaining(frame.gasRemaining() - gc.codeDepositByteCost() * code.length);
        ctx.world().setCode(frame.recipient(), code);
      }
    }
    MessageCallProcessor.end(frame);
  }
}
