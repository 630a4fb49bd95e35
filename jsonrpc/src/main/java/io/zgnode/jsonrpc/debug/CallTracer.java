package io.zgnode.jsonrpc.debug;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zgnode.chain.sim.RevertReasons;
import io.zgnode.chain.sim.VmErrors;
import io.zgnode.evm.frame.MessageFrame;
import io.zgnode.evm.frame.OperandStack;
import io.zgnode.evm.types.Address;
import io.zgnode.evm.types.Hash;
import io.zgnode.evm.world.Log;
import io.zgnode.jsonrpc.eth.RpcJson;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * geth's callTracer: the tree of call frames with type, from, to, value, gas, gasUsed, input,
 * output, error and revertReason, and with {@code withLog} the logs each frame emitted (with their
 * position among the frame's sub-calls; logs of failed frames are dropped). {@code onlyTopCall}
 * keeps the top frame only. Calls that fail before a frame runs (call depth, balance) and
 * SELFDESTRUCT appear as frames, as in geth.
 */
final class CallTracer implements TraceCollector {
  private final boolean onlyTopCall;
  private final boolean withLog;
  private final TraceBudget budget;
  private final Deque<Call> active = new ArrayDeque<>();
  private Call root;

  /** One call frame being built. */
  private static final class Call {
    String type;
    Address from;
    Address to;
    long gas;
    long gasUsed;
    byte[] input = new byte[0];
    byte[] output;
    String error;
    String revertReason;
    BigInteger value;
    final List<Call> calls = new ArrayList<>();
    final List<CallLog> logs = new ArrayList<>();

    // what the frame this call stands for did last, for error wording and immediate exits
    long startGas;
    int lastOp = -1;
    int stackSize;
    Address argAddress;
    BigInteger argValue = BigInteger.ZERO;
    long argOffset;
    long argLength;
    int logsBefore = -1;
    Call gasPending;
    long gasAtExit;
  }

  private record CallLog(Address address, List<Hash> topics, byte[] data, int position) {}

  CallTracer(JsonNode config, TraceBudget budget) {
    this.onlyTopCall = flag(config, "onlyTopCall");
    this.withLog = flag(config, "withLog");
    this.budget = budget;
  }

  private static boolean flag(JsonNode config, String name) {
    if (config == null || !config.isObject()) {
      return false;
    }
    for (Map.Entry<String, JsonNode> e : config.properties()) {
      if (e.getKey().equalsIgnoreCase(name)) {
        return e.getValue().asBoolean(false);
      }
    }
    return false;
  }

  @Override
  public void onFrameStart(MessageFrame frame) {
    Call c = new Call();
    boolean create = frame.type() == MessageFrame.Type.CONTRACT_CREATION;
    c.type = frame.depth() == 0 ? (create ? "CREATE" : "CALL") : frame.kind().name();
    c.from =
        frame.kind() == MessageFrame.CallKind.DELEGATECALL ? frame.recipient() : frame.sender();
    c.to = create ? frame.recipient() : frame.codeAddress();
    c.input = create ? frame.code().bytes() : frame.input();
    c.value = frame.kind() == MessageFrame.CallKind.STATICCALL ? null : frame.value();
    c.gas = frame.gasRemaining();
    c.startGas = c.gas;
    budget.charge(300L + 2L * c.input.length);
    if (active.isEmpty()) {
      root = c;
    } else {
      active.peek().calls.add(c);
    }
    active.push(c);
  }

  @Override
  public void onInstruction(MessageFrame frame, int pc, int opcode, long gas) {
    Call c = active.peek();
    if (c == null) {
      return;
    }
    settle(c, frame, gas);
    c.lastOp = opcode;
    OperandStack s = frame.stack();
    int n = s.size();
    c.stackSize = n;
    switch (opcode) {
      case 0xa0, 0xa1, 0xa2, 0xa3, 0xa4 -> {
        if (withLog) {
          c.logsBefore = frame.context().scope().logs().size();
        }
      }
      case 0xf1, 0xf2 -> { // CALL, CALLCODE
        if (n >= 7) {
          c.argAddress = address(s.bytesAt(1));
          c.argValue = new BigInteger(1, s.bytesAt(2));
          c.argOffset = clamp(s.bytesAt(3));
          c.argLength = clamp(s.bytesAt(4));
        }
      }
      case 0xf4, 0xfa -> { // DELEGATECALL, STATICCALL
        if (n >= 6) {
          c.argAddress = address(s.bytesAt(1));
          c.argOffset = clamp(s.bytesAt(2));
          c.argLength = clamp(s.bytesAt(3));
        }
      }
      case 0xf0, 0xf5 -> { // CREATE, CREATE2
        if (n >= 3) {
          c.argValue = new BigInteger(1, s.bytesAt(0));
          c.argOffset = clamp(s.bytesAt(1));
          c.argLength = clamp(s.bytesAt(2));
        }
      }
      case 0xff -> { // SELFDESTRUCT
        if (n >= 1) {
          c.argAddress = address(s.bytesAt(0));
        }
      }
      default -> {}
    }
  }

  /**
   * Completes what the previous instruction left open: the log it emitted (taken from the
   * transaction's logs once it has run, so a LOG that failed adds nothing), and the gas of a call
   * that failed before its frame ran (handed back to the caller by now).
   */
  private void settle(Call c, MessageFrame frame, long gasNow) {
    if (c.logsBefore >= 0) {
      List<Log> logs = frame.context().scope().logs();
      if (logs.size() > c.logsBefore) {
        Log l = logs.get(logs.size() - 1);
        c.logs.add(new CallLog(l.address(), l.topics(), l.data(), c.calls.size()));
        budget.charge(150L + 70L * l.topics().size() + 2L * l.data().length);
      }
      c.logsBefore = -1;
    }
    if (c.gasPending != null) {
      c.gasPending.gas = Math.max(0, gasNow - c.gasAtExit);
      c.gasPending = null;
    }
  }

  @Override
  public void onImmediateExit(MessageFrame caller, long gasUsed, String error) {
    Call parent = active.peek();
    if (parent == null) {
      return;
    }
    Call c = new Call();
    c.from = caller.recipient();
    c.gasUsed = gasUsed;
    c.error = error;
    switch (parent.lastOp) {
      case 0xf1, 0xf2, 0xf4, 0xfa -> {
        c.type = callType(parent.lastOp);
        c.to = parent.argAddress;
        c.input = slice(caller, parent.argOffset, parent.argLength);
        c.value =
            switch (parent.lastOp) {
              case 0xf4 -> caller.value();
              case 0xfa -> null;
              default -> parent.argValue;
            };
        // the call's gas goes back to the caller right after this; settled at its next step
        parent.gasPending = c;
        parent.gasAtExit = caller.gasRemaining();
      }
      case 0xf0, 0xf5 -> {
        c.type = parent.lastOp == 0xf0 ? "CREATE" : "CREATE2";
        c.to = null;
        c.input = slice(caller, parent.argOffset, parent.argLength);
        c.value = parent.argValue;
        long available = caller.gasRemaining();
        c.gas = error != null && error.contains("collision") ? gasUsed : available - available / 64;
      }
      case 0xff -> {
        c.type = "SELFDESTRUCT";
        c.to = parent.argAddress;
        c.value = caller.context().world().balance(caller.recipient());
        c.gas = 0;
      }
      default -> {
        return;
      }
    }
    budget.charge(300L + 2L * c.input.length);
    parent.calls.add(c);
  }

  @Override
  public void onExecutionEnd(MessageFrame frame) {
    Call c = active.peek();
    if (c != null) {
      settle(c, frame, frame.gasRemaining());
    }
  }

  @Override
  public void onFrameEnd(MessageFrame frame) {
    Call c = active.poll();
    if (c == null) {
      return;
    }
    c.gasUsed = Math.max(0, c.startGas - frame.gasRemaining());
    boolean create = frame.type() == MessageFrame.Type.CONTRACT_CREATION;
    byte[] out = frame.output();
    budget.charge(2L * out.length);
    switch (frame.state()) {
      case SUCCESS -> c.output = out;
      case REVERT -> {
        c.error = "execution reverted";
        if (create) {
          c.to = null;
        }
        if (out.length > 0) {
          c.output = out;
          c.revertReason = RevertReasons.decode(out);
        }
      }
      default -> {
        c.error =
            VmErrors.message(
                frame.haltReason(), frame.context().config().operations(), c.lastOp, c.stackSize);
        if (c.error == null) {
          c.error = "execution failed";
        }
        if (create) {
          c.to = null;
        }
      }
    }
  }

  @Override
  public JsonNode result(TxSummary tx) {
    Call top = root;
    if (top == null) {
      // the transaction ended before its frame ran (e.g. a creation onto an occupied address)
      top = new Call();
      top.type = tx.to() == null ? "CREATE" : "CALL";
      top.from = tx.from();
      top.to = tx.to();
      top.input = tx.input();
      top.value = tx.value();
      top.error = tx.success() ? null : tx.error();
    }
    top.gas = tx.gasLimit();
    top.gasUsed = tx.gasUsed();
    if (withLog) {
      clearFailedLogs(top, false);
    }
    if (onlyTopCall) {
      top.calls.clear();
    }
    return json(top);
  }

  private static void clearFailedLogs(Call c, boolean parentFailed) {
    boolean failed = parentFailed || c.error != null;
    if (failed) {
      c.logs.clear();
    }
    for (Call child : c.calls) {
      clearFailedLogs(child, failed);
    }
  }

  private ObjectNode json(Call c) {
    ObjectNode o = RpcJson.NODES.objectNode();
    o.set("from", RpcJson.address(c.from));
    o.set("gas", RpcJson.quantity(c.gas));
    o.set("gasUsed", RpcJson.quantity(c.gasUsed));
    if (c.to != null) {
      o.set("to", RpcJson.address(c.to));
    }
    o.set("input", RpcJson.data(c.input));
    if (c.output != null && c.output.length > 0) {
      o.set("output", RpcJson.data(c.output));
    }
    if (c.error != null) {
      o.put("error", c.error);
    }
    if (c.revertReason != null) {
      o.put("revertReason", c.revertReason);
    }
    if (!c.calls.isEmpty()) {
      ArrayNode calls = o.putArray("calls");
      for (Call child : c.calls) {
        calls.add(json(child));
      }
    }
    if (withLog && !c.logs.isEmpty()) {
      ArrayNode logs = o.putArray("logs");
      for (CallLog l : c.logs) {
        ObjectNode j = logs.addObject();
        j.set("address", RpcJson.address(l.address()));
        ArrayNode topics = j.putArray("topics");
        l.topics().forEach(t -> topics.add(RpcJson.hash(t)));
        j.set("data", RpcJson.data(l.data()));
        j.set("position", RpcJson.quantity(l.position()));
      }
    }
    if (c.value != null) {
      o.set("value", RpcJson.quantity(c.value));
    }
    o.put("type", c.type);
    return o;
  }

  private static String callType(int opcode) {
    return switch (opcode) {
      case 0xf2 -> "CALLCODE";
      case 0xf4 -> "DELEGATECALL";
      case 0xfa -> "STATICCALL";
      default -> "CALL";
    };
  }

  private static Address address(byte[] word) {
    return Address.wrap(Arrays.copyOfRange(word, 12, 32));
  }

  /** A stack word as an offset or length, saturated (a huge one fails before memory is read). */
  private static long clamp(byte[] word) {
    BigInteger v = new BigInteger(1, word);
    return v.bitLength() > 62 ? Long.MAX_VALUE : v.longValue();
  }

  private static byte[] slice(MessageFrame frame, long offset, long length) {
    if (length == 0) {
      return new byte[0];
    }
    if (offset < 0 || length < 0 || offset + length > frame.memory().size()) {
      return new byte[0];
    }
    return frame.memory().slice(offset, length);
  }
}
