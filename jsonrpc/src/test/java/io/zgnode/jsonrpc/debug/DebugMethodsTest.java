package io.zgnode.jsonrpc.debug;

import static io.zgnode.jsonrpc.sim.SimNet.CALLER;
import static io.zgnode.jsonrpc.sim.SimNet.LOGGER;
import static io.zgnode.jsonrpc.sim.SimNet.LOG_THEN_REVERT;
import static io.zgnode.jsonrpc.sim.SimNet.REVERTER;
import static io.zgnode.jsonrpc.sim.SimNet.STORE;
import static io.zgnode.jsonrpc.sim.SimNet.address;
import static io.zgnode.jsonrpc.sim.SimNet.json;
import static io.zgnode.jsonrpc.sim.SimNet.word;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zgnode.chain.receipt.Receipt;
import io.zgnode.evm.bytes.Hex;
import io.zgnode.evm.tx.Transaction;
import io.zgnode.evm.types.Hash;
import io.zgnode.jsonrpc.RpcConfig;
import io.zgnode.jsonrpc.core.RpcException;
import io.zgnode.jsonrpc.sim.SimNet;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DebugMethodsTest {
  private static final Set<String> CALLS =
      Set.of("CALL", "CALLCODE", "DELEGATECALL", "STATICCALL", "CREATE", "CREATE2");

  private SimNet net;

  @BeforeEach
  void setUp() {
    net = new SimNet();
  }

  @AfterEach
  void tearDown() {
    net.close();
  }

  private Transaction sendCaller(long value) {
    Transaction t = net.tx(0, CALLER, BigInteger.ZERO, 200_000, word(value).toArray());
    Receipt r = net.include(t);
    assertTrue(r.success());
    return t;
  }

  @Test
  void structLoggerOfANestedCall() throws Exception {
    Transaction t = sendCaller(99);
    Receipt receipt = net.chain.receipt(t.hash());
    JsonNode trace = net.call("debug_traceTransaction", t.hash().toHex());
    assertEquals(receipt.gasUsed(), trace.get("gas").asLong());
    assertFalse(trace.get("failed").asBoolean());
    assertEquals("0x", trace.get("returnValue").asText());
    JsonNode logs = trace.get("structLogs");
    JsonNode first = logs.get(0);
    assertEquals(
        json("{'pc':0,'op':'CALLDATASIZE','gas':"
                + (200_000 - 21_000 - 16 * 1 - 4 * 31)
                + ",'gasCost':2,'depth':1,'stack':[]}")
            .toString(),
        first.toString());
    int calls = 0;
    for (int i = 0; i + 1 < logs.size(); i++) {
      JsonNode cur = logs.get(i);
      JsonNode next = logs.get(i + 1);
      if (CALLS.contains(cur.get("op").asText())) {
        calls++;
        // the call's cost is the cold access (2600) plus the gas the callee got
        assertEquals(2, next.get("depth").asInt());
        assertEquals(2600, cur.get("gasCost").asLong() - next.get("gas").asLong());
        continue;
      }
      if (cur.get("depth").equals(next.get("depth"))) {
        assertEquals(
            cur.get("gas").asLong() - cur.get("gasCost").asLong(),
            next.get("gas").asLong(),
            "gas accounting at " + cur);
      }
    }
    assertEquals(1, calls);
    JsonNode sstore = null;
    for (JsonNode l : logs) {
      if (l.get("op").asText().equals("SSTORE")) {
        sstore = l;
      }
    }
    assertEquals(2, sstore.get("depth").asInt());
    // 5 -> 99 on a cold slot: 2100 + 2900
    assertEquals(5000, sstore.get("gasCost").asLong());
    assertEquals(
        json("{'" + "0".repeat(64) + "':'" + "0".repeat(62) + "63'}"), sstore.get("storage"));
    assertEquals("STOP", logs.get(logs.size() - 1).get("op").asText());
    assertEquals(1, logs.get(logs.size() - 1).get("depth").asInt());
  }

  @Test
  void structLoggerOptions() throws Exception {
    Transaction t = sendCaller(7);
    JsonNode limited = net.call("debug_traceTransaction", t.hash().toHex(), json("{'limit':3}"));
    assertEquals(3, limited.get("structLogs").size());
    JsonNode bare =
        net.call(
            "debug_traceTransaction",
            t.hash().toHex(),
            json("{'disableStack':true,'disableStorage':true}"));
    for (JsonNode l : bare.get("structLogs")) {
      assertFalse(l.has("stack"));
      assertFalse(l.has("storage"));
      assertFalse(l.has("memory"));
    }
    JsonNode mem =
        net.call(
            "debug_traceTransaction",
            t.hash().toHex(),
            json("{'EnableMemory':true,'enableReturnData':true}"));
    boolean sawMemory = false;
    for (JsonNode l : mem.get("structLogs")) {
      if (l.has("memory")) {
        sawMemory = true;
        l.get("memory").forEach(w -> assertEquals(64, w.asText().length()));
      }
    }
    assertTrue(sawMemory);
  }

  @Test
  void callTracerOfANestedCall() throws Exception {
    Transaction t = sendCaller(99);
    Receipt receipt = net.chain.receipt(t.hash());
    JsonNode trace =
        net.call("debug_traceTransaction", t.hash().toHex(), json("{'tracer':'callTracer'}"));
    assertEquals("CALL", trace.get("type").asText());
    assertEquals(address(0).toHex(), trace.get("from").asText());
    assertEquals(CALLER.toHex(), trace.get("to").asText());
    assertEquals("0x30d40", trace.get("gas").asText());
    assertEquals(SimNet.hex(receipt.gasUsed()), trace.get("gasUsed").asText());
    assertEquals(word(99).toHex(), trace.get("input").asText());
    assertEquals("0x0", trace.get("value").asText());
    assertFalse(trace.has("output"));
    assertFalse(trace.has("error"));
    JsonNode child = trace.get("calls").get(0);
    assertEquals("CALL", child.get("type").asText());
    assertEquals(CALLER.toHex(), child.get("from").asText());
    assertEquals(STORE.toHex(), child.get("to").asText());
    assertEquals(word(99).toHex(), child.get("input").asText());
    long childGas = Long.decode(child.get("gas").asText());
    long childUsed = Long.decode(child.get("gasUsed").asText());
    assertTrue(childUsed > 5000 && childUsed < childGas);
    assertFalse(child.has("calls"));

    JsonNode top =
        net.call(
            "debug_traceTransaction",
            t.hash().toHex(),
            json("{'tracer':'callTracer','tracerConfig':{'onlyTopCall':true}}"));
    assertFalse(top.has("calls"));
  }

  @Test
  void callTracerRevertsAndLogs() throws Exception {
    Transaction reverted = net.tx(0, REVERTER, BigInteger.ZERO, 100_000, new byte[0]);
    assertFalse(net.include(reverted).success());
    JsonNode r =
        net.call(
            "debug_traceTransaction", reverted.hash().toHex(), json("{'tracer':'callTracer'}"));
    assertEquals("execution reverted", r.get("error").asText());
    assertEquals("nope", r.get("revertReason").asText());
    assertEquals(Hex.encode(SimNet.NOPE), r.get("output").asText());

    Transaction logged = net.tx(0, LOGGER, BigInteger.ZERO, 100_000, Hex.decode("abcd"));
    net.include(logged);
    JsonNode l =
        net.call(
            "debug_traceTransaction",
            logged.hash().toHex(),
            json("{'tracer':'callTracer','tracerConfig':{'withLog':true}}"));
    assertEquals(
        json(
            "[{'address':'"
                + LOGGER.toHex()
                + "','topics':['"
                + word(7).toHex()
                + "','"
                + Hash.wrap(leftPad(address(0).toArray())).toHex()
                + "'],'data':'0xabcd','position':'0x0'}]"),
        l.get("logs"));

    Transaction lost = net.tx(0, LOG_THEN_REVERT, BigInteger.ZERO, 200_000, new byte[0]);
    net.include(lost);
    JsonNode f =
        net.call(
            "debug_traceTransaction",
            lost.hash().toHex(),
            json("{'tracer':'callTracer','tracerConfig':{'withLog':true}}"));
    assertEquals("execution reverted", f.get("error").asText());
    assertEquals(LOGGER.toHex(), f.get("calls").get(0).get("to").asText());
    assertFalse(f.get("calls").get(0).has("logs"), "logs of a reverted frame are dropped");
  }

  /** debug_traceCall with the callTracer of {@code code} placed at 0x...4444. */
  private JsonNode callTrace(String code) throws Exception {
    String at = "0x0000000000000000000000000000000000004444";
    ObjectNode call = SimNet.MAPPER.createObjectNode();
    call.put("from", address(1).toHex());
    call.put("to", at);
    ObjectNode options = (ObjectNode) json("{'tracer':'callTracer'}");
    options.putObject("stateOverrides").putObject(at).put("code", code);
    return net.call("debug_traceCall", call, "latest", options);
  }

  @Test
  void callTracerSpecialFrames() throws Exception {
    // CALL(gas 0x1000, STORE, value 1) from an account without balance: fails before running
    JsonNode broke = callTrace("0x60006000600060006001611000611000f15000");
    assertEquals(
        json(
            "{'from':'0x0000000000000000000000000000000000004444','gas':'0x18fc','gasUsed':'0x0',"
                + "'to':'"
                + STORE.toHex()
                + "','input':'0x','error':'insufficient balance for transfer','value':'0x1',"
                + "'type':'CALL'}"),
        broke.get("calls").get(0));
    // CREATE with empty init code
    JsonNode created = callTrace("0x600060006000f000");
    JsonNode c = created.get("calls").get(0);
    assertEquals("CREATE", c.get("type").asText());
    assertEquals("0x", c.get("input").asText());
    assertEquals("0x0", c.get("gasUsed").asText());
    assertEquals(
        io.zgnode.evm.processor.ContractAddress.create(
                io.zgnode.evm.types.Address.fromLong(0x4444), 0)
            .toHex(),
        c.get("to").asText());
    // SELFDESTRUCT to the caller
    JsonNode gone = callTrace("0x33ff");
    assertEquals(
        json(
            "{'from':'0x0000000000000000000000000000000000004444','gas':'0x0','gasUsed':'0x0',"
                + "'to':'"
                + address(1).toHex()
                + "','input':'0x','value':'0x0','type':'SELFDESTRUCT'}"),
        gone.get("calls").get(0));
  }

  @Test
  void traceCallWithOverrides() throws Exception {
    ObjectNode call = SimNet.MAPPER.createObjectNode();
    call.put("from", address(1).toHex());
    call.put("to", STORE.toHex());
    ObjectNode options =
        (ObjectNode)
            json(
                "{'stateOverrides':{'"
                    + STORE.toHex()
                    + "':{'stateDiff':{'"
                    + Hash.ZERO.toHex()
                    + "':'"
                    + word(42).toHex()
                    + "'}}}}");
    JsonNode trace = net.call("debug_traceCall", call, "latest", options);
    assertFalse(trace.get("failed").asBoolean());
    assertEquals(word(42).toHex(), trace.get("returnValue").asText());
    JsonNode sload = null;
    for (JsonNode l : trace.get("structLogs")) {
      if (l.get("op").asText().equals("SLOAD")) {
        sload = l;
      }
    }
    assertEquals(2100, sload.get("gasCost").asLong());
    assertEquals(
        json("{'" + "0".repeat(64) + "':'" + "0".repeat(62) + "2a'}"), sload.get("storage"));

    options.put("tracer", "callTracer");
    JsonNode c = net.call("debug_traceCall", call, "latest", options);
    assertEquals(word(42).toHex(), c.get("output").asText());
    assertEquals(
        SimNet.hex(io.zgnode.evm.tx.TransactionValidator.MAX_TX_GAS_LIMIT_OSAKA),
        c.get("gas").asText());

    ObjectNode poor = SimNet.MAPPER.createObjectNode();
    poor.put("from", "0x000000000000000000000000000000000000dead");
    poor.put("to", STORE.toHex());
    poor.put("value", "0x1");
    RpcException e = net.error("debug_traceCall", poor, "latest");
    assertTrue(e.getMessage().startsWith("tracing failed: insufficient funds"), e.getMessage());
  }

  @Test
  void traceBlock() throws Exception {
    Transaction a = net.tx(0, CALLER, BigInteger.ZERO, 200_000, word(1).toArray());
    Transaction b = net.tx(1, REVERTER, BigInteger.ZERO, 100_000, new byte[0]);
    net.mine(a, b);
    JsonNode byNumber =
        net.call(
            "debug_traceBlockByNumber", SimNet.hex(net.height), json("{'tracer':'callTracer'}"));
    assertEquals(2, byNumber.size());
    assertEquals(a.hash().toHex(), byNumber.get(0).get("txHash").asText());
    assertEquals(CALLER.toHex(), byNumber.get(0).get("result").get("to").asText());
    assertEquals("execution reverted", byNumber.get(1).get("result").get("error").asText());
    Hash blockHash = net.chain.header(net.height).orElseThrow().hash();
    JsonNode byHash = net.call("debug_traceBlockByHash", blockHash.toHex());
    assertEquals(2, byHash.size());
    assertTrue(byHash.get(0).get("result").get("structLogs").size() > 10);
    assertEquals(
        "genesis is not traceable", net.error("debug_traceBlockByNumber", "0x0").getMessage());
    assertEquals(-32000, net.error("debug_traceBlockByHash", Hash.ZERO.toHex()).code());
  }

  @Test
  void errors() throws Exception {
    Transaction t = sendCaller(3);
    RpcException unknown =
        net.error("debug_traceTransaction", t.hash().toHex(), json("{'tracer':'nope'}"));
    assertEquals(-32000, unknown.code());
    assertTrue(unknown.getMessage().startsWith("tracer \"nope\" is not available"));
    assertEquals(
        "transaction not found",
        net.error("debug_traceTransaction", Hash.ZERO.toHex()).getMessage());
    assertEquals(
        "execution timeout",
        net.error("debug_traceTransaction", t.hash().toHex(), json("{'timeout':'0s'}"))
            .getMessage());
    assertEquals(
        "time: invalid duration \"soon\"",
        net.error("debug_traceTransaction", t.hash().toHex(), json("{'timeout':'soon'}"))
            .getMessage());
    assertEquals(-32602, net.error("debug_traceTransaction", "0x12").code());
    assertEquals(
        -32602,
        net.error("debug_traceTransaction", t.hash().toHex(), json("{'disableStack':'yes'}"))
            .code());
  }

  @Test
  void oversizedTraceIsALimitError() throws Exception {
    RpcConfig small =
        new RpcConfig(
            true,
            "127.0.0.1",
            0,
            0,
            List.of(),
            List.of("*"),
            1 << 20,
            100,
            1 << 18,
            100,
            100,
            10,
            10,
            10,
            Duration.ofMinutes(1),
            50_000_000L,
            Duration.ofSeconds(20),
            BigInteger.TEN,
            2,
            10);
    try (SimNet tight = new SimNet(small)) {
      ObjectNode call = SimNet.MAPPER.createObjectNode();
      call.put("from", address(1).toHex());
      call.put("to", SimNet.LOOP.toHex());
      RpcException e = tight.error("debug_traceCall", call, "latest");
      assertEquals(RpcException.LIMIT_EXCEEDED, e.code());
      assertTrue(e.getMessage().startsWith("trace result exceeds"), e.getMessage());
      // the limit option keeps it small
      JsonNode limited = tight.call("debug_traceCall", call, "latest", json("{'limit':10}"));
      assertEquals(10, limited.get("structLogs").size());
      assertTrue(limited.get("failed").asBoolean());
    }
  }

  private static byte[] leftPad(byte[] b) {
    byte[] out = new byte[32];
    System.arraycopy(b, 0, out, 32 - b.length, b.length);
    return out;
  }
}
