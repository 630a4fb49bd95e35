package io.zgnode.jsonrpc.sim;

import static io.zgnode.jsonrpc.sim.SimNet.CALLER;
import static io.zgnode.jsonrpc.sim.SimNet.CUSTOM;
import static io.zgnode.jsonrpc.sim.SimNet.INVALID;
import static io.zgnode.jsonrpc.sim.SimNet.REVERTER;
import static io.zgnode.jsonrpc.sim.SimNet.STORE;
import static io.zgnode.jsonrpc.sim.SimNet.address;
import static io.zgnode.jsonrpc.sim.SimNet.json;
import static io.zgnode.jsonrpc.sim.SimNet.word;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zgnode.chain.receipt.Receipt;
import io.zgnode.evm.bytes.Hex;
import io.zgnode.evm.crypto.Keccak256;
import io.zgnode.evm.types.Address;
import io.zgnode.evm.types.Hash;
import io.zgnode.jsonrpc.RpcConfig;
import io.zgnode.jsonrpc.core.RpcException;
import io.zgnode.state.trie.TrieProofs;
import io.zgnode.state.world.Account;
import io.zgnode.state.world.StorageValues;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SimMethodsTest {
  private SimNet net;

  @BeforeEach
  void setUp() {
    net = new SimNet();
  }

  @AfterEach
  void tearDown() {
    net.close();
  }

  private static ObjectNode tx(Address to, String data) {
    ObjectNode o = SimNet.MAPPER.createObjectNode();
    o.put("from", address(0).toHex());
    if (to != null) {
      o.put("to", to.toHex());
    }
    o.put("input", data);
    return o;
  }

  @Test
  void callAnswersData() throws Exception {
    assertEquals("0x" + "0".repeat(63) + "5", net.call("eth_call", tx(STORE, "0x")).asText());
    assertEquals(
        "0x" + "0".repeat(63) + "5", net.call("eth_call", tx(STORE, "0x"), "latest").asText());
    assertEquals(
        "0x" + "0".repeat(63) + "5", net.call("eth_call", tx(STORE, "0x"), "pending").asText());
    assertEquals(
        "0x" + "0".repeat(63) + "5", net.call("eth_call", tx(STORE, "0x"), "0x0").asText());
    assertEquals(
        "0x" + "0".repeat(63) + "5",
        net.call("eth_call", tx(STORE, "0x"), json("{'blockNumber':'0x1'}")).asText());
  }

  @Test
  void historicalCall() throws Exception {
    net.include(net.tx(0, STORE, BigInteger.ZERO, 100_000, word(9).toArray()));
    long h = net.height;
    net.include(net.tx(0, STORE, BigInteger.ZERO, 100_000, word(10).toArray()));
    assertEquals(
        "0x" + "0".repeat(63) + "9", net.call("eth_call", tx(STORE, "0x"), SimNet.hex(h)).asText());
    assertEquals("0x" + "0".repeat(62) + "0a", net.call("eth_call", tx(STORE, "0x")).asText());
    RpcException future = net.error("eth_call", tx(STORE, "0x"), SimNet.hex(h + 10));
    assertEquals(RpcException.TX_REJECTED, future.code());
    assertEquals("header not found", future.getMessage());
  }

  @Test
  void revertsAreCodeThreeWithData() {
    RpcException reason = net.error("eth_call", tx(REVERTER, "0x"));
    assertEquals(3, reason.code());
    assertEquals("execution reverted: nope", reason.getMessage());
    assertEquals(Hex.encode(SimNet.NOPE), reason.data().asText());

    RpcException custom = net.error("eth_call", tx(CUSTOM, "0x"));
    assertEquals(3, custom.code());
    assertEquals("execution reverted", custom.getMessage());
    assertEquals(Hex.encode(SimNet.CUSTOM_ERROR), custom.data().asText());

    RpcException halt = net.error("eth_call", tx(INVALID, "0x"));
    assertEquals(-32000, halt.code());
    assertEquals("invalid opcode: INVALID", halt.getMessage());
    assertNull(halt.data());
  }

  @Test
  void badParams() {
    ObjectNode both = tx(STORE, "0x01");
    both.put("data", "0x02");
    RpcException e = net.error("eth_call", both);
    assertEquals(-32602, e.code());
    assertTrue(e.getMessage().startsWith("both \"data\" and \"input\" are set and not equal"));
    ObjectNode blob = tx(STORE, "0x");
    blob.putArray("blobVersionedHashes").add("0x01" + "0".repeat(62));
    assertEquals(-32602, net.error("eth_call", blob).code());
    ObjectNode badTo = tx(STORE, "0x");
    badTo.put("to", "0x1234");
    assertEquals(-32602, net.error("eth_call", badTo).code());
    assertEquals(-32602, net.error("eth_call").code());
    assertEquals(-32602, net.error("eth_call", "notAnObject").code());
    assertEquals(-32602, net.error("eth_call", tx(STORE, "0x"), "latest", null, null, 5).code());
    assertEquals(-32602, net.error("eth_call", tx(STORE, "0x"), "nonsense").code());
    ObjectNode overrides = SimNet.MAPPER.createObjectNode();
    ObjectNode o = overrides.putObject(STORE.toHex());
    o.putObject("state");
    o.putObject("stateDiff");
    RpcException bothState = net.error("eth_call", tx(STORE, "0x"), "latest", overrides);
    assertEquals(-32602, bothState.code());
    assertEquals(
        "account " + STORE.toChecksumHex() + " has both 'state' and 'stateDiff'",
        bothState.getMessage());
  }

  @Test
  void callWithMatchingDataAndInput() throws Exception {
    ObjectNode same = tx(STORE, "0x");
    same.put("data", "0x");
    assertEquals("0x" + "0".repeat(63) + "5", net.call("eth_call", same).asText());
  }

  @Test
  void overridesOverJson() throws Exception {
    ObjectNode overrides = SimNet.MAPPER.createObjectNode();
    overrides
        .putObject(STORE.toHex())
        .putObject("stateDiff")
        .put(Hash.ZERO.toHex(), word(42).toHex());
    assertEquals(
        "0x" + "0".repeat(62) + "2a",
        net.call("eth_call", tx(STORE, "0x"), "latest", overrides).asText());
    Address empty = Address.fromLong(0x4242);
    ObjectNode code = SimNet.MAPPER.createObjectNode();
    code.putObject(empty.toHex()).put("code", "0x" + SimNet.STORE_RUNTIME);
    assertEquals(
        "0x" + "0".repeat(64), net.call("eth_call", tx(empty, "0x"), "latest", code).asText());
    ObjectNode block = SimNet.MAPPER.createObjectNode();
    block.put("number", "0x4d2");
    ObjectNode numberCode = SimNet.MAPPER.createObjectNode();
    numberCode.putObject(empty.toHex()).put("code", "0x4360005260206000f3");
    assertEquals(
        "0x" + "0".repeat(61) + "4d2",
        net.call("eth_call", tx(empty, "0x"), "latest", numberCode, block).asText());
  }

  @Test
  void timeoutIsGethWorded() throws Exception {
    try (SimNet slow =
        new SimNet(
            new RpcConfig(
                true,
                "127.0.0.1",
                0,
                0,
                List.of(),
                List.of("*"),
                1 << 20,
                100,
                1 << 20,
                100,
                100,
                10,
                10,
                10,
                Duration.ofMinutes(1),
                50_000_000L,
                Duration.ofNanos(1),
                BigInteger.TEN,
                2,
                10))) {
      RpcException e = slow.error("eth_call", tx(SimNet.LOOP, "0x"));
      assertEquals(-32000, e.code());
      assertEquals("execution aborted (timeout = 1ns)", e.getMessage());
    }
  }

  @Test
  void estimateThenSend() throws Exception {
    ObjectNode transfer = SimNet.MAPPER.createObjectNode();
    transfer.put("from", address(0).toHex());
    transfer.put("to", Address.fromLong(0x777).toHex());
    transfer.put("value", "0x1");
    assertEquals("0x5208", net.call("eth_estimateGas", transfer).asText());

    JsonNode gas = net.call("eth_estimateGas", tx(CALLER, word(99).toHex()), "pending");
    long g = Long.decode(gas.asText());
    Receipt r = net.include(net.tx(0, CALLER, BigInteger.ZERO, g, word(99).toArray()));
    assertTrue(r.success());

    RpcException revert = net.error("eth_estimateGas", tx(REVERTER, "0x"));
    assertEquals(3, revert.code());
    assertEquals("execution reverted: nope", revert.getMessage());
    assertEquals(Hex.encode(SimNet.NOPE), revert.data().asText());

    ObjectNode tight = tx(SimNet.LOOP, "0x");
    tight.put("gas", "0xea60");
    assertEquals(
        "gas required exceeds allowance (60000)", net.error("eth_estimateGas", tight).getMessage());
  }

  @Test
  void createAccessList() throws Exception {
    JsonNode r = net.call("eth_createAccessList", tx(CALLER, word(3).toHex()));
    assertEquals(
        json("[{'address':'" + STORE.toHex() + "','storageKeys':['" + Hash.ZERO.toHex() + "']}]"),
        r.get("accessList"));
    assertTrue(r.get("gasUsed").asText().startsWith("0x"));
    assertFalse(r.has("error"));
    JsonNode failed = net.call("eth_createAccessList", tx(REVERTER, "0x"));
    assertEquals("execution reverted", failed.get("error").asText());
    assertEquals(0, failed.get("accessList").size());
  }

  @Test
  void getProofVerifies() throws Exception {
    String full = word(0).toHex();
    JsonNode p =
        net.call("eth_getProof", STORE.toHex(), SimNet.params("0x0", full, "0x01"), "latest");
    assertEquals(STORE.toHex(), p.get("address").asText());
    assertEquals("0x0", p.get("balance").asText());
    assertEquals("0x1", p.get("nonce").asText());
    Hash root = net.chain.header(net.height).orElseThrow().stateRoot();
    List<byte[]> accountProof = nodes(p.get("accountProof"));
    Account a =
        Account.decode(TrieProofs.verify(root, Keccak256.hash(STORE.toArray()), accountProof));
    assertEquals(a.storageRoot().toHex(), p.get("storageHash").asText());
    assertEquals(a.codeHash().toHex(), p.get("codeHash").asText());
    JsonNode sp = p.get("storageProof");
    assertEquals("0x0", sp.get(0).get("key").asText(), "a short key comes back as a quantity");
    assertEquals(full, sp.get(1).get("key").asText(), "a 32-byte key comes back as given");
    assertEquals("0x1", sp.get(2).get("key").asText());
    assertEquals("0x5", sp.get(0).get("value").asText());
    assertEquals("0x0", sp.get(2).get("value").asText());
    assertEquals(
        word(5),
        StorageValues.fromTrieValue(
            TrieProofs.verify(
                a.storageRoot(),
                Keccak256.hash(Hash.ZERO.toArray()),
                nodes(sp.get(0).get("proof")))));
    assertNull(
        TrieProofs.verify(
            a.storageRoot(), Keccak256.hash(word(1).toArray()), nodes(sp.get(2).get("proof"))));

    Address nobody = Address.fromLong(0x9999);
    JsonNode absent = net.call("eth_getProof", nobody.toHex(), SimNet.params(), "latest");
    assertNull(
        TrieProofs.verify(
            root, Keccak256.hash(nobody.toArray()), nodes(absent.get("accountProof"))));
    assertEquals(Hash.EMPTY_CODE.toHex(), absent.get("codeHash").asText());
    assertEquals(Hash.EMPTY_TRIE.toHex(), absent.get("storageHash").asText());
    assertEquals(0, absent.get("storageProof").size());

    assertEquals(-32602, net.error("eth_getProof", STORE.toHex(), "0x0", "latest").code());
    assertEquals(
        "unable to decode storage key: hex string too long, want at most 32 bytes",
        net.error("eth_getProof", STORE.toHex(), SimNet.params("0x" + "1".repeat(66)), "latest")
            .getMessage());
  }

  @Test
  void registeringTwiceIsHarmless() {
    SimApi.register(
        net.registry,
        new io.zgnode.jsonrpc.eth.EthContext(
            net.chain,
            RpcConfig.DEFAULT,
            raw -> io.zgnode.jsonrpc.eth.BroadcastResult.ACCEPTED,
            "x"));
    io.zgnode.jsonrpc.debug.DebugApi.register(
        net.registry,
        new io.zgnode.jsonrpc.eth.EthContext(
            net.chain,
            RpcConfig.DEFAULT,
            raw -> io.zgnode.jsonrpc.eth.BroadcastResult.ACCEPTED,
            "x"));
    assertNotNull(net.registry.find("debug_traceCall").orElse(null));
  }

  private static List<byte[]> nodes(JsonNode arr) {
    List<byte[]> out = new ArrayList<>();
    arr.forEach(n -> out.add(Hex.decode(n.asText())));
    return out;
  }
}
