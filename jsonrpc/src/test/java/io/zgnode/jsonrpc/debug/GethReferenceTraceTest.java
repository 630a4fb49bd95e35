package io.zgnode.jsonrpc.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zgnode.evm.types.Address;
import io.zgnode.jsonrpc.sim.SimNet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Struct logs compared with geth's for the same code: the expected lines were produced by geth's
 * {@code evm run --trace} (v1.17.5, Osaka rules) on the same contracts and starting gas; each line
 * is "pc op gas gasCost depth stack [error]".
 */
class GethReferenceTraceTest {
  private SimNet net;

  @BeforeEach
  void setUp() {
    net = new SimNet();
  }

  @AfterEach
  void tearDown() {
    net.close();
  }

  /** debug_traceCall with {@code gas} so the first instruction has {@code gas - intrinsic}. */
  private List<String> trace(Address to, String input, long gas, String codeOverride)
      throws Exception {
    ObjectNode call = SimNet.MAPPER.createObjectNode();
    call.put("from", "0x0000000000000000000000000000000000000aaa");
    call.put("to", to.toHex());
    call.put("input", input);
    call.put("gas", SimNet.hex(gas));
    ObjectNode options = SimNet.MAPPER.createObjectNode();
    if (codeOverride != null) {
      options.putObject("stateOverrides").putObject(to.toHex()).put("code", codeOverride);
    }
    JsonNode trace = net.call("debug_traceCall", call, "latest", options);
    List<String> out = new ArrayList<>();
    for (JsonNode l : trace.get("structLogs")) {
      StringBuilder sb =
          new StringBuilder()
              .append(l.get("pc").asLong())
              .append(' ')
              .append(l.get("op").asText())
              .append(' ')
              .append(l.get("gas").asLong())
              .append(' ')
              .append(l.get("gasCost").asLong())
              .append(' ')
              .append(l.get("depth").asInt())
              .append(' ');
      List<String> stack = new ArrayList<>();
      l.get("stack").forEach(s -> stack.add(s.asText()));
      sb.append('[').append(String.join(",", stack)).append(']');
      if (l.has("error")) {
        sb.append(' ').append(l.get("error").asText());
      }
      out.add(sb.toString());
    }
    return out;
  }

  @Test
  void nestedCallWithColdSstore() throws Exception {
    // 200000 - 21000 - 140 (calldata: one non-zero byte, 31 zero bytes) = 178860
    List<String> geth =
        List.of(
            "0 CALLDATASIZE 178860 2 1 []",
            "1 PUSH1 178858 3 1 [0x20]",
            "3 PUSH1 178855 3 1 [0x20,0x0]",
            "5 CALLDATACOPY 178852 9 1 [0x20,0x0,0x0]",
            "6 PUSH1 178843 3 1 []",
            "8 PUSH1 178840 3 1 [0x0]",
            "10 CALLDATASIZE 178837 2 1 [0x0,0x0]",
            "11 PUSH1 178835 3 1 [0x0,0x0,0x20]",
            "13 PUSH1 178832 3 1 [0x0,0x0,0x20,0x0]",
            "15 PUSH20 178829 3 1 [0x0,0x0,0x20,0x0,0x0]",
            "36 GAS 178826 2 1 [0x0,0x0,0x20,0x0,0x0,0x1000]",
            "37 CALL 178824 176071 1 [0x0,0x0,0x20,0x0,0x0,0x1000,0x2ba88]",
            "0 CALLDATASIZE 173471 2 2 []",
            "1 PUSH1 173469 3 2 [0x20]",
            "3 JUMPI 173466 10 2 [0x20,0xf]",
            "15 JUMPDEST 173456 1 2 []",
            "16 PUSH1 173455 3 2 []",
            "18 CALLDATALOAD 173452 3 2 [0x0]",
            "19 PUSH1 173449 3 2 [0x63]",
            "21 SSTORE 173446 5000 2 [0x63,0x0]",
            "22 STOP 168446 0 2 []",
            "38 PUSH1 171199 3 1 [0x1]",
            "40 JUMPI 171196 10 1 [0x1,0x2e]",
            "46 JUMPDEST 171186 1 1 []",
            "47 STOP 171185 0 1 []");
    assertEquals(geth, trace(SimNet.CALLER, SimNet.word(0x63).toHex(), 200_000, null));
  }

  @Test
  void revertWithMemory() throws Exception {
    List<String> geth =
        List.of(
            "0 PUSH2 100000 3 1 []",
            "3 PUSH2 99997 3 1 [0x64]",
            "6 PUSH1 99994 3 1 [0x64,0xf]",
            "8 CODECOPY 99991 27 1 [0x64,0xf,0x0]",
            "9 PUSH2 99964 3 1 []",
            "12 PUSH1 99961 3 1 [0x64]",
            "14 REVERT 99958 0 1 [0x64,0x0]");
    assertEquals(geth, trace(SimNet.REVERTER, "0x", 121_000, null));
  }

  @Test
  void stackUnderflowAndOutOfGas() throws Exception {
    assertEquals(
        List.of("0 ADD 100000 3 1 [] stack underflow (0 <=> 2)"),
        trace(Address.fromLong(0x4444), "0x", 121_000, "0x01"));
    List<String> loop = trace(SimNet.LOOP, "0x", 121_000, null);
    assertEquals(
        List.of("0 JUMPDEST 4 1 1 []", "1 PUSH1 3 3 1 []", "3 JUMP 0 8 1 [0x0] out of gas"),
        loop.subList(loop.size() - 3, loop.size()));
  }
}
