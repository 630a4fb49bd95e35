package io.zgnode.evm.tracing;

import io.zgnode.evm.bytes.Hex;
import io.zgnode.evm.frame.HaltReason;
import io.zgnode.evm.frame.MessageFrame;
import io.zgnode.evm.frame.OperandStack;
import io.zgnode.evm.operation.Operation;
import java.io.PrintStream;
import java.util.ArrayDeque;

/**
 * EIP-3155 JSON lines as geth's {@code evm --json} prints them: one per instruction with pc, op,
 * gas, gasCost, memSize, stack, depth (1 for the transaction's frame), refund and opName, and one
 * per frame end with output, gasUsed and error.
 *
 * <p>An instruction's cost is known only after it ran, so each line is held until the next event.
 * As in geth, a call's cost includes the gas handed to the callee and a creation's does not; an
 * instruction that ends its frame in error carries an {@code error} field (a REVERT prints its line
 * again with it). For an instruction that runs out of gas the cost shown is its static gas.
 */
public final class StandardJsonTracer implements Tracer {
  private final PrintStream out;
  private final boolean withMemory;
  private final ArrayDeque<Long> startGas = new ArrayDeque<>();

  // The line held back until its cost is known.
  private MessageFrame pendingFrame;
  private String pendingHead;
  private String pendingTail;
  private long pendingGas;
  private long pendingStaticGas;
  private String pendingOpName;
  private String pendingStack;
  private String lastError;
  private int pendingStackSize;
  private int pendingInputs;
  private int pendingOutputs;
  private long pendingMemSize;
  private String pendingMemory;

  public StandardJsonTracer(PrintStream out) {
    this(out, false);
  }

  public StandardJsonTracer(PrintStream out, boolean withMemory) {
    this.out = out;
    this.withMemory = withMemory;
  }

  @Override
  public void onFrameStart(MessageFrame frame) {
    lastError = null;
    long childGas = frame.type() == MessageFrame.Type.CONTRACT_CREATION ? frame.gasRemaining() : 0;
    flush(childGas);
    startGas.push(frame.gasRemaining());
  }

  @Override
  public void onInstruction(MessageFrame frame, int pc, int opcode, long gas) {
    flush(0);
    Operation op = frame.context().config().operations().get(opcode);
    pendingHead =
        "{\"pc\":"
            + pc
            + ",\"op\":"
            + opcode
            + ",\"gas\":\"0x"
            + Long.toHexString(gas)
            + "\",\"gasCost\":\"0x";
    pendingStack = stackJson(frame.stack());
    pendingMemSize = frame.memory().size();
    pendingMemory = withMemory ? Hex.encode(frame.memory().slice(0, pendingMemSize)) : null;
    pendingTail = null;
    pendingFrame = frame;
    pendingGas = gas;
    pendingStaticGas = op.staticGas();
    pendingOpName = op.name();
    pendingInputs = op.inputs();
    pendingOutputs = op.outputs();
    pendingStackSize = frame.stack().size();
  }

  /**
   * The fields after gasCost: with {@code stack} (taken before the instruction) and the memory size
   * from then, or with the frame's current stack and memory when {@code stack} is null.
   */
  private String tail(MessageFrame frame, String opName, String stack) {
    StringBuilder tail = new StringBuilder(128);
    long memSize = stack == null ? frame.memory().size() : pendingMemSize;
    tail.append("\",\"memSize\":").append(memSize);
    if (withMemory) {
      String memory =
          stack == null
              ? Hex.encode(frame.memory().slice(0, frame.memory().size()))
              : pendingMemory;
      tail.append(",\"memory\":\"").append(memory).append('"');
    }
    tail.append(",\"stack\":").append(stack == null ? stackJson(frame.stack()) : stack);
    tail.append(",\"depth\":").append(frame.depth() + 1);
    tail.append(",\"refund\":").append(frame.context().scope().refund());
    tail.append(",\"opName\":\"").append(opName).append('"');
    return tail.toString();
  }

