package io.zgnode.tools.rpc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zgnode.tools.CliException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CometRpcTest {
  @Test
  void abciQuerySendsQuotedPathAndHexDataAndDecodesTheValue() throws Exception {
    try (FakeCometRpc rpc = new FakeCometRpc()) {
      // CometBFT leaves zero fields out: no "code" means 0.
      rpc.result("{\"response\":{\"log\":\"\",\"value\":\"eyJhIjoxfQ==\",\"height\":\"12\"}}");
      CometRpc.AbciQueryResult r =
          new CometRpc(rpc.url()).abciQuery("/evm/account", new byte[] {0x0a, (byte) 0xff});
      assertEquals(0, r.code());
      assertEquals(12, r.height());
      assertArrayEquals("{\"a\":1}".getBytes(StandardCharsets.UTF_8), r.value());
      URI sent = rpc.requests().get(0);
      assertEquals("/abci_query", sent.getPath());
      assertEquals("path=\"/evm/account\"&data=0x0aff", sent.getQuery());
    }
  }

  @Test
  void nonZeroCodeIsReported() throws Exception {
    try (FakeCometRpc rpc = new FakeCometRpc()) {
      rpc.result("{\"response\":{\"code\":7,\"log\":\"unknown path\",\"codespace\":\"zg\"}}");
      CometRpc.AbciQueryResult r = new CometRpc(rpc.url()).abciQuery("/x", new byte[0]);
      assertEquals(7, r.code());
      assertEquals("unknown path", r.log());
      assertEquals("zg", r.codespace());
      assertEquals(0, r.value().length);
    }
  }

  @Test
  void jsonRpcErrorBecomesOneMessage() throws Exception {
    try (FakeCometRpc rpc = new FakeCometRpc()) {
      rpc.answer(
          500,
          "{\"jsonrpc\":\"2.0\",\"id\":-1,\"error\":{\"code\":-32603,\"message\":\"Internal"
              + " error\",\"data\":\"height 99 must be less than or equal to the current"
              + " blockchain height 5\"}}");
      CliException e = assertThrows(CliException.class, () -> new CometRpc(rpc.url()).status());
      assertEquals(
          "CometBFT's RPC answered an error for /status: Internal error: height 99 must be less"
              + " than or equal to the current blockchain height 5",
          e.getMessage());
    }
  }

  @Test
  void nonJsonAndMissingResultAreErrors() throws Exception {
    try (FakeCometRpc rpc = new FakeCometRpc()) {
      rpc.answer(404, "not found");
      CliException e = assertThrows(CliException.class, () -> new CometRpc(rpc.url()).status());
      assertTrue(e.getMessage().contains("HTTP 404"), e.getMessage());
      rpc.answer(200, "{\"jsonrpc\":\"2.0\"}");
      e = assertThrows(CliException.class, () -> new CometRpc(rpc.url()).status());
      assertTrue(e.getMessage().contains("without a JSON-RPC result"), e.getMessage());
    }
  }

  @Test
  void nodeNotRunningIsAClearError() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    URI url = URI.create("http://127.0.0.1:" + port);
    CliException e = assertThrows(CliException.class, () -> new CometRpc(url).status());
    assertEquals(
        "cannot reach CometBFT's RPC at " + url + " (is the node running?)", e.getMessage());
  }

  @Test
  void nodeUrlParsing() {
    assertEquals(URI.create("http://1.2.3.4:5"), CometRpc.parseNode("tcp://1.2.3.4:5"));
    assertEquals(
        URI.create("https://rpc.example:443"), CometRpc.parseNode("https://rpc.example:443"));
    assertThrows(CliException.class, () -> CometRpc.parseNode("not a url"));
    assertThrows(CliException.class, () -> new CometRpc(URI.create("ftp://x")));
  }
}
