package io.zgnode.evm.processor;

import io.zgnode.evm.frame.MessageFrame;
import io.zgnode.evm.frame.OperandStack;
import io.zgnode.evm.tracing.Tracer;
import java.util.ArrayDeque;

/**
 * Runs a frame and every frame it calls to completion on an explicit stack of frames, so a call
 * depth of 1024 needs no Java recursion. A frame that calls out is suspended; its child is pushed
 * and run; when the child ends its results go back to the parent, which resumes.
 */
public final class Evm {
  private static final byte[] EMPTY = new byte[0];

  private Evm() {}

  /** Runs {@code initial} (NOT_STARTED) until it has ended. */
  public static void execute(MessageFrame initial) {
    ArrayDeque<MessageFrame> frames = new ArrayDeque<>();
    frames.push(initial);
    Tracer tracer = initial.context().tracer();
    boolean tracing = initial.context().isTracing();
    while (!frames.isEmpty()) {
      MessageFrame frame = frames.peek();
      if (frame.state() == MessageFrame.State.NOT_STARTED) {
        if (tracing) {
          tracer.onFrameStart(frame);
        }
        if (frame.type() == MessageFrame.Type.CONTRACT_CREATION) {
          ContractCreationProcessor.start(frame);
        } else {
          MessageCallProcessor.start(frame);
        }
      }
      if (frame.state() == MessageFrame.State.RUNNING) {
        Interpreter.run(frame);
        if (frame.state() == MessageFrame.State.SUSPENDED) {
          frames.push(frame.child());
          continue;
        }
      }
      // The frame has ended.
      if (tracing) {
        tracer.onExecutionEnd(frame);
      }
      if (frame.type() == MessageFrame.Type.CONTRACT_CREATION) {
        ContractCreationProcessor.end(frame);
      } else {
        MessageCallProcessor.end(frame);
      }
      if (tracing) {
        tracer.onFrameEnd(frame);
      }
      frames.pop();
      MessageFrame parent = frames.peek();
      if (parent != null) {
        resume(parent, frame);
      }
    }
  }

  /** Applies an ended child's results to its parent and lets the parent run on. */
  private static void resume(MessageFrame parent, MessageFrame child) {
    OperandStack stack = parent.stack();
    boolean success = child.state() == MessageFrame.State.SUCCESS;
    boolean reverted = child.state() == MessageFrame.State.REVERT;
    if (child.type() == MessageFrame.Type.CONTRACT_CREATION) {
      if (success) {
        stack.pushAddress(child.recipient());
      } else {
        stack.pushZero();
      }
      parent.setReturnData(reverted ? child.output() : EMPTY);
    } else {
      if (success || reverted) {
        parent
            .memory()
            .write(parent.childOutputOffset(), parent.childOutputLength(), child.output());
      }
      stack.pushLong(success ? 1 : 0);
      parent.setReturnData(child.output());
    }
    parent.setGasRemaining(parent.gasRemaining() + child.gasRemaining());
    parent.resume();
  }
}