  @Override
  public void onImmediateExit(MessageFrame caller, long gasUsed, String error) {
    flush(0);
    StringBuilder sb =
        new StringBuilder("{\"output\":\"\",\"gasUsed\":\"0x")
            .append(Long.toHexString(gasUsed))
            .append('"');
    if (error != null) {
      sb.append(",\"error\":\"").append(error).append('"');
    }
    out.println(sb.append('}'));
  }

  @Override
  public void onExecutionEnd(MessageFrame frame) {
    flush(0);
  }

  @Override
  public void onFrameEnd(MessageFrame frame) {
    flush(0);
    long start = startGas.isEmpty() ? 0 : startGas.pop();
    StringBuilder sb = new StringBuilder();
    sb.append("{\"output\":\"").append(Hex.encodePlain(frame.output())).append('"');
    sb.append(",\"gasUsed\":\"0x")
        .append(Long.toHexString(Math.max(0, start - frame.gasRemaining())))
        .append('"');
    String error = lastError != null && frame.haltReason() != null ? lastError : error(frame);
    lastError = null;
    if (error != null) {
      sb.append(",\"error\":\"").append(error).append('"');
    }
    sb.append('}');
    out.println(sb);
  }

  private String stackError(HaltReason reason) {
    return reason == HaltReason.STACK_UNDERFLOW
        ? "stack underflow (" + pendingStackSize + " \\u003c=\\u003e " + pendingInputs + ")"
        : "stack limit reached 1024 (" + (1024 + pendingInputs - pendingOutputs) + ")";
  }

  private String error(MessageFrame frame) {
    HaltReason reason = frame.haltReason();
    if (reason == HaltReason.INVALID_INSTRUCTION) {
      return "invalid opcode: INVALID";
    }
    if (reason == HaltReason.INVALID_OPCODE) {
      return "invalid opcode: " + pendingOpName;
    }
    if (reason != null) {
      return reason.message();
    }
    return frame.state() == MessageFrame.State.REVERT ? "execution reverted" : null;
  }

  /** Prints the held line with its cost; {@code childGas} is a new creation's gas, not a cost. */
  private void flush(long childGas) {
    if (pendingFrame == null) {
      return;
    }
    MessageFrame frame = pendingFrame;
    pendingFrame = null;
    long cost = StepFields.cost(frame, pendingGas, pendingStaticGas, childGas);
    // geth shows the refund counter as the instruction's gas function left it
    pendingTail = tail(frame, pendingOpName, pendingStack);
    if (frame.state() == MessageFrame.State.EXCEPTIONAL_HALT) {
      HaltReason reason = frame.haltReason();
      switch (reason) {
        case STACK_UNDERFLOW, STACK_OVERFLOW -> {
          // caught before the instruction runs: one line, its static gas as the cost
          lastError = stackError(reason);
          out.println(line(cost, lastError));
        }
        case OUT_OF_GAS -> out.println(line(cost, reason.message()));
        default -> {
          // failed while running: the line as logged before, then again with the fault
          out.println(line(cost, null));
          pendingTail = tail(frame, pendingOpName, null);
          out.println(line(cost, error(frame)));
        }
      }
      return;
    }
    out.println(line(cost, null));
    if (frame.state() == MessageFrame.State.REVERT) {
      // geth reports the fault again, with the stack and memory as the instruction left them
      pendingTail = tail(frame, pendingOpName, null);
      out.println(line(cost, "execution reverted"));
    }
  }

  private String line(long cost, String error) {
    StringBuilder sb = new StringBuilder(pendingHead.length() + pendingTail.length() + 48);
    sb.append(pendingHead).append(Long.toHexString(cost)).append(pendingTail);
    if (error != null) {
      sb.append(",\"error\":\"").append(error).append('"');
    }
    return sb.append('}').toString();
  }

  private static String stackJson(OperandStack stack) {
    StringBuilder sb = new StringBuilder(16 + 8 * stack.size());
    sb.append('[');
    for (int i = stack.size() - 1; i >= 0; i--) {
      if (i != stack.size() - 1) {
        sb.append(',');
      }
      sb.append('"').append(StepFields.stackWord(stack.bytesAt(i))).append('"');
    }
    return sb.append(']').toString();
  }
}
