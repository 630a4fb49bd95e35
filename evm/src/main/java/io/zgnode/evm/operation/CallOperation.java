package io.zgnode.evm.operation;

import io.zgnode.evm.fork.Fork;
import io.zgnode.evm.frame.Code;
import io.zgnode.evm.frame.HaltReason;
import io.zgnode.evm.frame.Memory;
import io.zgnode.evm.frame.MessageFrame;
import io.zgnode.evm.frame.MessageFrame.CallKind;
import io.zgnode.evm.frame.OperandStack;
import io.zgnode.evm.gas.GasCalculator;
import io.zgnode.evm.precompile.Precompile;
import io.zgnode.evm.processor.Delegation;
import io.zgnode.evm.processor.ExecutionContext;
import io.zgnode.evm.types.Address;
import io.zgnode.evm.world.EvmWorld;
import io.zgnode.evm.world.TxScope;
import java.math.BigInteger;

/**
 * CALL, CALLCODE, DELEGATECALL and STATICCALL. Charges access (EIP-2929), value transfer, new
 * account and memory costs, passes at most 63/64 of the rest (EIP-150) plus the stipend with value,
 * and suspends the frame for the child; a call that cannot start (depth 1024, balance too low)
 * pushes 0 and gives the gas back at once.
 */
final class CallOperation extends AbstractOperation {
  private static final byte[] EMPTY = new byte[0];
  private static final int MAX_DEPTH = 1024;

  private final CallKind kind;
  private final GasCalculator gc;
  private final boolean delegations;

  CallOperation(int opcode, String name, CallKind kind, GasCalculator gc, Fork fork) {
    super(
        opcode,
        name,
        kind == CallKind.CALL || kind == CallKind.CALLCODE ? 7 : 6,
        1,
        gc.warmAccessCost());
    this.kind = kind;
    this.gc = gc;
    this.delegations = fork.isAtLeast(Fork.PRAGUE);
  }

  @Override
  public int execute(MessageFrame frame) {
    ExecutionContext ctx = frame.context();
    EvmWorld world = ctx.world();
    TxScope scope = ctx.scope();
    OperandStack stack = frame.stack();
    long[] s = stack.data();
    int a = top(frame);
    long requested = OperandStack.clamp(s, a);
    Address to = OperandStack.toAddress(s, a - 4);
    int i = a - 8;
    boolean hasValue = false;
    BigInteger value = BigInteger.ZERO;
    if (kind == CallKind.CALL || kind == CallKind.CALLCODE) {
      hasValue = !StackMath.isZero(s, i);
      if (hasValue) {
        value = OperandStack.toBigInteger(s, i);
      }
      i -= 4;
    }
    long inOffset = OperandStack.clamp(s, i);
    long inLength = OperandStack.clamp(s, i - 4);
    long outOffset = OperandStack.clamp(s, i - 8);
    long outLength = OperandStack.clamp(s, i - 12);
    stack.drop(inputs());

    if (kind == CallKind.CALL && hasValue && frame.isStatic()) {
      frame.halt(HaltReason.STATIC_CALL_VIOLATION);
      return 0;
    }
    Memory memory = frame.memory();
    long cost = memory.expansionCost(inOffset, inLength, outOffset, outLength);
    if (!scope.warmAddress(to)) {
      cost = GasCalculator.add(cost, gc.coldAccountAccessCost() - gc.warmAccessCost());
    }
    if (hasValue) {
      cost = GasCalculator.add(cost, gc.callValueTransferCost());
      if (kind == CallKind.CALL && world.isEmpty(to)) {
        cost = GasCalculator.add(cost, gc.newAccountCost());
      }
    }
    if (delegations) {
      Address target = Delegation.target(world.code(to));
      if (target != null) {
        long access = scope.warmAddress(target) ? gc.warmAccessCost() : gc.coldAccountAccessCost();
        cost = GasCalculator.add(cost, access);
      }
    }
    if (!frame.useGas(cost)) {
      return 0;
    }
    memory.expand(inOffset, inLength);
    memory.expand(outOffset, outLength);

    long available = frame.gasRemaining();
    long callGas = Math.min(requested, available - available / 64);
    frame.setGasRemaining(available - callGas);
    if (hasValue) {
      callGas += gc.callStipend();
    }
    frame.setReturnData(EMPTY);
    boolean tooDeep = frame.depth() >= MAX_DEPTH;
    if (tooDeep || (hasValue && world.balance(frame.recipient()).compareTo(value) < 0)) {
      // The call does not happen; the gas (stipend included) goes back.
      if (ctx.isTracing()) {
        ctx.tracer()
            .onImmediateExit(
                frame,
                0,
                tooDeep ? "max call depth exceeded" : "insufficient balance for transfer");
      }
      stack.pushZero();
      frame.setGasRemaining(frame.gasRemaining() + callGas);
      return 1;
    }
    byte[] input = memory.slice(inOffset, inLength);
    Address sender;
    Address recipient;
    BigInteger apparentValue;
    BigInteger transfer;
    boolean isStatic = frame.isStatic();
    switch (kind) {
      case CALL -> {
        sender = frame.recipient();
        recipient = to;
        apparentValue = value;
        transfer = value;
      }
      case CALLCODE -> {
        sender = frame.recipient();
        recipient = frame.recipient();
        apparentValue = value;
        transfer = BigInteger.ZERO;
      }
      case DELEGATECALL -> {
        sender = frame.sender();
        recipient = frame.recipient();
        apparentValue = frame.value();
        transfer = BigInteger.ZERO;
      }
      case STATICCALL -> {
        sender = frame.recipient();
        recipient = to;
        apparentValue = BigInteger.ZERO;
        transfer = BigInteger.ZERO;
        isStatic = true;
      }
      default -> throw new IllegalStateException("not a call kind: " + kind);
    }
    Precompile precompile = ctx.precompile(to);
    Code code = precompile != null ? Code.EMPTY : ctx.codeToRun(to);
    int depth = frame.depth() + 1;
    MessageFrame child =
        new MessageFrame(
            ctx,
            MessageFrame.Type.MESSAGE_CALL,
            kind,
            depth,
            isStatic,
            sender,
            recipient,
            to,
            apparentValue,
            transfer,
            input,
            code,
            precompile,
            callGas,
            ctx.stackFor(depth),
            ctx.memoryFor(depth));
    frame.suspendFor(child, outOffset, outLength);
    return 1;
  }
}
