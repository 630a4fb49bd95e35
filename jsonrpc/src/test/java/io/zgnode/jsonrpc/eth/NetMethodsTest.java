package io.zgnode.jsonrpc.eth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zgnode.chain.ChainParams;
import io.zgnode.jsonrpc.core.RpcException;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NetMethodsTest {

  @Test
  void identityAndFixedAnswers() throws Exception {
    try (TestNet net = new TestNet()) {
      assertEquals("0x8f9f", net.call("eth_chainId").asText());
      assertEquals("36767", net.call("net_version").asText());
      assertTrue(net.call("net_listening").asBoolean());
      assertEquals("0x0", net.call("net_peerCount").asText());
      assertEquals("zgnode/test", net.call("web3_clientVersion").asText());
      assertEquals(
          "0x47173285a8d7341e5e972fc677286384f802f8ef42a5ec5f03bbfa254cb01fad",
          net.call("web3_sha3", "0x68656c6c6f20776f726c64").asText());
      assertEquals(
          "0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470",
          net.call("web3_sha3", "0x").asText());
      assertFalse(net.call("eth_syncing").asBoolean());
      assertEquals(0, net.call("eth_accounts").size());
      assertEquals(ChainParams.FEE_COLLECTOR.toHex(), net.call("eth_coinbase").asText());
      assertFalse(net.call("eth_mining").asBoolean());
      assertEquals("0x0", net.call("eth_hashrate").asText());
      assertEquals(RpcException.INVALID_PARAMS, net.error("eth_chainId", 1).code());
      assertEquals(RpcException.INVALID_PARAMS, net.error("web3_sha3", "0x1").code());
      assertEquals(RpcException.INVALID_PARAMS, net.error("web3_sha3", "hello").code());
    }
  }

  @Test
  void registersTheEthSurfaceButNotTheSimulationMethods() {
    try (TestNet net = new TestNet()) {
      Set<String> names = net.registry.names();
      for (String m :
          new String[] {
            "eth_chainId",
            "net_version",
            "net_listening",
            "net_peerCount",
            "web3_clientVersion",
            "web3_sha3",
            "eth_blockNumber",
            "eth_syncing",
            "eth_accounts",
            "eth_coinbase",
            "eth_mining",
            "eth_hashrate",
            "eth_getUncleCountByBlockHash",
            "eth_getUncleCountByBlockNumber",
            "eth_getUncleByBlockHashAndIndex",
            "eth_getUncleByBlockNumberAndIndex",
            "eth_blobBaseFee",
            "eth_getBlockByNumber",
            "eth_getBlockByHash",
            "eth_getBlockTransactionCountByHash",
            "eth_getBlockTransactionCountByNumber",
            "eth_getTransactionByBlockHashAndIndex",
            "eth_getTransactionByBlockNumberAndIndex",
            "eth_getBlockReceipts",
            "eth_getTransactionByHash",
            "eth_getTransactionReceipt",
            "eth_getBalance",
            "eth_getCode",
            "eth_getStorageAt",
            "eth_getTransactionCount",
            "eth_gasPrice",
            "eth_maxPriorityFeePerGas",
            "eth_feeHistory",
            "eth_sendRawTransaction",
            "eth_getLogs",
            "eth_newFilter",
            "eth_newBlockFilter",
            "eth_newPendingTransactionFilter",
            "eth_getFilterChanges",
            "eth_getFilterLogs",
            "eth_uninstallFilter",
            "eth_subscribe",
            "eth_unsubscribe",
            "txpool_status",
            "txpool_content",
            "txpool_inspect",
            "txpool_contentFrom"
          }) {
        assertTrue(names.contains(m), m);
      }
      for (String sim :
          new String[] {"eth_call", "eth_estimateGas", "eth_createAccessList", "eth_getProof"}) {
        assertFalse(names.contains(sim), sim);
      }
    }
  }
}
