package io.zgnode.jsonrpc.eth;

import static io.zgnode.jsonrpc.eth.TestNet.address;
import static io.zgnode.jsonrpc.eth.TestNet.json;
import static io.zgnode.jsonrpc.eth.TestNet.transfer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.zgnode.chain.ChainOptions;
import io.zgnode.evm.tx.Transaction;
import io.zgnode.evm.types.Address;
import io.zgnode.jsonrpc.RpcConfig;
import io.zgnode.jsonrpc.core.RpcException;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubscriptionsTest {

  @Test
  void newHeadsNotifiesEachHeader() throws Exception {
    try (TestNet net = new TestNet()) {
      String id = net.call(net.ws, "eth_subscribe", "newHeads").asText();
      net.mine();
      net.mine(transfer(0, 0, address(1), BigInteger.ONE));
      List<JsonNode> heads = net.ws.results(id);
      assertEquals(2, heads.size());
      JsonNode block = net.call("eth_getBlockByNumber", "latest", false);
      JsonNode head = heads.get(1);
      assertEquals(block.get("hash"), head.get("hash"));
      assertEquals(block.get("parentHash"), head.get("parentHash"));
      assertEquals(block.get("stateRoot"), head.get("stateRoot"));
      assertEquals(block.get("baseFeePerGas"), head.get("baseFeePerGas"));
      assertFalse(head.has("transactions"));
      assertEquals(heads.get(0).get("hash"), head.get("parentHash"));
      assertTrue(net.call(net.ws, "eth_unsubscribe", id).asBoolean());
      net.mine();
      assertEquals(2, net.ws.results(id).size());
      RpcException again =
          assertThrows(RpcException.class, () -> net.call(net.ws, "eth_unsubscribe", id));
      assertEquals("subscription not found", again.getMessage());
    }
  }

  @Test
  void logsSubscriptionSendsOneNotificationPerMatchingLogInOrder() throws Exception {
    try (TestNet net = new TestNet()) {
      Address c = LogsTest.deployLogger(net);
      String all = net.call(net.ws, "eth_subscribe", "logs", json("{}")).asText();
      String mine =
          net.call(
                  net.ws,
                  "eth_subscribe",
                  "logs",
                  json(
                      "{'address':['"
                          + c.toHex()
                          + "'],'topics':[null,'"
                          + LogsTest.callerTopic(1)
                          + "']}"))
              .asText();
      String none = net.call(net.ws, "eth_subscribe", "logs").asText();
      net.mine(
          LogsTest.log(0, 0, c, "01"), LogsTest.log(1, 0, c, "02"), LogsTest.log(1, 1, c, "03"));
      List<JsonNode> got = net.ws.results(all);
      assertEquals(3, got.size());
      assertEquals(
          List.of("0x01", "0x02", "0x03"), got.stream().map(n -> n.get("data").asText()).toList());
      assertEquals(
          List.of("0x02", "0x03"),
          net.ws.results(mine).stream().map(n -> n.get("data").asText()).toList());
      assertEquals(3, net.ws.results(none).size(), "no filter object: every log");
      assertEquals(
          net.call("eth_getLogs", json("{}")).get(2), got.get(2), "same object as eth_getLogs");
    }
  }

  @Test
  void pendingTransactionsAsHashesOrObjects() throws Exception {
    try (TestNet net = new TestNet()) {
      String hashes = net.call(net.ws, "eth_subscribe", "newPendingTransactions").asText();
      String full = net.call(net.ws, "eth_subscribe", "newPendingTransactions", true).asText();
      Transaction tx = net.submit(transfer(0, 0, address(1), BigInteger.ONE));
      assertEquals(
          List.of(tx.hash().toHex()),
          net.ws.results(hashes).stream().map(JsonNode::asText).toList());
      JsonNode obj = net.ws.results(full).get(0);
      assertEquals(tx.hash().toHex(), obj.get("hash").asText());
      assertTrue(obj.get("blockNumber").isNull());
    }
  }

  @Test
  void syncingSendsFalseOnce() throws Exception {
    try (TestNet net = new TestNet()) {
      String id = net.call(net.ws, "eth_subscribe", "syncing").asText();
      assertEquals(1, net.ws.results(id).size());
      assertTrue(net.ws.results(id).get(0).isBoolean());
      assertFalse(net.ws.results(id).get(0).asBoolean());
      net.mine();
      assertEquals(1, net.ws.results(id).size());
    }
  }

  @Test
  void subscribeErrors() {
    try (TestNet net = new TestNet()) {
      RpcException overHttp = net.error("eth_subscribe", "newHeads");
      assertEquals(RpcException.METHOD_NOT_FOUND, overHttp.code());
      assertEquals("notifications not supported", overHttp.getMessage());
      RpcException unknown =
          assertThrows(RpcException.class, () -> net.call(net.ws, "eth_subscribe", "newBlocks"));
      assertEquals("no \"newBlocks\" subscription in eth namespace", unknown.getMessage());
      for (Object[] p :
          List.<Object[]>of(
              new Object[] {},
              new Object[] {5},
              new Object[] {"newHeads", true},
              new Object[] {"logs", json("{'address':'0x12'}")},
              new Object[] {"newPendingTransactions", "yes"})) {
        RpcException e =
            assertThrows(RpcException.class, () -> net.call(net.ws, "eth_subscribe", p));
        assertEquals(RpcException.INVALID_PARAMS, e.code(), e.getMessage());
      }
      assertEquals(0, net.api.subscriptions.count());
    }
  }

  @Test
  void asynchronousHubDeliversOffTheConsensusThread() throws Exception {
    try (TestNet net = new TestNet(RpcConfig.DEFAULT, ChainOptions.DEFAULT, false)) {
      String id = net.call(net.ws, "eth_subscribe", "newHeads").asText();
      long last = net.height + 5;
      for (int i = 0; i < 5; i++) {
        net.mine();
      }
      // The first block's event may still have been queued when the subscription began, so the
      // head count is 5 or 6; what matters is that the last one arrives and all are in order.
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (!hasHead(net.ws.results(id), last) && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
      List<JsonNode> heads = net.ws.results(id);
      assertTrue(hasHead(heads, last), "the last block arrives");
      assertTrue(heads.size() >= 5, heads.size() + " heads");
      for (int i = 1; i < heads.size(); i++) {
        assertEquals(heads.get(i - 1).get("hash"), heads.get(i).get("parentHash"), "in order");
      }
      int before = heads.size();
      net.api.close();
      net.mine();
      assertEquals(0, net.api.hub.dropped());
      assertEquals(before, net.ws.results(id).size(), "closed: detached from the chain");
    }
  }

  private static boolean hasHead(List<JsonNode> heads, long number) {
    return heads.stream().anyMatch(h -> h.get("number").asText().equals(TestNet.hex(number)));
  }
}
