package io.zgnode.jsonrpc.eth;

import static io.zgnode.jsonrpc.eth.TestNet.address;
import static io.zgnode.jsonrpc.eth.TestNet.transfer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.zgnode.evm.tx.Transaction;
import io.zgnode.jsonrpc.core.RpcException;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class TxPoolMethodsTest {

  @Test
  void statusContentAndInspect() throws Exception {
    try (TestNet net = new TestNet()) {
      JsonNode empty = net.call("txpool_status");
      assertEquals("0x0", empty.get("pending").asText());
      assertEquals("0x0", empty.get("queued").asText());
      Transaction a0 = net.submit(transfer(0, 0, address(1), BigInteger.TEN));
      Transaction a1 = net.submit(transfer(0, 1, address(1), BigInteger.TEN));
      Transaction b0 = net.submit(TestNet.deploy(2, 0, TestNet.LOGGER_INIT));
      assertEquals("0x3", net.call("txpool_status").get("pending").asText());

      JsonNode content = net.call("txpool_content");
      assertEquals(0, content.get("queued").size());
      JsonNode from0 = content.get("pending").get(address(0).toHex());
      assertEquals(a0.hash().toHex(), from0.get("0").get("hash").asText());
      assertEquals(a1.hash().toHex(), from0.get("1").get("hash").asText());
      assertTrue(from0.get("1").get("blockHash").isNull());
      assertEquals(
          b0.hash().toHex(),
          content.get("pending").get(address(2).toHex()).get("0").get("hash").asText());

      JsonNode only = net.call("txpool_contentFrom", address(0).toHex());
      assertEquals(from0, only.get("pending"));
      assertEquals(0, net.call("txpool_contentFrom", address(3).toHex()).get("pending").size());

      JsonNode inspect = net.call("txpool_inspect");
      assertEquals(
          address(1).toChecksumHex() + ": 10 wei + 21000 gas × 2000000000 wei",
          inspect.get("pending").get(address(0).toHex()).get("0").asText());
      assertEquals(
          "contract creation: 0 wei + 300000 gas × 2000000000 wei",
          inspect.get("pending").get(address(2).toHex()).get("0").asText());

      net.mine();
      assertEquals("0x0", net.call("txpool_status").get("pending").asText());
      assertEquals(RpcException.INVALID_PARAMS, net.error("txpool_contentFrom", "0x12").code());
      assertEquals(RpcException.INVALID_PARAMS, net.error("txpool_status", 1).code());
    }
  }
}
