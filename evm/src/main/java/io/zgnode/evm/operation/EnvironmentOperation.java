package io.zgnode.evm.operation;

import io.zgnode.evm.frame.MessageFrame;
import io.zgnode.evm.frame.OperandStack;
import io.zgnode.evm.gas.GasCalculator;
import io.zgnode.evm.processor.BlockContext;
import io.zgnode.evm.processor.ExecutionContext;

/**
 * The instructions that push one fact about the call, the transaction or the block: ADDRESS,
 * ORIGIN, CALLER, CALLVALUE, CALLDATASIZE, CODESIZE, GASPRICE, RETURNDATASIZE, COINBASE, TIMESTAMP,
 * NUMBER, DIFFICULTY/PREVRANDAO, GASLIMIT, CHAINID, SELFBALANCE, BASEFEE, BLOBBASEFEE, PC, MSIZE
 * and GAS.
 */
final class EnvironmentOperation extends AbstractOperation {
  private final boolean prevRandao;

  EnvironmentOperation(int opcode, String name, long gas) {
    this(opcode, name, gas, false);
  }

  /** For 0x44: PREVRANDAO from Paris on (EIP-4399), DIFFICULTY before. */
  EnvironmentOperation(int opcode, String name, long gas, boolean prevRandao) {
    super(opcode, name, 0, 1, gas);
    this.prevRandao = prevRandao;
  }

  static EnvironmentOperation base(int opcode, String name) {
    return new EnvironmentOperation(opcode, name, GasCalculator.BASE_TIER);
  }

  @Override
  public int execute(MessageFrame frame) {
    OperandStack stack = frame.stack();
    ExecutionContext ctx = frame.context();
    BlockContext block = ctx.block();
    switch (opcode()) {
      case 0x30 -> stack.pushAddress(frame.recipient());
      case 0x32 -> stack.pushAddress(ctx.origin());
      case 0x33 -> stack.pushAddress(frame.sender());
      case 0x34 -> push(stack, frame.valueWords());
      case 0x36 -> stack.pushLong(frame.input().length);
      case 0x38 -> stack.pushLong(frame.code().size());
      case 0x3a -> push(stack, ctx.gasPriceWords());
      case 0x3d -> stack.pushLong(frame.returnData().length);
      case 0x41 -> stack.pushAddress(block.coinbase());
      case 0x42 -> stack.pushLong(block.timestamp());
      case 0x43 -> stack.pushLong(block.number());
      case 0x44 -> {
        if (prevRandao) {
          stack.pushHash(block.prevRandao());
        } else {
          stack.pushBigInteger(block.difficulty());
        }
      }
      case 0x45 -> stack.pushLong(block.gasLimit());
      case 0x46 -> push(stack, ctx.chainIdWords());
      case 0x47 -> stack.pushBigInteger(ctx.world().balance(frame.recipient()));
      case 0x48 -> stack.pushBigInteger(block.baseFee());
      case 0x4a -> stack.pushBigInteger(block.blobBaseFee());
      case 0x58 -> stack.pushLong(frame.pc());
      case 0x59 -> stack.pushLong(frame.memory().size());
      case 0x5a -> stack.pushLong(frame.gasRemaining());
      default -> throw new IllegalStateException("not an environment opcode: " + opcode());
    }
    return 1;
  }

  private static void push(OperandStack stack, long[] w) {
    stack.push(w[0], w[1], w[2], w[3]);
  }
}
