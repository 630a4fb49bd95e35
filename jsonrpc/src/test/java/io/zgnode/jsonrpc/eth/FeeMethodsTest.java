package io.zgnode.jsonrpc.eth;

import static io.zgnode.jsonrpc.eth.TestNet.GWEI;
import static io.zgnode.jsonrpc.eth.TestNet.address;
import static io.zgnode.jsonrpc.eth.TestNet.hex;
import static io.zgnode.jsonrpc.eth.TestNet.key;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.zgnode.evm.tx.Transaction;
import io.zgnode.evm.tx.TransactionBuilder;
import io.zgnode.jsonrpc.core.RpcException;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeeMethodsTest {

  static Transaction tipped(int from, long nonce, long tipGwei, long gas) {
    return TransactionBuilder.eip1559()
        .chainId(TestNet.CHAIN_ID)
        .nonce(nonce)
        .maxPriorityFeePerGas(GWEI.multiply(BigInteger.valueOf(tipGwei)))
        .maxFeePerGas(GWEI.multiply(BigInteger.valueOf(100)))
        .gasLimit(gas)
        .to(address(3))
        .sign(key(from));
  }

  @Test
  void gasPriceAndTipWithoutData() throws Exception {
    try (TestNet net = new TestNet()) {
      assertEquals("0x0", net.call("eth_maxPriorityFeePerGas").asText());
      assertEquals(hex(net.chain.nextBaseFee()), net.call("eth_gasPrice").asText());
      assertEquals("0x1", net.call("eth_blobBaseFee").asText());
      assertEquals(RpcException.INVALID_PARAMS, net.error("eth_gasPrice", "latest").code());
    }
  }

  @Test
  void suggestedTipIsTheSixtiethPercentileOfLowTips() throws Exception {
    try (TestNet net = new TestNet()) {
      // Block A: tips 1, 5, 9 gwei; block B: tips 2, 3 gwei -> samples 1,2,3,5,9 -> index 2 -> 3.
      net.mine(tipped(0, 0, 1, 21_000), tipped(1, 0, 5, 21_000), tipped(2, 0, 9, 21_000));
      net.mine(tipped(0, 1, 2, 21_000), tipped(1, 1, 3, 21_000));
      BigInteger tip = GWEI.multiply(BigInteger.valueOf(3));
      assertEquals(hex(tip), net.call("eth_maxPriorityFeePerGas").asText());
      assertEquals(hex(net.chain.nextBaseFee().add(tip)), net.call("eth_gasPrice").asText());
    }
  }

  @Test
  void feeHistoryAsHardhatReadsIt() throws Exception {
    try (TestNet net = new TestNet()) {
      net.mine(tipped(0, 0, 1, 21_000), tipped(1, 0, 4, 21_000));
      JsonNode h = net.call("eth_feeHistory", "0x1", "latest", List.of(50));
      assertEquals(hex(net.height), h.get("oldestBlock").asText());
      assertEquals(2, h.get("baseFeePerGas").size());
      assertEquals(hex(net.chain.nextBaseFee()), h.get("baseFeePerGas").get(1).asText());
      assertEquals(1, h.get("gasUsedRatio").size());
      assertEquals(42_000.0 / 100_000_000, h.get("gasUsedRatio").get(0).asDouble(), 1e-12);
      assertEquals(1, h.get("reward").size());
      // Two transactions of 21000 gas: the 50th percentile threshold (21000) is reached by the
      // first, the lower tip.
      assertEquals(hex(GWEI), h.get("reward").get(0).get(0).asText());
      assertEquals(2, h.get("baseFeePerBlobGas").size());
      assertEquals(1, h.get("blobGasUsedRatio").size());
    }
  }

  @Test
  void blockCountAsHexDecimalOrInteger() throws Exception {
    try (TestNet net = new TestNet()) {
      for (int i = 0; i < 3; i++) {
        net.mine();
      }
      long head = net.height;
      JsonNode asInt = net.call("eth_feeHistory", 10, "latest");
      // Clipped to the blocks there are: genesis (0) to head.
      assertEquals("0x0", asInt.get("oldestBlock").asText());
      assertEquals(head + 2, asInt.get("baseFeePerGas").size());
      assertEquals(head + 1, asInt.get("gasUsedRatio").size());
      assertFalse(asInt.has("reward"));
      assertEquals(asInt, net.call("eth_feeHistory", "0xa", "latest"));
      assertEquals(asInt, net.call("eth_feeHistory", "10", "latest", List.of()));
      JsonNode two = net.call("eth_feeHistory", 2, hex(head - 1), List.of(10, 20, 30));
      assertEquals(hex(head - 2), two.get("oldestBlock").asText());
      assertEquals(3, two.get("baseFeePerGas").size());
      assertEquals(2, two.get("reward").size());
      assertEquals(List.of("0x0", "0x0", "0x0"), texts(two.get("reward").get(0)));
      // The entry after the newest block is the next block's base fee.
      assertEquals(
          net.call("eth_getBlockByNumber", hex(head), false).get("baseFeePerGas"),
          two.get("baseFeePerGas").get(2));
      JsonNode none = net.call("eth_feeHistory", "0x0", "latest");
      assertEquals("0x0", none.get("oldestBlock").asText());
      JsonNode pending = net.call("eth_feeHistory", 1, "pending");
      assertEquals(hex(head), pending.get("oldestBlock").asText());
    }
  }

  @Test
  void feeHistoryErrors() {
    try (TestNet net = new TestNet()) {
      RpcException beyond = net.error("eth_feeHistory", "0x1", "0x64");
      assertEquals(RpcException.TX_REJECTED, beyond.code());
      assertTrue(beyond.getMessage().startsWith("request beyond head block"), beyond.getMessage());
      for (Object pct :
          List.of(
              List.of(50, 10), List.of(-1), List.of(101), List.of(10, 10), List.of("50"), "50")) {
        RpcException e = net.error("eth_feeHistory", "0x1", "latest", pct);
        assertEquals(RpcException.INVALID_PARAMS, e.code(), String.valueOf(pct));
      }
      assertEquals(RpcException.INVALID_PARAMS, net.error("eth_feeHistory", -1, "latest").code());
      assertEquals(
          RpcException.INVALID_PARAMS, net.error("eth_feeHistory", "0xzz", "latest").code());
      assertEquals(RpcException.INVALID_PARAMS, net.error("eth_feeHistory", true, "latest").code());
      assertEquals(RpcException.INVALID_PARAMS, net.error("eth_feeHistory", "0x1").code());
    }
  }

  @Test
  void rewardsWeightTipsByGasUsed() {
    FeeOracle.BlockFees f =
        new FeeOracle.BlockFees(
            BigInteger.ONE,
            100,
            1000,
            List.of(
                new FeeOracle.Tip(BigInteger.valueOf(1), 10),
                new FeeOracle.Tip(BigInteger.valueOf(2), 60),
                new FeeOracle.Tip(BigInteger.valueOf(3), 30)));
    JsonNode row = FeeOracle.rewards(f, new double[] {0, 10, 11, 70, 71, 100});
    assertEquals(List.of("0x1", "0x1", "0x2", "0x2", "0x3", "0x3"), texts(row));
  }

  private static List<String> texts(JsonNode array) {
    java.util.List<String> out = new java.util.ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
