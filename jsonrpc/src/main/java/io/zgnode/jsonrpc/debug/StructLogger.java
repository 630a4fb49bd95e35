package io.zgnode.jsonrpc.debug;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zgnode.chain.sim.VmErrors;
import io.zgnode.evm.bytes.Hex;
import io.zgnode.evm.frame.HaltReason;
import io.zgnode.evm.frame.Memory;
import io.zgnode.evm.frame.MessageFrame;
import io.zgnode.evm.frame.OperandStack;
import io.zgnode.evm.operation.Operation;
import io.zgnode.evm.tracing.StepFields;
import io.zgnode.evm.types.Address;
import io.zgnode.evm.types.Hash;
import io.zgnode.jsonrpc.eth.RpcJson;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * geth's default tracer, the struct logger: one entry per instruction with pc, op, gas (before it),
 * gasCost, depth (1 for the transaction's frame), the stack (bottom first), memory in 32-byte
 * words, the storage seen so far of the running contract at SLOAD/SSTORE, the refund counter and
 * the error of an instruction that failed before running (stack or gas). The result is {@code
 * {"gas", "failed", "returnValue", "structLogs"}} with the receipt's gas.
 *
 * <p>An instruction's cost is known only after it ran, so each entry is held until the next event,
 * as in {@code StandardJsonTracer}: a call's cost includes the gas handed to the callee, a
 * creation's does not, and the cost of an instruction that ran out of gas is what it needed.
 */
final class StructLogger implements TraceCollector {
  private final TraceOptions options;
  private final TraceBudget budget;
  private final ArrayNode logs = RpcJson.NODES.arrayNode();
  private final Map<Address, TreeMap<Hash, Hash>> storage = new HashMap<>();

  // the entry held back until its cost is known
  private MessageFrame pendingFrame;
  private int pendingPc;
  private String pendingOp;
  private long pendingGas;
  private long pendingStaticGas;
  private int pendingDepth;
  private int pendingOpcode;
  private int pendingStackSize;
  private ArrayNode pendingStack;
  private String pendingReturnData;
  private ArrayNode pendingMemory;
  private ObjectNode pendingStorage;

  private byte[] output = new byte[0];
  private MessageFrame.State topState;

  StructLogger(TraceOptions options, TraceBudget budget) {
    this.options = options;
    this.budget = budget;
  }

  @Override
  public void onFrameStart(MessageFrame frame) {
    flush(frame.type() == MessageFrame.Type.CONTRACT_CREATION ? frame.gasRemaining() : 0);
  }

  @Override
  public void onInstruction(MessageFrame frame, int pc, int opcode, long gas) {
    flush(0);
    if (options.limit() > 0 && logs.size() >= options.limit()) {
      return;
    }
    Operation op = frame.context().config().operations().get(opcode);
    pendingFrame = frame;
    pendingPc = pc;
    pendingOp = op.name();
    pendingOpcode = opcode;
    pendingGas = gas;
    pendingStaticGas = op.staticGas();
    pendingDepth = frame.depth() + 1;
    OperandStack stack = frame.stack();
    pendingStackSize = stack.size();
    long size = 90 + pendingOp.length();
    pendingStack = null;
    if (!options.disableStack()) {
      pendingStack = RpcJson.NODES.arrayNode();
      for (int i = stack.size() - 1; i >= 0; i--) {
        String word = StepFields.stackWord(stack.bytesAt(i));
        pendingStack.add(word);
        size += word.length() + 3;
      }
    }
    pendingReturnData = null;
    if (options.enableReturnData() && frame.returnData().length > 0) {
      pendingReturnData = Hex.encode(frame.returnData());
      size += pendingReturnData.length();
    }
    pendingMemory = null;
    Memory memory = frame.memory();
    if (options.enableMemory() && memory.size() > 0) {
      pendingMemory = RpcJson.NODES.arrayNode();
      byte[] data = memory.data();
      for (long at = 0; at < memory.size(); at += 32) {
        int len = (int) Math.min(32, memory.size() - at);
        pendingMemory.add(Hex.encodePlain(data, (int) at, len));
        size += 67;
      }
    }
    pendingStorage = null;
    if (!options.disableStorage() && (opcode == 0x54 || opcode == 0x55)) {
      pendingStorage = storageSnapshot(frame, opcode);
      if (pendingStorage != null) {
        size += 134L * pendingStorage.size();
      }
    }
    budget.charge(size);
  }

  /** Records the slot SLOAD reads or SSTORE writes and returns the contract's storage so far. */
  private ObjectNode storageSnapshot(MessageFrame frame, int opcode) {
    OperandStack stack = frame.stack();
    Address contract = frame.recipient();
    Hash slot;
    Hash value;
    if (opcode == 0x54 && stack.size() >= 1) {
      slot = Hash.wrapOwned(stack.bytesAt(0));
      value = frame.context().world().storage(contract, slot);
    } else if (opcode == 0x55 && stack.size() >= 2) {
      slot = Hash.wrapOwned(stack.bytesAt(0));
      value = Hash.wrapOwned(stack.bytesAt(1));
    } else {
      return null;
    }
    TreeMap<Hash, Hash> seen = storage.computeIfAbsent(contract, k -> new TreeMap<>());
    seen.put(slot, value);
    ObjectNode o = RpcJson.NODES.objectNode();
    seen.forEach(
        (k, v) -> o.put(Hex.encodePlain(k.bytesUnsafe()), Hex.encodePlain(v.bytesUnsafe())));
    return o;
  }

  @Override
  public void onImmediateExit(MessageFrame caller, long gasUsed, String error) {
    flush(0);
  }

  @Override
  public void onExecutionEnd(MessageFrame frame) {
    flush(0);
  }

  @Override
  public void onFrameEnd(MessageFrame frame) {
    flush(0);
    if (frame.depth() == 0) {
      output = frame.output();
      topState = frame.state();
    }
  }

  /** Writes the held entry with its cost; {@code childGas} is a new creation's gas, not a cost. */
  private void flush(long childGas) {
    MessageFrame frame = pendingFrame;
    if (frame == null) {
      return;
    }
    pendingFrame = null;
    long cost = StepFields.cost(frame, pendingGas, pendingStaticGas, childGas);
    String error = null;
    if (frame.state() == MessageFrame.State.EXCEPTIONAL_HALT) {
      HaltReason reason = frame.haltReason();
      error =
          switch (reason) {
            // caught before the instruction ran: geth logs it once, with the fault
            case STACK_UNDERFLOW, STACK_OVERFLOW ->
                VmErrors.message(
                    reason, frame.context().config().operations(), pendingOpcode, pendingStackSize);
            case OUT_OF_GAS -> reason.message();
            // failed while running: geth's struct logger keeps the entry as logged before
            default -> null;
          };
    }
    ObjectNode o = logs.addObject();
    o.put("pc", pendingPc);
    o.put("op", pendingOp);
    o.put("gas", pendingGas);
    o.put("gasCost", cost);
    o.put("depth", pendingDepth);
    if (error != null) {
      o.put("error", error);
    }
    if (pendingStack != null) {
      o.set("stack", pendingStack);
    }
    if (pendingReturnData != null) {
      o.put("returnData", pendingReturnData);
    }
    if (pendingMemory != null) {
      o.set("memory", pendingMemory);
    }
    if (pendingStorage != null) {
      o.set("storage", pendingStorage);
    }
    // geth shows the refund counter as the instruction's gas function left it
    long refund = frame.context().scope().refund();
    if (refund != 0) {
      o.put("refund", refund);
    }
  }

  @Override
  public JsonNode result(TxSummary tx) {
    flush(0);
    ObjectNode o = RpcJson.NODES.objectNode();
    o.put("gas", tx.gasUsed());
    o.put("failed", !tx.success());
    boolean keepOutput = tx.success() || topState == MessageFrame.State.REVERT;
    o.put("returnValue", Hex.encode(keepOutput ? output : new byte[0]));
    o.set("structLogs", logs);
    return o;
  }
}
