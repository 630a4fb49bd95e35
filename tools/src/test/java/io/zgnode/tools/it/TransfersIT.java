package io.zgnode.tools.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.zgnode.evm.tx.TransactionBuilder;
import io.zgnode.evm.types.Address;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A real node (zgnode start supervising real CometBFT) over each ABCI transport: 200 signed
 * transfers from 5 senders sent back to back through broadcast_tx_sync all commit with exact
 * balances and nonces, and bad transactions are refused at CheckTx with a code and a reason.
 */
class TransfersIT {
  private static final int SENDERS = 5;
  private static final int PER_SENDER = 40;

  @ParameterizedTest
  @ValueSource(strings = {"grpc", "socket"})
  void twoHundredTransfersCommitExactly(String transport, @TempDir Path tmp) throws Exception {
    try (NodeProcess node =
        NodeProcess.create(
            tmp.resolve("home"), transport, DevAccounts.first(SENDERS), DevAccounts.FUNDS)) {
      node.start();
      CometRpc rpc = new CometRpc(node.rpcPort);
      awaitHeight(node, rpc, 2, Duration.ofSeconds(120));

      Random rnd = new Random(7);
      List<Address> recipients = new ArrayList<>();
      List<BigInteger> values = new ArrayList<>();
      for (int n = 0; n < PER_SENDER; n++) {
        for (int s = 0; s < SENDERS; s++) {
          byte[] a = new byte[20];
          rnd.nextBytes(a);
          Address to = Address.wrap(a);
          BigInteger value = DevAccounts.ETH.add(BigInteger.valueOf(n * 1000L + s));
          JsonNode r = rpc.broadcastSync(DevAccounts.transfer(s, n, to, value));
          assertEquals(0, r.path("code").asInt(), "CheckTx refused a transfer: " + r);
          recipients.add(to);
          values.add(value);
        }
      }
      NodeProcess.waitFor(
          Duration.ofSeconds(90),
          () -> {
            try {
              for (int s = 0; s < SENDERS; s++) {
                if (rpc.account(DevAccounts.address(s)).nonce() < PER_SENDER) {
                  return false;
                }
              }
              return true;
            } catch (Exception e) {
              return false;
            }
          });
      BigInteger spent = BigInteger.ZERO;
      for (int i = 0; i < recipients.size(); i++) {
        assertEquals(values.get(i), rpc.account(recipients.get(i)).balance(), "recipient " + i);
        spent = spent.add(values.get(i));
      }
      BigInteger senderTotal = BigInteger.ZERO;
      for (int s = 0; s < SENDERS; s++) {
        CometRpc.AccountState a = rpc.account(DevAccounts.address(s));
        assertEquals(PER_SENDER, a.nonce());
        senderTotal = senderTotal.add(a.balance());
      }
      BigInteger fees =
          DevAccounts.FUNDS
              .multiply(BigInteger.valueOf(SENDERS))
              .subtract(spent)
              .subtract(senderTotal);
      long txs = (long) SENDERS * PER_SENDER;
      assertTrue(
          fees.compareTo(DevAccounts.GWEI.multiply(BigInteger.valueOf(21_000L * txs))) >= 0
              && fees.compareTo(DevAccounts.GWEI.multiply(BigInteger.valueOf(3 * 21_000L * txs)))
                  <= 0,
          "fees of 200 transfers between 1 and 3 gwei per gas: " + fees);

      badTransactionsAreRefused(rpc);
      mutatedTransactionsNeverStopTheNode(node, rpc);
      assertTrue(node.alive(), "the node is still running:\n" + node.logTail());
      assertEquals(0, node.stop(), "clean exit on SIGTERM:\n" + node.logTail());
    }
  }

  private static void badTransactionsAreRefused(CometRpc rpc) throws Exception {
    Address to = DevAccounts.address(9);
    expectRefused(rpc, new byte[] {1, 2, 3, 4}, "rlp");
    byte[] good = DevAccounts.transfer(0, PER_SENDER, to, BigInteger.ONE);
    expectRefused(rpc, java.util.Arrays.copyOf(good, good.length - 3), "rlp");
    expectRefused(rpc, DevAccounts.transfer(0, 0, to, BigInteger.ONE), "nonce too low");
    expectRefused(
        rpc, DevAccounts.transfer(0, PER_SENDER + 5, to, BigInteger.ONE), "nonce too high");
    byte[] wrongChain =
        TransactionBuilder.eip1559()
            .chainId(1)
            .nonce(PER_SENDER)
            .maxPriorityFeePerGas(DevAccounts.GWEI)
            .maxFeePerGas(DevAccounts.GWEI.multiply(BigInteger.TWO))
            .gasLimit(21_000)
            .to(to)
            .sign(DevAccounts.key(0))
            .encoded();
    expectRefused(rpc, wrongChain, "invalid chain id");
    byte[] badSig = good.clone();
    badSig[badSig.length - 5] ^= 0x55;
    JsonNode r = rpc.broadcastSync(badSig);
    assertNotEquals(0, r.path("code").asInt(), "a corrupted signature is refused: " + r);
    expectRefused(
        rpc,
        DevAccounts.transfer(0, PER_SENDER, to, DevAccounts.FUNDS.multiply(BigInteger.TEN)),
        "insufficient funds for gas * price + value");
  }

  /** 2,000 mutated transactions through CometBFT: each gets an answer, the chain goes on. */
  private static void mutatedTransactionsNeverStopTheNode(NodeProcess node, CometRpc rpc)
      throws Exception {
    Random rnd = new Random(2026);
    byte[] seed = DevAccounts.transfer(1, PER_SENDER, DevAccounts.address(8), BigInteger.TEN);
    long h0 = rpc.height();
    for (int i = 0; i < 2_000; i++) {
      byte[] b = seed.clone();
      int flips = 1 + rnd.nextInt(4);
      for (int k = 0; k < flips; k++) {
        b[rnd.nextInt(b.length)] = (byte) rnd.nextInt(256);
      }
      if (rnd.nextInt(10) == 0) {
        b = java.util.Arrays.copyOf(b, rnd.nextInt(b.length) + 1);
      }
      try {
        JsonNode r = rpc.broadcastSync(b);
        assertTrue(r.has("code"), "every mutated transaction gets an answer: " + r);
      } catch (java.io.IOException e) {
        // CometBFT answers a repeated byte string from its cache without asking the app.
        assertTrue(e.getMessage().contains("already exists in cache"), e.getMessage());
      }
    }
    awaitHeight(node, rpc, h0 + 3, Duration.ofSeconds(60));
  }

  private static void expectRefused(CometRpc rpc, byte[] tx, String reason) throws Exception {
    JsonNode r = rpc.broadcastSync(tx);
    assertNotEquals(0, r.path("code").asInt(), "expected a refusal (" + reason + "): " + r);
    assertTrue(
        r.path("log").asText().contains(reason), "log names the reason " + reason + ": " + r);
  }

  static void awaitHeight(NodeProcess node, CometRpc rpc, long height, Duration timeout)
      throws InterruptedException {
    try {
      NodeProcess.waitFor(timeout, () -> node.alive() && rpc.heightOrMinusOne() >= height);
    } catch (AssertionError e) {
      throw new AssertionError(
          "node did not reach height " + height + " within " + timeout + ":\n" + node.logTail(), e);
    }
  }
}
