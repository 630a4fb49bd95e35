package io.zgnode.chain.sim;

import io.zgnode.evm.frame.HaltReason;
import io.zgnode.evm.frame.MessageFrame;
import io.zgnode.evm.tracing.Tracer;

/**
 * Wraps every simulation's tracer: checks the {@link Deadline} every few thousand instructions and
 * at every frame start (so neither a long loop nor a storm of calls outlives it), and remembers
 * what the top frame did last and returned, for geth's error wording and eth_call's output of a
 * creation (the deployed code).
 */
public final class GuardTracer implements Tracer {
  /** Instructions between clock reads: a few microseconds of EVM work. */
  static final int CHECK_INTERVAL = 4096;

  private final Deadline deadline;
  private final Tracer next;
  private int countdown = CHECK_INTERVAL;
  private int topOpcode = -1;
  private int topStackSize;
  private byte[] topOutput;
  private MessageFrame topFrame;

  public GuardTracer(Deadline deadline, Tracer next) {
    this.deadline = deadline;
    this.next = next == null ? Tracer.NO_OP : next;
  }

  @Override
  public void onFrameStart(MessageFrame frame) {
    deadline.check();
    next.onFrameStart(frame);
  }

  @Override
  public void onInstruction(MessageFrame frame, int pc, int opcode, long gas) {
    if (--countdown == 0) {
      countdown = CHECK_INTERVAL;
      deadline.check();
    }
    if (frame.depth() == 0) {
      topOpcode = opcode;
      topStackSize = frame.stack().size();
    }
    next.onInstruction(frame, pc, opcode, gas);
  }

  @Override
  public void onImmediateExit(MessageFrame caller, long gasUsed, String error) {
    next.onImmediateExit(caller, gasUsed, error);
  }

  @Override
  public void onExecutionEnd(MessageFrame frame) {
    next.onExecutionEnd(frame);
  }

  @Override
  public void onFrameEnd(MessageFrame frame) {
    if (frame.depth() == 0) {
      topOutput = frame.output();
      topFrame = frame;
    }
    next.onFrameEnd(frame);
  }

  /** What the top frame returned or reverted with (a creation's code), or null if none ran. */
  public byte[] topOutput() {
    return topOutput;
  }

  /** geth's message for the top frame's halt, or null. */
  public String topError(HaltReason reason) {
    if (reason == null) {
      return null;
    }
    var ops = topFrame == null ? null : topFrame.context().config().operations();
    return VmErrors.message(reason, ops, topOpcode, topStackSize);
  }
}
