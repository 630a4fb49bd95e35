package io.zgnode.tools.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zgnode.evm.bytes.Hex;
import io.zgnode.evm.types.Address;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** A small client of CometBFT's RPC for the integration tests. */
final class CometRpc {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final String base;

  CometRpc(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  JsonNode get(String pathAndQuery) throws IOException, InterruptedException {
    HttpRequest req =
        HttpRequest.newBuilder(URI.create(base + pathAndQuery))
            .timeout(Duration.ofSeconds(10))
            .GET()
            .build();
    HttpResponse<String> resp = http.send(req, HttpResponse.BodyHandlers.ofString());
    JsonNode node = JSON.readTree(resp.body());
    if (node.has("error")) {
      throw new IOException("RPC error for " + pathAndQuery + ": " + node.get("error"));
    }
    return node.get("result");
  }

  long height() throws IOException, InterruptedException {
    return get("/status").path("sync_info").path("latest_block_height").asLong();
  }

  /** Height, or -1 while the node does not answer. */
  long heightOrMinusOne() {
    try {
      return height();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /** broadcast_tx_sync: returns the CheckTx result object (code, log, hash). */
  JsonNode broadcastSync(byte[] tx) throws IOException, InterruptedException {
    return get("/broadcast_tx_sync?tx=0x" + Hex.encodePlain(tx));
  }

  record AccountState(BigInteger balance, long nonce) {}

  AccountState account(Address a) throws IOException, InterruptedException {
    JsonNode r =
        get("/abci_query?path=%22/evm/account%22&data=0x" + Hex.encodePlain(a.bytesUnsafe()))
            .path("response");
    if (r.path("code").asInt(0) != 0) {
      throw new IOException("query failed: " + r);
    }
    JsonNode v =
        JSON.readTree(
            new String(
                Base64.getDecoder().decode(r.path("value").asText()), StandardCharsets.UTF_8));
    return new AccountState(new BigInteger(v.path("balance").asText()), v.path("nonce").asLong());
  }

  long pendingNonce(Address a) throws IOException, InterruptedException {
    JsonNode r =
        get("/abci_query?path=%22/evm/pending_nonce%22&data=0x" + Hex.encodePlain(a.bytesUnsafe()))
            .path("response");
    JsonNode v =
        JSON.readTree(
            new String(
                Base64.getDecoder().decode(r.path("value").asText()), StandardCharsets.UTF_8));
    return v.path("nonce").asLong();
  }

  /** The result of a committed transaction by hash, or null if CometBFT does not know it. */
  JsonNode tx(byte[] hash) throws IOException, InterruptedException {
    try {
      return get("/tx?hash=0x" + Hex.encodePlain(hash));
    } catch (IOException e) {
      if (e.getMessage() != null && e.getMessage().contains("not found")) {
        return null;
      }
      throw e;
    }
  }
}
