package io.zgnode.jsonrpc.eth;

import static io.zgnode.jsonrpc.eth.TestNet.address;
import static io.zgnode.jsonrpc.eth.TestNet.hex;
import static io.zgnode.jsonrpc.eth.TestNet.transfer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.zgnode.chain.ChainOptions;
import io.zgnode.evm.tx.Transaction;
import io.zgnode.evm.types.Address;
import io.zgnode.evm.types.Hash;
import io.zgnode.jsonrpc.RpcConfig;
import io.zgnode.jsonrpc.core.RpcException;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class StateMethodsTest {

  @Test
  void balanceAndNonceAtEveryHeight() throws Exception {
    try (TestNet net = new TestNet()) {
      String a0 = address(0).toHex();
      String fresh = Address.fromLong(0xbeef).toHex();
      net.mine(transfer(0, 0, Address.fromLong(0xbeef), TestNet.ETH));
      long h2 = net.height;
      net.mine(transfer(0, 1, Address.fromLong(0xbeef), TestNet.ETH));
      assertEquals("0x0", net.call("eth_getBalance", fresh, "0x1").asText());
      assertEquals(hex(TestNet.ETH), net.call("eth_getBalance", fresh, hex(h2)).asText());
      assertEquals(
          hex(TestNet.ETH.multiply(BigInteger.TWO)),
          net.call("eth_getBalance", fresh, "latest").asText());
      assertEquals(net.call("eth_getBalance", fresh, "latest"), net.call("eth_getBalance", fresh));
      assertEquals(hex(TestNet.FUNDS), net.call("eth_getBalance", a0, "earliest").asText());
      assertEquals("0x0", net.call("eth_getTransactionCount", a0, "0x1").asText());
      assertEquals("0x1", net.call("eth_getTransactionCount", a0, hex(h2)).asText());
      assertEquals("0x2", net.call("eth_getTransactionCount", a0, "latest").asText());
      assertEquals("0x0", net.call("eth_getTransactionCount", fresh, "latest").asText());
      // EIP-1898 objects and bare hashes.
      String h2Hash = net.call("eth_getBlockByNumber", hex(h2), false).get("hash").asText();
      assertEquals(
          "0x1",
          net.call("eth_getTransactionCount", a0, TestNet.json("{'blockHash':'" + h2Hash + "'}"))
              .asText());
      assertEquals(
          "0x1",
          net.call(
                  "eth_getTransactionCount",
                  a0,
                  TestNet.json("{'blockHash':'" + h2Hash + "','requireCanonical':true}"))
              .asText());
      assertEquals(
          "0x1",
          net.call("eth_getTransactionCount", a0, TestNet.json("{'blockNumber':'" + hex(h2) + "'}"))
              .asText());
      assertEquals("0x1", net.call("eth_getTransactionCount", a0, h2Hash).asText());
    }
  }

  @Test
  void pendingNonceCountsContiguousMempoolTransactions() throws Exception {
    try (TestNet net = new TestNet()) {
      String a0 = address(0).toHex();
      net.mine(transfer(0, 0, address(1), BigInteger.ONE));
      net.submit(transfer(0, 1, address(1), BigInteger.ONE));
      net.submit(transfer(0, 2, address(1), BigInteger.ONE));
      assertEquals("0x1", net.call("eth_getTransactionCount", a0, "latest").asText());
      assertEquals("0x3", net.call("eth_getTransactionCount", a0, "pending").asText());
      // Other state at "pending" reads the latest state.
      assertEquals(
          net.call("eth_getBalance", a0, "latest"), net.call("eth_getBalance", a0, "pending"));
    }
  }

  @Test
  void codeAndStorage() throws Exception {
    try (TestNet net = new TestNet()) {
      Transaction create = TestNet.deploy(0, 0, TestNet.STORE_INIT);
      net.mine(create);
      Address c = net.chain.receipt(create.hash()).contractAddress();
      assertEquals(
          "0x" + TestNet.LOGGER_RUNTIME, net.call("eth_getCode", c.toHex(), "latest").asText());
      assertEquals("0x", net.call("eth_getCode", c.toHex(), "0x1").asText());
      assertEquals("0x", net.call("eth_getCode", address(0).toHex()).asText());
      String v42 = "0x" + "00".repeat(31) + "2a";
      String v7 = "0x" + "00".repeat(31) + "07";
      assertEquals(v42, net.call("eth_getStorageAt", c.toHex(), "0x0", "latest").asText());
      assertEquals(v42, net.call("eth_getStorageAt", c.toHex(), "0x00", "latest").asText());
      assertEquals(
          v42, net.call("eth_getStorageAt", c.toHex(), Hash.ZERO.toHex(), "latest").asText());
      assertEquals(v7, net.call("eth_getStorageAt", c.toHex(), "0x1").asText());
      assertEquals(
          v7, net.call("eth_getStorageAt", c.toHex(), "0x" + "00".repeat(31) + "01").asText());
      assertEquals(Hash.ZERO.toHex(), net.call("eth_getStorageAt", c.toHex(), "0x2").asText());
      assertEquals(
          Hash.ZERO.toHex(), net.call("eth_getStorageAt", c.toHex(), "0x0", "0x1").asText());
      RpcException longSlot =
          net.error("eth_getStorageAt", c.toHex(), "0x" + "00".repeat(33), "latest");
      assertEquals(RpcException.INVALID_PARAMS, longSlot.code());
      assertTrue(longSlot.getMessage().contains("too long"), longSlot.getMessage());
      assertEquals(
          RpcException.INVALID_PARAMS, net.error("eth_getStorageAt", c.toHex(), "0xzz").code());
      assertEquals(RpcException.INVALID_PARAMS, net.error("eth_getStorageAt", c.toHex(), 1).code());
    }
  }

  @Test
  void futureUnknownAndBadBlocks() throws Exception {
    try (TestNet net = new TestNet()) {
      String a0 = address(0).toHex();
      RpcException future = net.error("eth_getBalance", a0, "0x64");
      assertEquals(RpcException.TX_REJECTED, future.code());
      assertEquals("header not found", future.getMessage());
      assertEquals("header not found", net.error("eth_getCode", a0, "0x64").getMessage());
      assertEquals(
          "header not found", net.error("eth_getTransactionCount", a0, "0x64").getMessage());
      assertEquals(
          "header for hash not found",
          net.error("eth_getBalance", a0, TestNet.json("{'blockHash':'" + Hash.ZERO.toHex() + "'}"))
              .getMessage());
      RpcException shortAddr = net.error("eth_getBalance", "0x1234", "latest");
      assertEquals(RpcException.INVALID_PARAMS, shortAddr.code());
      assertTrue(shortAddr.getMessage().contains("want 40 for common.Address"));
      assertEquals(RpcException.INVALID_PARAMS, net.error("eth_getBalance", a0, "0x01").code());
      assertEquals(RpcException.INVALID_PARAMS, net.error("eth_getBalance", a0, "newest").code());
      assertEquals(
          RpcException.INVALID_PARAMS, net.error("eth_getBalance", a0, TestNet.json("{}")).code());
      assertEquals(RpcException.INVALID_PARAMS, net.error("eth_getBalance").code());
      assertEquals(
          RpcException.INVALID_PARAMS, net.error("eth_getBalance", a0, "latest", 1).code());
      assertEquals(RpcException.INVALID_PARAMS, net.error("eth_getBalance", 12, "latest").code());
    }
  }

  @Test
  void prunedHeightsNameTheRetentionWindow() throws Exception {
    try (TestNet net = new TestNet(RpcConfig.DEFAULT, new ChainOptions(false, 2), true)) {
      for (int i = 0; i < 4; i++) {
        net.mine();
      }
      String a0 = address(0).toHex();
      RpcException pruned = net.error("eth_getBalance", a0, "0x1");
      assertEquals(RpcException.TX_REJECTED, pruned.code());
      assertTrue(pruned.getMessage().contains("pruned"), pruned.getMessage());
      assertTrue(
          pruned.getMessage().contains("from height " + (net.height - 1)), pruned.getMessage());
      assertEquals(
          pruned.getMessage(), net.error("eth_getTransactionCount", a0, "0x1").getMessage());
      assertTrue(net.error("eth_getCode", a0, "earliest").getMessage().contains("height 0 is"));
      assertEquals(
          hex(TestNet.FUNDS), net.call("eth_getBalance", a0, hex(net.height - 1)).asText());
      // Blocks stay readable below the state window.
      JsonNode b1 = net.call("eth_getBlockByNumber", "0x1", false);
      assertEquals("0x1", b1.get("number").asText());
    }
  }
}
