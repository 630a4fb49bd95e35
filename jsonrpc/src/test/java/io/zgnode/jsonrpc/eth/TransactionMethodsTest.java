package io.zgnode.jsonrpc.eth;

import static io.zgnode.jsonrpc.eth.TestNet.GWEI;
import static io.zgnode.jsonrpc.eth.TestNet.address;
import static io.zgnode.jsonrpc.eth.TestNet.hex;
import static io.zgnode.jsonrpc.eth.TestNet.key;
import static io.zgnode.jsonrpc.eth.TestNet.transfer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.zgnode.chain.ChainOptions;
import io.zgnode.evm.bytes.Hex;
import io.zgnode.evm.tx.AccessListEntry;
import io.zgnode.evm.tx.Transaction;
import io.zgnode.evm.tx.TransactionBuilder;
import io.zgnode.evm.types.Address;
import io.zgnode.evm.types.Hash;
import io.zgnode.jsonrpc.RpcConfig;
import io.zgnode.jsonrpc.core.RpcException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransactionMethodsTest {

  @Test
  void dynamicFeeTransactionCommittedAndPending() throws Exception {
    try (TestNet net = new TestNet()) {
      Transaction tx = net.submit(transfer(0, 0, address(1), BigInteger.TEN));
      JsonNode pending = net.call("eth_getTransactionByHash", tx.hash().toHex());
      assertTrue(pending.get("blockHash").isNull());
      assertTrue(pending.get("blockNumber").isNull());
      assertTrue(pending.get("transactionIndex").isNull());
      assertEquals(hex(GWEI.multiply(BigInteger.TWO)), pending.get("gasPrice").asText());
      assertTrue(net.call("eth_getTransactionReceipt", tx.hash().toHex()).isNull());

      net.mine();
      JsonNode t = net.call("eth_getTransactionByHash", tx.hash().toHex());
      JsonNode block = net.call("eth_getBlockByNumber", "latest", false);
      assertEquals(block.get("hash"), t.get("blockHash"));
      assertEquals(block.get("number"), t.get("blockNumber"));
      assertEquals("0x0", t.get("transactionIndex").asText());
      assertEquals("0x2", t.get("type").asText());
      assertEquals(hex(TestNet.CHAIN_ID), t.get("chainId").asText());
      assertEquals(address(0).toHex(), t.get("from").asText());
      assertEquals(address(1).toHex(), t.get("to").asText());
      assertEquals("0xa", t.get("value").asText());
      assertEquals("0x5208", t.get("gas").asText());
      assertEquals("0x0", t.get("nonce").asText());
      assertEquals("0x", t.get("input").asText());
      assertEquals(hex(GWEI.multiply(BigInteger.TWO)), t.get("maxFeePerGas").asText());
      assertEquals(hex(GWEI), t.get("maxPriorityFeePerGas").asText());
      // Effective price: min(2 gwei, base fee 1 gwei + tip 1 gwei).
      assertEquals(hex(GWEI.multiply(BigInteger.TWO)), t.get("gasPrice").asText());
      assertEquals(0, t.get("accessList").size());
      assertEquals(hex(tx.yParity()), t.get("yParity").asText());
      assertEquals(t.get("yParity"), t.get("v"));
      assertEquals(hex(tx.r()), t.get("r").asText());
      assertEquals(hex(tx.s()), t.get("s").asText());
      assertEquals(tx.hash().toHex(), t.get("hash").asText());
    }
  }

  @Test
  void legacyAndAccessListShapes() throws Exception {
    try (TestNet net = new TestNet()) {
      Transaction legacy =
          TransactionBuilder.legacy()
              .chainId(TestNet.CHAIN_ID)
              .nonce(0)
              .gasPrice(GWEI.multiply(BigInteger.valueOf(3)))
              .gasLimit(21_000)
              .to(address(2))
              .sign(key(0));
      Transaction al =
          TransactionBuilder.accessList()
              .chainId(TestNet.CHAIN_ID)
              .nonce(0)
              .gasPrice(GWEI.multiply(BigInteger.valueOf(3)))
              .gasLimit(30_000)
              .to(address(2))
              .accessList(List.of(new AccessListEntry(address(3), List.of(Hash.ZERO))))
              .sign(key(1));
      net.mine(legacy, al);
      JsonNode l = net.call("eth_getTransactionByHash", legacy.hash().toHex());
      assertEquals("0x0", l.get("type").asText());
      assertFalse(l.has("yParity"));
      assertFalse(l.has("accessList"));
      assertFalse(l.has("maxFeePerGas"));
      assertEquals(hex(TestNet.CHAIN_ID), l.get("chainId").asText());
      assertEquals(hex(legacy.v()), l.get("v").asText());
      assertTrue(legacy.v().longValue() >= TestNet.CHAIN_ID * 2 + 35);
      assertEquals(hex(GWEI.multiply(BigInteger.valueOf(3))), l.get("gasPrice").asText());

      JsonNode a = net.call("eth_getTransactionByHash", al.hash().toHex());
      assertEquals("0x1", a.get("type").asText());
      assertEquals(address(3).toHex(), a.get("accessList").get(0).get("address").asText());
      assertEquals(
          Hash.ZERO.toHex(), a.get("accessList").get(0).get("storageKeys").get(0).asText());
      assertTrue(a.has("yParity"));
      assertFalse(a.has("maxFeePerGas"));
      JsonNode r = net.call("eth_getTransactionReceipt", al.hash().toHex());
      assertEquals("0x1", r.get("type").asText());
      assertEquals("0x1", r.get("transactionIndex").asText());
    }
  }

  @Test
  void receiptsOfTransferAndCreation() throws Exception {
    try (TestNet net = new TestNet()) {
      Transaction send = transfer(0, 0, address(1), BigInteger.ONE);
      Transaction create = TestNet.deploy(0, 1, TestNet.LOGGER_INIT);
      net.mine(send, create);
      JsonNode r = net.call("eth_getTransactionReceipt", send.hash().toHex());
      JsonNode block = net.call("eth_getBlockByNumber", "latest", false);
      assertEquals(block.get("hash"), r.get("blockHash"));
      assertEquals(block.get("number"), r.get("blockNumber"));
      assertEquals("0x1", r.get("status").asText());
      assertEquals("0x2", r.get("type").asText());
      assertEquals("0x5208", r.get("gasUsed").asText());
      assertEquals("0x5208", r.get("cumulativeGasUsed").asText());
      assertTrue(r.get("contractAddress").isNull());
      assertEquals(address(1).toHex(), r.get("to").asText());
      assertEquals(address(0).toHex(), r.get("from").asText());
      assertEquals(hex(GWEI.multiply(BigInteger.TWO)), r.get("effectiveGasPrice").asText());
      assertEquals(0, r.get("logs").size());
      assertEquals(514, r.get("logsBloom").asText().length());

      JsonNode c = net.call("eth_getTransactionReceipt", create.hash().toHex());
      assertTrue(c.get("to").isNull());
      Address contract = Address.fromHex(c.get("contractAddress").asText());
      assertEquals(
          TestNet.LOGGER_RUNTIME, Hex.encodePlain(net.chain.committedView().code(contract)));
      assertEquals("0x1", c.get("transactionIndex").asText());

      // A call that logs: the receipt carries full log objects.
      Transaction call =
          TestNet.eip1559(1, 0, contract, BigInteger.ZERO, 60_000, Hex.decode("c0ffee"));
      net.mine(call);
      JsonNode lr = net.call("eth_getTransactionReceipt", call.hash().toHex());
      JsonNode log = lr.get("logs").get(0);
      assertEquals(contract.toHex(), log.get("address").asText());
      assertEquals("0xc0ffee", log.get("data").asText());
      assertEquals(2, log.get("topics").size());
      assertEquals(lr.get("blockHash"), log.get("blockHash"));
      assertEquals(lr.get("transactionHash"), log.get("transactionHash"));
      assertEquals("0x0", log.get("logIndex").asText());
      assertFalse(log.get("removed").asBoolean());
      assertEquals(hex(net.time), log.get("blockTimestamp").asText());
    }
  }

  @Test
  void unknownHashesAreNull() throws Exception {
    try (TestNet net = new TestNet()) {
      String h = Hash.keccak(new byte[] {9}).toHex();
      assertTrue(net.call("eth_getTransactionByHash", h).isNull());
      assertTrue(net.call("eth_getTransactionReceipt", h).isNull());
      assertEquals(
          RpcException.INVALID_PARAMS, net.error("eth_getTransactionByHash", "0x12").code());
      assertEquals(RpcException.INVALID_PARAMS, net.error("eth_getTransactionReceipt").code());
    }
  }

  @Test
  void sendRawTransactionAdmitsAndReturnsTheHash() throws Exception {
    try (TestNet net = new TestNet()) {
      Transaction tx = transfer(0, 0, address(1), BigInteger.ONE);
      JsonNode hash = net.call("eth_sendRawTransaction", Hex.encode(tx.encoded()));
      assertEquals(tx.hash().toHex(), hash.asText());
      assertTrue(net.chain.pendingPool().byHash(tx.hash()).isPresent());
      assertEquals(
          "0x1", net.call("eth_getTransactionCount", address(0).toHex(), "pending").asText());
      // Back-to-back nonces are accepted without waiting.
      for (int n = 1; n < 5; n++) {
        net.call(
            "eth_sendRawTransaction",
            Hex.encode(transfer(0, n, address(1), BigInteger.ONE).encoded()));
      }
      assertEquals(
          "0x5", net.call("eth_getTransactionCount", address(0).toHex(), "pending").asText());
      net.mine();
      assertEquals(
          "0x5", net.call("eth_getTransactionCount", address(0).toHex(), "latest").asText());
      RpcException low = net.error("eth_sendRawTransaction", Hex.encode(tx.encoded()));
      assertEquals(RpcException.TX_REJECTED, low.code());
      assertTrue(low.getMessage().startsWith("nonce too low"), low.getMessage());
    }
  }

  @Test
  void sendRawTransactionRefusalsInGethWords() throws Exception {
    try (TestNet net = new TestNet()) {
      RpcException rlp = net.error("eth_sendRawTransaction", "0x010203");
      assertEquals(RpcException.TX_REJECTED, rlp.code());
      assertTrue(rlp.getMessage().startsWith("rlp: "), rlp.getMessage());

      Transaction unprotected =
          TransactionBuilder.legacy()
              .nonce(0)
              .gasPrice(GWEI.multiply(BigInteger.TWO))
              .gasLimit(21_000)
              .to(address(1))
              .sign(key(0));
      assertEquals(
          "only replay-protected (EIP-155) transactions allowed over RPC",
          net.error("eth_sendRawTransaction", Hex.encode(unprotected.encoded())).getMessage());

      Transaction blob =
          TransactionBuilder.blob()
              .chainId(TestNet.CHAIN_ID)
              .nonce(0)
              .maxPriorityFeePerGas(GWEI)
              .maxFeePerGas(GWEI.multiply(BigInteger.TWO))
              .maxFeePerBlobGas(1)
              .blobVersionedHashes(List.of(Hash.fromHex("0x01" + "00".repeat(31))))
              .gasLimit(21_000)
              .to(address(1))
              .sign(key(0));
      assertEquals(
          "transaction type not supported",
          net.error("eth_sendRawTransaction", Hex.encode(blob.encoded())).getMessage());

      Transaction expensive =
          TransactionBuilder.eip1559()
              .chainId(TestNet.CHAIN_ID)
              .nonce(0)
              .maxPriorityFeePerGas(GWEI)
              .maxFeePerGas(GWEI.multiply(BigInteger.valueOf(100_000)))
              .gasLimit(21_000)
              .to(address(1))
              .sign(key(0));
      assertEquals(
          "tx fee (2.10 ether) exceeds the configured cap (1.00 ether)",
          net.error("eth_sendRawTransaction", Hex.encode(expensive.encoded())).getMessage());

      Transaction gap = transfer(0, 7, address(1), BigInteger.ONE);
      assertTrue(
          net.error("eth_sendRawTransaction", Hex.encode(gap.encoded()))
              .getMessage()
              .startsWith("nonce too high"));
      Transaction poor = transfer(0, 0, address(1), TestNet.FUNDS);
      assertTrue(
          net.error("eth_sendRawTransaction", Hex.encode(poor.encoded()))
              .getMessage()
              .startsWith("insufficient funds for gas * price + value"));
      Transaction lowGas = TestNet.eip1559(0, 0, address(1), BigInteger.ONE, 20_000, new byte[0]);
      assertTrue(
          net.error("eth_sendRawTransaction", Hex.encode(lowGas.encoded()))
              .getMessage()
              .startsWith("intrinsic gas too low"));

      assertEquals(
          RpcException.INVALID_PARAMS, net.error("eth_sendRawTransaction", "0x123").code());
      assertEquals(RpcException.INVALID_PARAMS, net.error("eth_sendRawTransaction", 5).code());
      assertEquals(RpcException.INVALID_PARAMS, net.error("eth_sendRawTransaction").code());
    }
  }

  @Test
  void broadcasterRefusalsAndFailures() throws Exception {
    try (TestNet net = new TestNet()) {
      Transaction tx = transfer(0, 0, address(1), BigInteger.ONE);
      net.broadcastOverride =
          raw -> BroadcastResult.refused(BroadcastResult.MEMPOOL_REFUSED, "already known");
      assertEquals(
          "already known",
          net.error("eth_sendRawTransaction", Hex.encode(tx.encoded())).getMessage());
      net.broadcastOverride =
          raw -> {
            throw new java.io.UncheckedIOException(new java.io.IOException("x"));
          };
      // An unchecked failure of the broadcaster propagates (the server answers internal error).
      org.junit.jupiter.api.Assertions.assertThrows(
          java.io.UncheckedIOException.class,
          () -> net.call("eth_sendRawTransaction", Hex.encode(tx.encoded())));
    }
    RpcConfig noCap = withFeeCap(BigInteger.ZERO);
    try (TestNet net = new TestNet(noCap, ChainOptions.DEFAULT, true)) {
      Transaction expensive =
          TransactionBuilder.eip1559()
              .chainId(TestNet.CHAIN_ID)
              .nonce(0)
              .maxPriorityFeePerGas(GWEI)
              .maxFeePerGas(GWEI.multiply(BigInteger.valueOf(100_000)))
              .gasLimit(21_000)
              .to(address(1))
              .sign(key(0));
      assertEquals(
          expensive.hash().toHex(),
          net.call("eth_sendRawTransaction", Hex.encode(expensive.encoded())).asText());
    }
  }

  @Test
  void ioFailureOfTheBroadcasterIsAnInternalError() throws Exception {
    try (TestNet net = new TestNet()) {
      EthContext ctx =
          new EthContext(
              net.chain,
              RpcConfig.DEFAULT,
              raw -> {
                throw new java.io.IOException("cannot reach CometBFT at http://127.0.0.1:1/");
              },
              "v");
      io.zgnode.jsonrpc.core.MethodRegistry r = new io.zgnode.jsonrpc.core.MethodRegistry();
      new TransactionMethods(new ChainAccess(net.chain), ctx).register(r);
      Transaction tx = transfer(0, 0, address(1), BigInteger.ONE);
      RpcException e =
          org.junit.jupiter.api.Assertions.assertThrows(
              RpcException.class,
              () ->
                  r.find("eth_sendRawTransaction")
                      .orElseThrow()
                      .call(
                          new io.zgnode.jsonrpc.core.RpcRequest(
                              "eth_sendRawTransaction",
                              TestNet.params(Hex.encode(tx.encoded())),
                              net.http)));
      assertEquals(RpcException.INTERNAL_ERROR, e.code());
      assertTrue(e.getMessage().contains("cannot reach CometBFT"), e.getMessage());
    }
  }

  static RpcConfig withFeeCap(BigInteger cap) {
    RpcConfig d = RpcConfig.DEFAULT;
    return new RpcConfig(
        d.enabled(),
        d.host(),
        d.httpPort(),
        d.wsPort(),
        d.corsOrigins(),
        d.allowedHosts(),
        d.maxBodyBytes(),
        d.maxBatchItems(),
        d.maxResponseBytes(),
        d.maxLogBlockRange(),
        d.maxLogResults(),
        d.maxWsConnections(),
        d.maxSubscriptionsPerConnection(),
        d.maxFilters(),
        d.filterTimeout(),
        d.gasCap(),
        d.evmTimeout(),
        cap,
        d.workerThreads(),
        d.maxQueuedRequests());
  }

  static RpcConfig withLimits(long maxRange, int maxResults, int maxFilters, Duration timeout) {
    RpcConfig d = RpcConfig.DEFAULT;
    return new RpcConfig(
        d.enabled(),
        d.host(),
        d.httpPort(),
        d.wsPort(),
        d.corsOrigins(),
        d.allowedHosts(),
        d.maxBodyBytes(),
        d.maxBatchItems(),
        d.maxResponseBytes(),
        maxRange,
        maxResults,
        d.maxWsConnections(),
        d.maxSubscriptionsPerConnection(),
        maxFilters,
        timeout,
        d.gasCap(),
        d.evmTimeout(),
        d.txFeeCapWei(),
        d.workerThreads(),
        d.maxQueuedRequests());
  }
}
