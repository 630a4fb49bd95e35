package io.zgnode.evm.operation;

import io.zgnode.evm.crypto.Keccak256;
import io.zgnode.evm.frame.Code;
import io.zgnode.evm.frame.HaltReason;
import io.zgnode.evm.frame.MessageFrame;
import io.zgnode.evm.frame.MessageFrame.CallKind;
import io.zgnode.evm.frame.OperandStack;
import io.zgnode.evm.gas.GasCalculator;
import io.zgnode.evm.processor.ContractAddress;
import io.zgnode.evm.processor.ExecutionContext;
import io.zgnode.evm.types.Address;
import io.zgnode.evm.types.Hash;
import io.zgnode.evm.world.EvmWorld;
import java.math.BigInteger;

/**
 * CREATE and CREATE2: charge for memory and init code (EIP-3860), pass all but 1/64 of the gas,
 * bump the creator's nonce, warm the new address, and suspend the frame for the init code. A
 * creation that cannot start (depth, balance, nonce at its maximum) pushes 0 and gives the gas
 * back; an address collision (EIP-7610: nonce, code or storage there) pushes 0 and keeps it.
 */
final class CreateOperation extends AbstractOperation {
  private static final byte[] EMPTY = new byte[0];
  private static final int MAX_DEPTH = 1024;

  private final boolean create2;
  private final GasCalculator gc;

  CreateOperation(boolean create2, GasCalculator gc) {
    super(
        create2 ? 0xf5 : 0xf0, create2 ? "CREATE2" : "CREATE", create2 ? 4 : 3, 1, gc.createCost());
    this.create2 = create2;
    this.gc = gc;
  }

  @Override
  public int execute(MessageFrame frame) {
    if (frame.isStatic()) {
      frame.halt(HaltReason.STATIC_CALL_VIOLATION);
      return 0;
    }
    ExecutionContext ctx = frame.context();
    EvmWorld world = ctx.world();
    OperandStack stack = frame.stack();
    long[] s = stack.data();
    int a = top(frame);
    BigInteger value = OperandStack.toBigInteger(s, a);
    long offset = OperandStack.clamp(s, a - 4);
    long length = OperandStack.clamp(s, a - 8);
    Hash salt = create2 ? OperandStack.toHash(s, a - 12) : null;
    stack.drop(inputs());
    if (length > gc.maxInitCodeSize()) {
      frame.halt(HaltReason.INITCODE_SIZE_EXCEEDED);
      return 0;
    }
    long perWord = gc.initCodeWordCost() + (create2 ? gc.create2HashWordCost() : 0);
    long cost =
        GasCalculator.add(
            frame.memory().expansionCost(offset, length), GasCalculator.wordCost(perWord, length));
    if (!frame.useGas(cost)) {
      return 0;
    }
    frame.memory().expand(offset, length);
    byte[] initCode = frame.memory().slice(offset, length);
    frame.setReturnData(EMPTY);

    long available = frame.gasRemaining();
    long childGas = available - available / 64;
    Address creator = frame.recipient();
    long nonce = world.nonce(creator);
    String failure =
        frame.depth() >= MAX_DEPTH
            ? "max call depth exceeded"
            : world.balance(creator).compareTo(value) < 0
                ? "insufficient balance for transfer"
                : nonce == -1L ? "nonce uint64 overflow" : null;
    if (failure != null) {
      // The creation does not happen and the gas stays with the caller.
      if (ctx.isTracing()) {
        ctx.tracer().onImmediateExit(frame, 0, failure);
      }
      stack.pushZero();
      return 1;
    }
    world.setNonce(creator, nonce + 1);
    Address address =
        create2
            ? ContractAddress.create2(creator, salt, Keccak256.hash(initCode))
            : ContractAddress.create(creator, nonce);
    ctx.scope().warmAddress(address);
    if (ContractAddress.collides(world, address)) {
      // The creation fails and keeps the gas it was given.
      if (ctx.isTracing()) {
        ctx.tracer().onImmediateExit(frame, childGas, "contract address collision");
      }
      frame.setGasRemaining(available - childGas);
      stack.pushZero();
      return 1;
    }
    frame.setGasRemaining(available - childGas);
    int depth = frame.depth() + 1;
    MessageFrame child =
        new MessageFrame(
            ctx,
            MessageFrame.Type.CONTRACT_CREATION,
            create2 ? CallKind.CREATE2 : CallKind.CREATE,
            depth,
            false,
            creator,
            address,
            address,
            value,
            value,
            EMPTY,
            initCode.length == 0 ? Code.EMPTY : new Code(initCode),
            null,
            childGas,
            ctx.stackFor(depth),
            ctx.memoryFor(depth));
    frame.suspendFor(child, 0, 0);
    return 1;
  }
}
