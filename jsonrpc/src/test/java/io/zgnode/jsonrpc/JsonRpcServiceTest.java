package io.zgnode.jsonrpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.zgnode.chain.Chain;
import io.zgnode.chain.ChainOptions;
import io.zgnode.chain.tx.TxDecoder;
import io.zgnode.evm.types.Address;
import io.zgnode.genesis.AppGenesis;
import io.zgnode.jsonrpc.core.MethodRegistry;
import io.zgnode.jsonrpc.core.RpcMessages;
import io.zgnode.jsonrpc.eth.BroadcastResult;
import io.zgnode.jsonrpc.server.ServerOptions;
import io.zgnode.state.store.StateDatabase;
import java.math.BigInteger;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class JsonRpcServiceTest {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private static RpcConfig onPorts(int http, int ws) {
    RpcConfig d = RpcConfig.DEFAULT;
    return new RpcConfig(
        true,
        "127.0.0.1",
        http,
        ws,
        List.of(),
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
        d.txFeeCapWei(),
        2,
        d.maxQueuedRequests());
  }

  private static JsonNode call(URI url, String method, String params) throws Exception {
    String body =
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":" + params + "}";
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(url)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return RpcMessages.MAPPER.readTree(r.body());
  }

  @Test
  void servesARegistryAndClosesItsResourcesOnce() throws Exception {
    AtomicInteger closed = new AtomicInteger();
    MethodRegistry registry = new MethodRegistry().register("hi", r -> TextNode.valueOf("there"));
    JsonRpcService s =
        JsonRpcService.start(
            registry, onPorts(0, 0), ServerOptions.DEFAULT, List.of(closed::incrementAndGet));
    try {
      assertEquals(URI.create("http://127.0.0.1:" + s.httpPort()), s.httpUrl());
      assertEquals(s.httpPort(), s.wsPort(), "no separate WebSocket listener: the HTTP port");
      assertEquals("there", call(s.httpUrl(), "hi", "[]").get("result").asText());
    } finally {
      s.close();
      s.close();
    }
    assertEquals(1, closed.get());
  }

  @Test
  void aTakenPortFailsClearlyAndReleasesTheResources() throws Exception {
    AtomicInteger closed = new AtomicInteger();
    try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();
      BindException e =
          assertThrows(
              BindException.class,
              () ->
                  JsonRpcService.start(
                      new MethodRegistry(),
                      onPorts(0, port),
                      ServerOptions.DEFAULT,
                      List.of(closed::incrementAndGet)));
      assertEquals("JSON-RPC port " + port + " on 127.0.0.1 is in use", e.getMessage());
    }
    assertEquals(1, closed.get());
  }

  @Test
  void theNodesServiceAnswersEthSimAndDebugMethods() throws Exception {
    Chain chain =
        new Chain(StateDatabase.inMemory(), TxDecoder.withDefaults(), ChainOptions.DEFAULT);
    List<Address> funded = List.of(Address.fromHex("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"));
    chain.initChain(
        "zg-test",
        1,
        AppGenesis.devnet(4242, funded, BigInteger.TEN.pow(18)).toJson(),
        1_700_000_000L);
    try (JsonRpcService s =
        JsonRpcService.start(chain, onPorts(0, 0), raw -> BroadcastResult.ACCEPTED, "zgnode/t")) {
      assertEquals("0x1092", call(s.httpUrl(), "eth_chainId", "[]").get("result").asText());
      assertEquals(
          "zgnode/t", call(s.httpUrl(), "web3_clientVersion", "[]").get("result").asText());
      for (String simOrDebug : List.of("eth_call", "eth_estimateGas", "debug_traceCall")) {
        assertNotEquals(
            -32601,
            call(s.httpUrl(), simOrDebug, "[]").at("/error/code").asInt(),
            simOrDebug + " is registered");
      }
    } finally {
      chain.close();
    }
  }
}
