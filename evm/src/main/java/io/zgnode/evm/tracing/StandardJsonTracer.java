package io.zgnode.evm.tracing;

import io.zgnode.evm.bytes.Hex;
import io.zgnode.evm.frame.MessageFrame;
import io.zgnode.evm.frame.OperandStack;
import io.zgnode.evm.operation.OperationRegistry;
import java.io.PrintStream;
import java.util.ArrayDeque;

/**
 * EIP-3155 JSON lines, one per instruction, as geth's {@code evm --json} prints them: pc, op, gas,
 * gasCost, memSize, stack, depth (1 for the transaction's frame), refund and opName; and when the
 * outermost frame ends a summary line with output, gasUsed and error. An instruction's gasCost is
 * known only after it ran, so each line is held until the next event; for a call it includes the
 * gas handed to the child, as in geth.
 */
public final class StandardJsonTracer implements Tracer {
  private final PrintStream out;
  private final boolean withMemory;
  private final ArrayDeque<Long> initialGas = new ArrayDeque<>();
  private StringBuilder pending;
  private MessageFrame pendingFrame;
  private long pendingGas;

  public StandardJsonTracer(PrintStream out) {
    this(out, false);
  }

  public StandardJsonTracer(PrintStream out, boolean withMemory) {
    this.out = out;
    this.withMemory = withMemory;
  }

  @Override
  public void onFrameStart(MessageFrame frame) {
    flush();
    initialGas.push(frame.gasRemaining());
  }

  @Override
  public void onInstruction(MessageFrame frame, int pc, int opcode, long gas) {
    flush();
    OperationRegistry registry = frame.context().config().operations();
    StringBuilder sb = new StringBuilder(256);
    sb.append("{\"pc\":").append(pc);
    sb.append(",\"op\":").append(opcode);
    sb.append(",\"gas\":\"0x").append(Long.toHexString(gas)).append('"');
    sb.append(",\"gasCost\":\"0x");
    pending = sb;
    pendingFrame = frame;
    pendingGas = gas;
    StringBuilder rest = new StringBuilder(128);
    rest.append(",\"memSize\":").append(frame.memory().size());
    if (withMemory) {
      rest.append(",\"memory\":\"")
          .append(Hex.encode(frame.memory().slice(0, frame.memory().size())))
          .append('"');
    }
    rest.append(",\"stack\":[");
    OperandStack stack = frame.stack();
    for (int i = stack.size() - 1; i >= 0; i--) {
      if (i != stack.size() - 1) {
        rest.append(',');
      }
      rest.append('"').append(shortHex(stack.bytesAt(i))).append('"');
    }
    rest.append("],\"depth\":").append(frame.depth() + 1);
    rest.append(",\"refund\":").append(frame.context().scope().refund());
    rest.append(",\"opName\":\"").append(registry.get(opcode).name()).append("\"}");
    pendingRest = rest.toString();
  }

  private String pendingRest;

  @Override
  public void onFrameEnd(MessageFrame frame) {
    flush();
    long start = initialGas.isEmpty() ? 0 : initialGas.pop();
    if (frame.depth() == 0) {
      StringBuilder sb = new StringBuilder();
      sb.append("{\"output\":\"").append(Hex.encodePlain(frame.output())).append('"');
      sb.append(",\"gasUsed\":\"0x")
          .append(Long.toHexString(start - frame.gasRemaining()))
          .append('"');
      if (frame.haltReason() != null) {
        sb.append(",\"error\":\"").append(frame.haltReason().message()).append('"');
      } else if (frame.state() == MessageFrame.State.REVERT) {
        sb.append(",\"error\":\"execution reverted\"");
      }
      sb.append('}');
      out.println(sb);
    }
  }

  /** Prints the held line with its cost, now that the instruction has run. */
  private void flush() {
    if (pending == null) {
      return;
    }
    long cost = pendingGas - pendingFrame.gasRemaining();
    if (pendingFrame.state() == MessageFrame.State.EXCEPTIONAL_HALT) {
      cost = pendingGas;
    }
    pending.append(Long.toHexString(Math.max(cost, 0))).append('"').append(pendingRest);
    out.println(pending);
    pending = null;
    pendingFrame = null;
    pendingRest = null;
  }

  private static String shortHex(byte[] word) {
    int i = 0;
    while (i < word.length - 1 && word[i] == 0) {
      i++;
    }
    String h = Hex.encodePlain(word, i, word.length - i);
    int j = 0;
    while (j < h.length() - 1 && h.charAt(j) == '0') {
      j++;
    }
    return "0x" + h.substring(j);
  }
}
