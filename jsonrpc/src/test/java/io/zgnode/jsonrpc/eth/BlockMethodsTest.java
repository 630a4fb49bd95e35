package io.zgnode.jsonrpc.eth;

import static io.zgnode.jsonrpc.eth.TestNet.address;
import static io.zgnode.jsonrpc.eth.TestNet.hex;
import static io.zgnode.jsonrpc.eth.TestNet.transfer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.zgnode.chain.block.EthHeader;
import io.zgnode.evm.rlp.RlpWriter;
import io.zgnode.evm.tx.Transaction;
import io.zgnode.evm.types.Hash;
import io.zgnode.jsonrpc.core.RpcException;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlockMethodsTest {

  @Test
  void latestEarliestNumberAndHashAgree() throws Exception {
    try (TestNet net = new TestNet()) {
      net.mine();
      net.mine();
      assertEquals("0x3", net.call("eth_blockNumber").asText());
      JsonNode latest = net.call("eth_getBlockByNumber", "latest", false);
      assertEquals("0x3", latest.get("number").asText());
      JsonNode byHash = net.call("eth_getBlockByHash", latest.get("hash").asText(), false);
      assertEquals(latest, byHash);
      assertEquals(latest, net.call("eth_getBlockByNumber", "0x3", false));
      assertEquals(latest, net.call("eth_getBlockByNumber", "safe", false));
      assertEquals(latest, net.call("eth_getBlockByNumber", "finalized", false));
      JsonNode genesis = net.call("eth_getBlockByNumber", "earliest", false);
      assertEquals("0x0", genesis.get("number").asText());
      // parentHash chains all the way down.
      for (long n = 3; n >= 1; n--) {
        JsonNode b = net.call("eth_getBlockByNumber", hex(n), false);
        JsonNode parent = net.call("eth_getBlockByNumber", hex(n - 1), false);
        assertEquals(parent.get("hash"), b.get("parentHash"), "parent of " + n);
      }
    }
  }

  @Test
  void blockHasEveryPostMergeField() throws Exception {
    try (TestNet net = new TestNet()) {
      JsonNode b = net.call("eth_getBlockByNumber", "latest", false);
      for (String f :
          List.of(
              "number",
              "hash",
              "parentHash",
              "nonce",
              "sha3Uncles",
              "logsBloom",
              "transactionsRoot",
              "stateRoot",
              "receiptsRoot",
              "miner",
              "difficulty",
              "totalDifficulty",
              "extraData",
              "size",
              "gasLimit",
              "gasUsed",
              "timestamp",
              "transactions",
              "uncles",
              "baseFeePerGas",
              "mixHash",
              "withdrawals",
              "withdrawalsRoot",
              "blobGasUsed",
              "excessBlobGas",
              "parentBeaconBlockRoot",
              "requestsHash")) {
        assertTrue(b.has(f), "missing " + f);
      }
      assertEquals("0x0000000000000000", b.get("nonce").asText());
      assertEquals(
          "0x1dcc4de8dec75d7aab85b567b6ccd41ad312451b948a7413f0a142fd40d49347",
          b.get("sha3Uncles").asText());
      assertEquals("0x0", b.get("difficulty").asText());
      assertEquals("0x0", b.get("totalDifficulty").asText());
      assertEquals(hex(100_000_000L), b.get("gasLimit").asText());
      assertEquals(hex(1_000_000_000L), b.get("baseFeePerGas").asText());
      assertEquals(514, b.get("logsBloom").asText().length());
      assertEquals(0, b.get("uncles").size());
      assertEquals(0, b.get("withdrawals").size());
      assertEquals(hex(net.time), b.get("timestamp").asText());
      // The hash is keccak of the header's RLP.
      EthHeader h = net.chain.header(1).orElseThrow();
      assertEquals(Hash.keccak(h.rlp()).toHex(), b.get("hash").asText());
    }
  }

  @Test
  void fullTransactionsAndSizeMatchTheBlockRlp() throws Exception {
    try (TestNet net = new TestNet()) {
      Transaction t1 = transfer(0, 0, address(1), BigInteger.ONE);
      Transaction t2 = transfer(0, 1, address(2), BigInteger.TWO);
      Transaction legacy =
          io.zgnode.evm.tx.TransactionBuilder.legacy()
              .chainId(TestNet.CHAIN_ID)
              .nonce(0)
              .gasPrice(TestNet.GWEI.multiply(BigInteger.TWO))
              .gasLimit(21_000)
              .to(address(3))
              .value(BigInteger.TEN)
              .sign(TestNet.key(1));
      net.mine(t1, t2, legacy);
      JsonNode hashes = net.call("eth_getBlockByNumber", "latest", false);
      assertEquals(3, hashes.get("transactions").size());
      assertEquals(t1.hash().toHex(), hashes.get("transactions").get(0).asText());
      assertEquals(hex(3 * 21_000L), hashes.get("gasUsed").asText());
      JsonNode full = net.call("eth_getBlockByNumber", "latest", true);
      JsonNode tx0 = full.get("transactions").get(0);
      assertEquals(t1.hash().toHex(), tx0.get("hash").asText());
      assertEquals(address(0).toHex(), tx0.get("from").asText());
      assertEquals(full.get("hash"), tx0.get("blockHash"));
      assertEquals("0x0", tx0.get("transactionIndex").asText());
      assertEquals("0x2", full.get("transactions").get(2).get("transactionIndex").asText());
      assertEquals("0x0", full.get("transactions").get(2).get("type").asText());

      EthHeader h = net.chain.header(2).orElseThrow();
      RlpWriter w = new RlpWriter(1024);
      w.startList().writeRaw(h.rlp()).startList();
      for (Transaction t : List.of(t1, t2, legacy)) {
        if (t.encoded()[0] >= 0 && (t.encoded()[0] & 0xff) < 0x7f) {
          w.writeBytes(t.encoded());
        } else {
          w.writeRaw(t.encoded());
        }
      }
      w.endList().startList().endList().startList().endList().endList();
      assertEquals(hex(w.toByteArray().length), full.get("size").asText());
      assertEquals(full.get("size"), hashes.get("size"));
    }
  }

  @Test
  void unknownBlocksAreNull() throws Exception {
    try (TestNet net = new TestNet()) {
      assertTrue(net.call("eth_getBlockByNumber", "0x99", false).isNull());
      assertTrue(net.call("eth_getBlockByHash", Hash.keccak(new byte[1]).toHex(), true).isNull());
      assertTrue(net.call("eth_getBlockTransactionCountByNumber", "0x99").isNull());
      assertTrue(net.call("eth_getBlockTransactionCountByHash", Hash.ZERO.toHex()).isNull());
      assertTrue(net.call("eth_getTransactionByBlockNumberAndIndex", "0x99", "0x0").isNull());
      assertTrue(
          net.call("eth_getTransactionByBlockHashAndIndex", Hash.ZERO.toHex(), "0x0").isNull());
      assertTrue(net.call("eth_getTransactionByBlockNumberAndIndex", "latest", "0x5").isNull());
      assertTrue(net.call("eth_getBlockReceipts", "0x99").isNull());
      assertTrue(net.call("eth_getUncleCountByBlockNumber", "0x99").isNull());
      assertTrue(net.call("eth_getUncleCountByBlockHash", Hash.ZERO.toHex()).isNull());
    }
  }

  @Test
  void countsIndexesReceiptsAndUncles() throws Exception {
    try (TestNet net = new TestNet()) {
      Transaction t1 = transfer(0, 0, address(1), BigInteger.ONE);
      Transaction t2 = transfer(1, 0, address(2), BigInteger.ONE);
      net.mine(t1, t2);
      JsonNode block = net.call("eth_getBlockByNumber", "latest", false);
      String hash = block.get("hash").asText();
      assertEquals("0x2", net.call("eth_getBlockTransactionCountByNumber", "latest").asText());
      assertEquals("0x2", net.call("eth_getBlockTransactionCountByHash", hash).asText());
      assertEquals("0x0", net.call("eth_getBlockTransactionCountByNumber", "earliest").asText());
      JsonNode second = net.call("eth_getTransactionByBlockHashAndIndex", hash, "0x1");
      assertEquals(t2.hash().toHex(), second.get("hash").asText());
      assertEquals(second, net.call("eth_getTransactionByBlockNumberAndIndex", "0x2", "0x1"));
      JsonNode receipts = net.call("eth_getBlockReceipts", "latest");
      assertEquals(2, receipts.size());
      assertEquals(t1.hash().toHex(), receipts.get(0).get("transactionHash").asText());
      assertEquals(hash, receipts.get(1).get("blockHash").asText());
      assertEquals(receipts, net.call("eth_getBlockReceipts", hash));
      assertEquals(
          receipts, net.call("eth_getBlockReceipts", TestNet.json("{'blockHash':'" + hash + "'}")));
      assertEquals("0x0", net.call("eth_getUncleCountByBlockHash", hash).asText());
      assertEquals("0x0", net.call("eth_getUncleCountByBlockNumber", "latest").asText());
      assertTrue(net.call("eth_getUncleByBlockHashAndIndex", hash, "0x0").isNull());
      assertTrue(net.call("eth_getUncleByBlockNumberAndIndex", "latest", "0x0").isNull());
    }
  }

  @Test
  void pendingBlockHoldsTheMempool() throws Exception {
    try (TestNet net = new TestNet()) {
      JsonNode latest = net.call("eth_getBlockByNumber", "latest", false);
      JsonNode empty = net.call("eth_getBlockByNumber", "pending", false);
      assertEquals(0, empty.get("transactions").size());
      Transaction a0 = net.submit(transfer(0, 0, address(1), BigInteger.ONE));
      Transaction a1 = net.submit(transfer(0, 1, address(1), BigInteger.ONE));
      Transaction b0 = net.submit(transfer(2, 0, address(1), BigInteger.ONE));
      JsonNode pending = net.call("eth_getBlockByNumber", "pending", false);
      assertEquals(hex(net.height + 1), pending.get("number").asText());
      assertTrue(pending.get("hash").isNull());
      assertTrue(pending.get("nonce").isNull());
      assertTrue(pending.get("miner").isNull());
      assertEquals(latest.get("hash"), pending.get("parentHash"));
      assertEquals(hex(net.chain.nextBaseFee()), pending.get("baseFeePerGas").asText());
      assertEquals(3, pending.get("transactions").size());
      List<String> hashes =
          List.of(
              pending.get("transactions").get(0).asText(),
              pending.get("transactions").get(1).asText(),
              pending.get("transactions").get(2).asText());
      assertTrue(
          hashes.containsAll(List.of(a0.hash().toHex(), a1.hash().toHex(), b0.hash().toHex())));
      assertTrue(hashes.indexOf(a0.hash().toHex()) < hashes.indexOf(a1.hash().toHex()));
      JsonNode full = net.call("eth_getBlockByNumber", "pending", true);
      assertTrue(full.get("transactions").get(0).get("blockHash").isNull());
      assertEquals("0x3", net.call("eth_getBlockTransactionCountByNumber", "pending").asText());
      JsonNode byIndex = net.call("eth_getTransactionByBlockNumberAndIndex", "pending", "0x0");
      assertTrue(byIndex.get("blockNumber").isNull());
      assertTrue(net.call("eth_getTransactionByBlockNumberAndIndex", "pending", "0x3").isNull());
      assertEquals("0x0", net.call("eth_getUncleCountByBlockNumber", "pending").asText());
      assertTrue(net.call("eth_getBlockReceipts", "pending").isNull());
      net.mine();
      assertEquals(
          0, net.call("eth_getBlockByNumber", "pending", false).get("transactions").size());
    }
  }

  @Test
  void badParamsAreInvalidParams() {
    try (TestNet net = new TestNet()) {
      for (Object[] params :
          List.<Object[]>of(
              new Object[] {"0x01", false},
              new Object[] {"1", false},
              new Object[] {"0x", false},
              new Object[] {"0xzz", false},
              new Object[] {"Latest", false},
              new Object[] {"latest", "true"},
              new Object[] {},
              new Object[] {"latest", false, 1})) {
        RpcException e = net.error("eth_getBlockByNumber", params);
        assertEquals(RpcException.INVALID_PARAMS, e.code(), e.getMessage());
      }
      RpcException shortHash = net.error("eth_getBlockByHash", "0x1234", false);
      assertEquals(RpcException.INVALID_PARAMS, shortHash.code());
      assertTrue(
          shortHash.getMessage().contains("want 64 for common.Hash"), shortHash.getMessage());
      RpcException leading = net.error("eth_getTransactionByBlockNumberAndIndex", "latest", "0x00");
      assertTrue(leading.getMessage().contains("leading zero"), leading.getMessage());
      assertEquals(RpcException.INVALID_PARAMS, net.error("eth_blockNumber", 1).code());
      assertFalse(net.registry.names().isEmpty());
    }
  }
}
