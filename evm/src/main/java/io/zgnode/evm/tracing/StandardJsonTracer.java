package io.zgnode.evm.tracing;

import io.zgnode.evm.bytes.Hex;
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

  public StandardJsonTracer(PrintStream out) {
    this(out, false);
  }

  public StandardJsonTracer(PrintStream out, boolean withMemory) {
    this.out = out;
    this.withMemory = withMemory;
  }

  @Override
  public void onFrameStart(MessageFrame frame) {
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
    StringBuilder tail = new StringBuilder(128);
    tail.append("\",\"memSize\":").append(frame.memory().size());
    if (withMemory) {
      tail.append(",\"memory\":\"")
          .append(Hex.encode(frame.memory().slice(0, frame.memory().size())))
          .append('"');
    }
    tail.append(",\"stack\":[");
    OperandStack stack = frame.stack();
    for (int i = stack.size() - 1; i >= 0; i--) {
      if (i != stack.size() - 1) {
        tail.append(',');
      }
      tail.append('"').append(shortHex(stack.bytesAt(i))).append('"');
    }
    tail.append("],\"depth\":").append(frame.depth() + 1);
    tail.append(",\"refund\":").append(frame.context().scope().refund());
    tail.append(",\"opName\":\"").append(op.name()).append('"');
    pendingTail = tail.toString();
    pendingFrame = frame;
    pendingGas = gas;
    pendingStaticGas = op.staticGas();
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
    String error = error(frame);
    if (error != null) {
      sb.append(",\"error\":\"").append(error).append('"');
    }
    sb.append('}');
    out.println(sb);
  }

  private static String error(MessageFrame frame) {
    if (frame.haltReason() != null) {
      return frame.haltReason().message();
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
    if (frame.state() == MessageFrame.State.EXCEPTIONAL_HALT) {
      out.println(line(pendingStaticGas, frame.haltReason().message()));
      return;
    }
    long cost = Math.max(0, pendingGas - frame.gasRemaining() - childGas);
    out.println(line(cost, null));
    if (frame.state() == MessageFrame.State.REVERT) {
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
