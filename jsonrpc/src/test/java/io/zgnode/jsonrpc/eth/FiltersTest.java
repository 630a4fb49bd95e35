package io.zgnode.jsonrpc.eth;

import static io.zgnode.jsonrpc.eth.TestNet.address;
import static io.zgnode.jsonrpc.eth.TestNet.json;
import static io.zgnode.jsonrpc.eth.TestNet.transfer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.zgnode.chain.ChainOptions;
import io.zgnode.evm.tx.Transaction;
import io.zgnode.evm.types.Address;
import io.zgnode.jsonrpc.core.RpcException;
import java.math.BigInteger;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FiltersTest {

  @Test
  void blockFilterReportsNewBlockHashesOnce() throws Exception {
    try (TestNet net = new TestNet()) {
      String id = net.call("eth_newBlockFilter").asText();
      assertTrue(id.startsWith("0x"));
      assertEquals(0, net.call("eth_getFilterChanges", id).size());
      net.mine();
      net.mine();
      JsonNode changes = net.call("eth_getFilterChanges", id);
      assertEquals(2, changes.size());
      assertEquals(net.call("eth_getBlockByNumber", "latest", false).get("hash"), changes.get(1));
      assertEquals(0, net.call("eth_getFilterChanges", id).size());
      assertEquals(
          "filter not found", net.error("eth_getFilterLogs", id).getMessage(), "not a log filter");
      assertTrue(net.call("eth_uninstallFilter", id).asBoolean());
      assertFalse(net.call("eth_uninstallFilter", id).asBoolean());
      RpcException gone = net.error("eth_getFilterChanges", id);
      assertEquals(RpcException.TX_REJECTED, gone.code());
      assertEquals("filter not found", gone.getMessage());
    }
  }

  @Test
  void logFilterReportsMatchingLogsInOrder() throws Exception {
    try (TestNet net = new TestNet()) {
      Address c = LogsTest.deployLogger(net);
      String id =
          net.call(
                  "eth_newFilter",
                  json(
                      "{'address':'"
                          + c.toHex()
                          + "','topics':[null,'"
                          + LogsTest.callerTopic(0)
                          + "']}"))
              .asText();
      String all = net.call("eth_newFilter", json("{}")).asText();
      net.mine(
          LogsTest.log(0, 0, c, "01"), LogsTest.log(1, 0, c, "02"), LogsTest.log(0, 1, c, "03"));
      JsonNode mine = net.call("eth_getFilterChanges", id);
      assertEquals(2, mine.size());
      assertEquals("0x01", mine.get(0).get("data").asText());
      assertEquals("0x03", mine.get(1).get("data").asText());
      assertEquals("0x2", mine.get(1).get("logIndex").asText());
      assertEquals(3, net.call("eth_getFilterChanges", all).size());
      // getFilterLogs runs the filter's query over history (latest..latest by default).
      JsonNode history = net.call("eth_getFilterLogs", id);
      assertEquals(mine, history);
      assertEquals(
          mine.get(0), net.call("eth_getLogs", json("{'address':'" + c.toHex() + "'}")).get(0));
    }
  }

  @Test
  void logFilterHonoursANumericRange() throws Exception {
    try (TestNet net = new TestNet()) {
      Address c = LogsTest.deployLogger(net);
      long next = net.height + 1;
      String id =
          net.call("eth_newFilter", json("{'fromBlock':'" + TestNet.hex(next + 1) + "'}")).asText();
      net.mine(LogsTest.log(0, 0, c, "01"));
      assertEquals(0, net.call("eth_getFilterChanges", id).size());
      net.mine(LogsTest.log(0, 1, c, "02"));
      assertEquals(1, net.call("eth_getFilterChanges", id).size());
    }
  }

  @Test
  void pendingTransactionFilter() throws Exception {
    try (TestNet net = new TestNet()) {
      String id = net.call("eth_newPendingTransactionFilter").asText();
      String full = net.call("eth_newPendingTransactionFilter", true).asText();
      Transaction tx = net.submit(transfer(0, 0, address(1), BigInteger.ONE));
      JsonNode changes = net.call("eth_getFilterChanges", id);
      assertEquals(1, changes.size());
      assertEquals(tx.hash().toHex(), changes.get(0).asText());
      JsonNode fullChanges = net.call("eth_getFilterChanges", full);
      assertEquals(tx.hash().toHex(), fullChanges.get(0).get("hash").asText());
      assertTrue(fullChanges.get(0).get("blockHash").isNull());
      // A recheck is not a new transaction.
      net.chain.checkTx(tx.encoded(), true);
      assertEquals(0, net.call("eth_getFilterChanges", id).size());
    }
  }

  @Test
  void filtersExpireWhenNotPolled() throws Exception {
    try (TestNet net = new TestNet()) {
      String polled = net.call("eth_newBlockFilter").asText();
      String idle = net.call("eth_newBlockFilter").asText();
      net.clock.advance(Duration.ofMinutes(3));
      net.call("eth_getFilterChanges", polled);
      net.clock.advance(Duration.ofMinutes(3));
      assertEquals(1, net.api.filters.sweep());
      net.call("eth_getFilterChanges", polled);
      assertEquals("filter not found", net.error("eth_getFilterChanges", idle).getMessage());
      net.clock.advance(Duration.ofMinutes(6));
      assertEquals(1, net.api.filters.sweep());
      assertEquals(0, net.api.filters.size());
    }
  }

  @Test
  void filterCountIsLimited() throws Exception {
    try (TestNet net =
        new TestNet(
            TransactionMethodsTest.withLimits(10_000, 10_000, 2, Duration.ofMinutes(5)),
            ChainOptions.DEFAULT,
            true)) {
      String a = net.call("eth_newBlockFilter").asText();
      net.call("eth_newFilter", json("{}"));
      RpcException e = net.error("eth_newPendingTransactionFilter");
      assertEquals(RpcException.LIMIT_EXCEEDED, e.code());
      net.call("eth_uninstallFilter", a);
      net.call("eth_newPendingTransactionFilter");
    }
  }

  @Test
  void bufferKeepsTheNewestChanges() throws Exception {
    try (TestNet net =
        new TestNet(io.zgnode.jsonrpc.RpcConfig.DEFAULT, ChainOptions.DEFAULT, true, 3)) {
      String id = net.call("eth_newBlockFilter").asText();
      for (int i = 0; i < 5; i++) {
        net.mine();
      }
      JsonNode changes = net.call("eth_getFilterChanges", id);
      assertEquals(3, changes.size());
      assertEquals(net.call("eth_getBlockByNumber", "latest", false).get("hash"), changes.get(2));
    }
  }

  @Test
  void badFilterParams() {
    try (TestNet net = new TestNet()) {
      assertEquals(RpcException.INVALID_PARAMS, net.error("eth_getFilterChanges").code());
      assertEquals(RpcException.INVALID_PARAMS, net.error("eth_getFilterChanges", 5).code());
      assertEquals(RpcException.INVALID_PARAMS, net.error("eth_newFilter").code());
      assertEquals(RpcException.INVALID_PARAMS, net.error("eth_newFilter", "latest").code());
      assertEquals(RpcException.INVALID_PARAMS, net.error("eth_newBlockFilter", 1).code());
      assertEquals(
          RpcException.INVALID_PARAMS, net.error("eth_newPendingTransactionFilter", "yes").code());
      assertEquals("filter not found", net.error("eth_getFilterLogs", "0x1234").getMessage());
    }
  }
}
