package io.zgnode.tools.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zgnode.evm.bytes.Hex;
import io.zgnode.evm.crypto.Keccak256;
import io.zgnode.evm.tx.Transaction;
import io.zgnode.evm.tx.TransactionBuilder;
import io.zgnode.evm.types.Address;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Solidity contract compiled by the npm solc (default EVM version) is deployed on a real node and
 * called; its event is read back from the receipt, and a require() revert and a custom error come
 * back as failed receipts with the reason in the transaction's log.
 */
class SolidityIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void deployCallAndReadTheEvent(@TempDir Path tmp) throws Exception {
    JsonNode compiled = compile(NodeProcess.root().resolve("e2e/contracts/Counter.sol"));
    byte[] initCode = Hex.decode(compiled.path("Counter").path("bytecode").asText());
    assertTrue(initCode.length > 50, "solc produced bytecode");
    try (NodeProcess node =
        NodeProcess.create(
            tmp.resolve("home"), "socket", DevAccounts.first(1), DevAccounts.FUNDS)) {
      node.start();
      CometRpc rpc = new CometRpc(node.rpcPort);
      TransfersIT.awaitHeight(node, rpc, 2, Duration.ofSeconds(120));

      Transaction deploy = send(rpc, 0, null, initCode, 1_000_000);
      JsonNode deployed = awaitReceipt(rpc, deploy);
      assertEquals(1, deployed.path("status").asInt(), deployed.toString());
      Address counter = Address.fromHex(deployed.path("contractAddress").asText());

      Transaction inc = send(rpc, 1, counter, call("increment(uint256)", 5), 200_000);
      JsonNode receipt = awaitReceipt(rpc, inc);
      assertEquals(1, receipt.path("status").asInt(), receipt.toString());
      JsonNode log = receipt.path("logs").get(0);
      assertNotNull(log, "the event is in the receipt: " + receipt);
      assertEquals(counter.toChecksumHex(), log.path("address").asText());
      assertEquals(
          Hex.encode(
              Keccak256.hash("Incremented(address,uint256)".getBytes(StandardCharsets.US_ASCII))),
          log.path("topics").get(0).asText());
      assertEquals(
          Hex.encode(word(new BigInteger(1, DevAccounts.address(0).toArray()))),
          log.path("topics").get(1).asText());
      assertEquals(Hex.encode(word(BigInteger.valueOf(5))), log.path("data").asText());

      Transaction zero = send(rpc, 2, counter, call("increment(uint256)", 0), 200_000);
      assertEquals(0, awaitReceipt(rpc, zero).path("status").asInt());
      assertTrue(
          txLog(rpc, zero).contains("execution reverted: zero increment"),
          "the revert reason reaches the result log: " + txLog(rpc, zero));
      Transaction tooLarge = send(rpc, 3, counter, call("increment(uint256)", 2000), 200_000);
      assertEquals(0, awaitReceipt(rpc, tooLarge).path("status").asInt());
      assertEquals(0, node.stop(), node.logTail());
    }
  }

  private static JsonNode compile(Path source) throws Exception {
    Path script = NodeProcess.root().resolve("e2e/compile.mjs");
    Process p =
        new ProcessBuilder("node", script.toString(), source.toString())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    byte[] out = p.getInputStream().readAllBytes();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "solc finished");
    assertEquals(
        0,
        p.exitValue(),
        "solc failed (run `npm ci` in e2e/ first): " + new String(out, StandardCharsets.UTF_8));
    return JSON.readTree(out);
  }

  private static Transaction send(CometRpc rpc, long nonce, Address to, byte[] data, long gas)
      throws Exception {
    Transaction tx =
        TransactionBuilder.eip1559()
            .chainId(NodeProcess.EVM_CHAIN_ID)
            .nonce(nonce)
            .maxPriorityFeePerGas(DevAccounts.GWEI)
            .maxFeePerGas(DevAccounts.GWEI.multiply(BigInteger.valueOf(3)))
            .gasLimit(gas)
            .to(to)
            .data(data)
            .sign(DevAccounts.key(0));
    JsonNode r = rpc.broadcastSync(tx.encoded());
    assertEquals(0, r.path("code").asInt(), "CheckTx accepted: " + r);
    return tx;
  }

  private static JsonNode awaitReceipt(CometRpc rpc, Transaction tx) throws Exception {
    JsonNode[] found = new JsonNode[1];
    NodeProcess.waitFor(
        Duration.ofSeconds(60),
        () -> {
          try {
            JsonNode r =
                rpc.get("/abci_query?path=%22/evm/receipt%22&data=" + tx.hash().toHex())
                    .path("response");
            if (r.path("code").asInt(0) != 0) {
              return false;
            }
            found[0] = JSON.readTree(Base64.getDecoder().decode(r.path("value").asText()));
            return true;
          } catch (Exception e) {
            return false;
          }
        });
    return found[0];
  }

  /** The ABCI result log of an included transaction, through CometBFT's indexer. */
  private static String txLog(CometRpc rpc, Transaction tx) throws Exception {
    byte[] cometHash = MessageDigest.getInstance("SHA-256").digest(tx.encoded());
    String[] log = new String[1];
    NodeProcess.waitFor(
        Duration.ofSeconds(30),
        () -> {
          try {
            JsonNode r = rpc.tx(cometHash);
            if (r == null) {
              return false;
            }
            log[0] = r.path("tx_result").path("log").asText();
            return true;
          } catch (Exception e) {
            return false;
          }
        });
    return log[0];
  }

  private static byte[] call(String signature, long arg) {
    byte[] selector =
        Arrays.copyOf(Keccak256.hash(signature.getBytes(StandardCharsets.US_ASCII)), 4);
    byte[] out = new byte[36];
    System.arraycopy(selector, 0, out, 0, 4);
    System.arraycopy(word(BigInteger.valueOf(arg)), 0, out, 4, 32);
    return out;
  }

  private static byte[] word(BigInteger v) {
    byte[] b = v.toByteArray();
    byte[] w = new byte[32];
    int n = Math.min(32, b.length);
    System.arraycopy(b, b.length - n, w, 32 - n, n);
    return w;
  }
}
