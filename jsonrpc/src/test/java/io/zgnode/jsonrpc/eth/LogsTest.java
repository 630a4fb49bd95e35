package io.zgnode.jsonrpc.eth;

import static io.zgnode.jsonrpc.eth.TestNet.address;
import static io.zgnode.jsonrpc.eth.TestNet.hex;
import static io.zgnode.jsonrpc.eth.TestNet.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.zgnode.chain.ChainOptions;
import io.zgnode.evm.bytes.Hex;
import io.zgnode.evm.tx.Transaction;
import io.zgnode.evm.types.Address;
import io.zgnode.evm.types.Hash;
import io.zgnode.jsonrpc.core.RpcException;
import java.math.BigInteger;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LogsTest {
  static final String TOPIC7 = "0x" + "00".repeat(31) + "07";

  /** Deploys the logger contract from account 3 and returns its address. */
  static Address deployLogger(TestNet net) {
    Transaction create = TestNet.deploy(3, 0, TestNet.LOGGER_INIT);
    net.mine(create);
    return net.chain.receipt(create.hash()).contractAddress();
  }

  static Transaction log(int from, long nonce, Address contract, String dataHex) {
    return TestNet.eip1559(from, nonce, contract, BigInteger.ZERO, 60_000, Hex.decode(dataHex));
  }

  static String callerTopic(int i) {
    return "0x" + "00".repeat(12) + address(i).toHex().substring(2);
  }

  @Test
  void filtersByAddressAndTopics() throws Exception {
    try (TestNet net = new TestNet()) {
      Address c = deployLogger(net);
      net.mine(log(0, 0, c, "01"), log(1, 0, c, "02"));
      net.mine(log(0, 1, c, "03"));
      JsonNode all = net.call("eth_getLogs", json("{'fromBlock':'0x1','toBlock':'latest'}"));
      assertEquals(3, all.size());
      assertEquals("0x01", all.get(0).get("data").asText());
      assertEquals("0x02", all.get(1).get("data").asText());
      assertEquals("0x03", all.get(2).get("data").asText());
      assertEquals("0x1", all.get(1).get("logIndex").asText());
      assertEquals("0x1", all.get(1).get("transactionIndex").asText());
      assertEquals(TOPIC7, all.get(0).get("topics").get(0).asText());
      assertEquals(callerTopic(0), all.get(0).get("topics").get(1).asText());

      String q =
          "{'fromBlock':'0x1','address':'"
              + c.toHex()
              + "','topics':[null,'"
              + callerTopic(0)
              + "']}";
      assertEquals(2, net.call("eth_getLogs", json(q)).size());
      q =
          "{'fromBlock':'0x1','address':['"
              + c.toHex()
              + "','"
              + address(3).toHex()
              + "'],'topics':['"
              + TOPIC7
              + "',['"
              + callerTopic(1)
              + "','"
              + callerTopic(2)
              + "']]}";
      JsonNode one = net.call("eth_getLogs", json(q));
      assertEquals(1, one.size());
      assertEquals("0x02", one.get(0).get("data").asText());
      q =
          "{'fromBlock':'0x1','topics':[[null,'"
              + Hash.ZERO.toHex()
              + "'],['"
              + callerTopic(1)
              + "',null]]}";
      assertEquals(3, net.call("eth_getLogs", json(q)).size(), "a null in a position means any");
      q = "{'fromBlock':'0x1','address':'" + address(2).toHex() + "'}";
      assertEquals(0, net.call("eth_getLogs", json(q)).size());
      q = "{'fromBlock':'0x1','topics':[null,null,'" + TOPIC7 + "']}";
      assertEquals(0, net.call("eth_getLogs", json(q)).size(), "only two topics");
      // Defaults: latest..latest.
      assertEquals(1, net.call("eth_getLogs", json("{}")).size());
      assertEquals(
          1, net.call("eth_getLogs", json("{'fromBlock':'pending','toBlock':'pending'}")).size());
    }
  }

  @Test
  void blockHashAndRanges() throws Exception {
    try (TestNet net = new TestNet()) {
      Address c = deployLogger(net);
      net.mine(log(0, 0, c, "aa"));
      String hash = net.call("eth_getBlockByNumber", "latest", false).get("hash").asText();
      JsonNode byHash = net.call("eth_getLogs", json("{'blockHash':'" + hash + "'}"));
      assertEquals(1, byHash.size());
      assertEquals(hash, byHash.get(0).get("blockHash").asText());
      assertEquals(
          "unknown block",
          net.error("eth_getLogs", json("{'blockHash':'" + Hash.ZERO.toHex() + "'}")).getMessage());
      RpcException both =
          net.error("eth_getLogs", json("{'blockHash':'" + hash + "','fromBlock':'0x1'}"));
      assertEquals(RpcException.INVALID_PARAMS, both.code());
      assertEquals(
          "cannot specify both BlockHash and FromBlock/ToBlock, choose one or the other",
          both.getMessage());
      RpcException range = net.error("eth_getLogs", json("{'fromBlock':'0x3','toBlock':'0x2'}"));
      assertEquals(RpcException.INVALID_PARAMS, range.code());
      assertEquals("invalid block range params", range.getMessage());
      // toBlock past the head is clipped; a range wholly in the future is empty.
      assertEquals(
          1, net.call("eth_getLogs", json("{'fromBlock':'0x0','toBlock':'0x100'}")).size());
      assertEquals(
          0, net.call("eth_getLogs", json("{'fromBlock':'0x50','toBlock':'0x100'}")).size());
      assertEquals(0, net.call("eth_getLogs", json("{'fromBlock':'0x50'}")).size());
      assertEquals(1, net.call("eth_getLogs", json("{'fromBlock':'earliest'}")).size());
    }
  }

  @Test
  void limitsAnswerMinus32005() throws Exception {
    try (TestNet net =
        new TestNet(
            TransactionMethodsTest.withLimits(3, 2, 10, Duration.ofMinutes(5)),
            ChainOptions.DEFAULT,
            true)) {
      Address c = deployLogger(net);
      net.mine(log(0, 0, c, "01"), log(1, 0, c, "02"), log(2, 0, c, "03"));
      RpcException wide = net.error("eth_getLogs", json("{'fromBlock':'0x0','toBlock':'latest'}"));
      assertEquals(RpcException.LIMIT_EXCEEDED, wide.code());
      RpcException many = net.error("eth_getLogs", json("{}"));
      assertEquals(RpcException.LIMIT_EXCEEDED, many.code(), many.getMessage());
      String q = "{'topics':[null,'" + callerTopic(1) + "']}";
      assertEquals(1, net.call("eth_getLogs", json(q)).size());
    }
  }

  @Test
  void badFilterObjects() {
    try (TestNet net = new TestNet()) {
      String[] bad = {
        "{'address':'0x12'}",
        "{'address':5}",
        "{'address':['0x12']}",
        "{'topics':'0x12'}",
        "{'topics':['0x12']}",
        "{'topics':[5]}",
        "{'topics':[null,null,null,null,null]}",
        "{'fromBlock':'0x01'}",
        "{'fromBlock':'yesterday'}",
        "{'toBlock':true}",
        "{'blockHash':'0x12'}",
        "[]"
      };
      for (String b : bad) {
        RpcException e = net.error("eth_getLogs", json(b));
        assertEquals(RpcException.INVALID_PARAMS, e.code(), b + ": " + e.getMessage());
      }
      assertEquals(RpcException.INVALID_PARAMS, net.error("eth_getLogs").code());
      assertTrue(
          net.error("eth_getLogs", json("{'topics':[null,null,null,null,null]}"))
              .getMessage()
              .contains("exceed max topics"));
      assertEquals(hex(0), "0x0");
    }
  }
}
