package io.zgnode.evm.tx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zgnode.evm.SharedFixtures;
import io.zgnode.evm.bytes.Hex;
import io.zgnode.evm.fork.Fork;
import io.zgnode.evm.tx.InvalidTransactionException.Reason;
import io.zgnode.evm.types.Address;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The signed transactions ({@code txbytes}) of every GeneralStateTests entry, checked at the
 * transaction level only: they decode, match the template they were built from, recover the
 * fixture's sender, and pass or fail the state-independent rules as the entry expects. Execution
 * and state roots are the state-test runner's business.
 */
class StateTestTransactionsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final BigInteger CHAIN_ID = BigInteger.ONE;

  /** Expected exceptions that the static rules must produce, with the reason for each. */
  private static final Map<String, Reason> STATIC =
      Map.of(
          "INTRINSIC_GAS_TOO_LOW", Reason.INTRINSIC_GAS_TOO_LOW,
          "INITCODE_SIZE_EXCEEDED", Reason.INITCODE_TOO_LARGE,
          "NONCE_IS_MAX", Reason.NONCE_MAX,
          "TYPE_3_TX_PRE_FORK", Reason.TYPE_NOT_SUPPORTED,
          "TYPE_3_TX_ZERO_BLOBS", Reason.INVALID_BLOBS,
          "TYPE_3_TX_BLOB_COUNT_EXCEEDED", Reason.INVALID_BLOBS,
          "TYPE_3_TX_INVALID_BLOB_VERSIONED_HASH", Reason.INVALID_BLOBS,
          "PRIORITY_GREATER_THAN_MAX_FEE_PER_GAS", Reason.PRIORITY_FEE_ABOVE_MAX_FEE);

  /** Expected exceptions that need state or the block (balance, code, base fees, block gas). */
  private static final Set<String> STATEFUL =
      Set.of(
          "INSUFFICIENT_ACCOUNT_FUNDS",
          "SENDER_NOT_EOA",
          "INSUFFICIENT_MAX_FEE_PER_GAS",
          "INSUFFICIENT_MAX_FEE_PER_BLOB_GAS",
          "GAS_ALLOWANCE_EXCEEDED");

  @TestFactory
  Stream<DynamicNode> stateTestTransactions() throws IOException {
    Path root = SharedFixtures.ethereumTests("GeneralStateTests");
    List<Path> files;
    try (Stream<Path> s = Files.walk(root)) {
      // Only *.json: the folder holds a stray non-JSON file.
      files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    assertFalse(files.isEmpty(), "no GeneralStateTests found in " + root);
    List<DynamicNode> nodes = new ArrayList<>();
    for (Path file : files) {
      JsonNode json = JSON.readTree(file.toFile());
      List<DynamicNode> tests = new ArrayList<>();
      for (Map.Entry<String, JsonNode> test : json.properties()) {
        JsonNode template = test.getValue().get("transaction");
        for (Map.Entry<String, JsonNode> post : test.getValue().get("post").properties()) {
          String forkName = post.getKey();
          int i = 0;
          for (JsonNode entry : post.getValue()) {
            String name = test.getKey() + "/" + forkName + "/" + i++;
            tests.add(DynamicTest.dynamicTest(name, () -> check(forkName, template, entry)));
          }
        }
      }
      nodes.add(DynamicContainer.dynamicContainer(root.relativize(file).toString(), tests));
    }
    return nodes.stream();
  }

  private static void check(String forkName, JsonNode template, JsonNode entry) {
    Assumptions.assumeTrue(isSupported(forkName), "zgnode executes London onward");
    Fork fork = Fork.fromName(forkName);
    byte[] raw = Hex.decode(entry.get("txbytes").asText());
    String expected =
        entry.has("expectException")
            ? entry.get("expectException").asText().replace("TransactionException.", "")
            : null;
    InvalidTransactionException rejection = null;
    Transaction tx = null;
    try {
      tx = TransactionDecoder.decode(raw, fork);
      TransactionValidator.validateStatic(tx, fork, CHAIN_ID);
    } catch (InvalidTransactionException e) {
      rejection = e;
    }
    if (expected != null && !isStatefulOnly(expected)) {
      assertTrue(rejection != null, "expected " + expected + ", but the static rules pass");
      boolean matches = false;
      for (String alternative : expected.split("\\|")) {
        String name = alternative.replace("TransactionException.", "");
        Reason reason = STATIC.get(name);
        if (reason == null && !STATEFUL.contains(name)) {
          fail("fixture exception " + name + " has no mapping in this test");
        }
        matches |= reason == rejection.reason();
      }
      assertTrue(
          matches,
          "expected " + expected + ", got " + rejection.reason() + ": " + rejection.getMessage());
      return;
    }
    if (rejection != null) {
      fail(
          "valid transaction rejected: " + rejection.reason() + ": " + rejection.getMessage(),
          rejection);
    }
    assertEquals(template.get("sender").asText(), tx.sender().toHex(), "sender");
    JsonNode indexes = entry.get("indexes");
    assertEquals(quantity(template.get("nonce")), Transaction.unsigned(tx.nonce()), "nonce");
    assertEquals(
        quantity(template.get("gasLimit").get(indexes.get("gas").asInt())),
        Transaction.unsigned(tx.gasLimit()),
        "gas limit");
    assertEquals(
        quantity(template.get("value").get(indexes.get("value").asInt())), tx.value(), "value");
    assertArrayEquals(
        Hex.decode(template.get("data").get(indexes.get("data").asInt()).asText()),
        tx.data(),
        "data");
    String to = template.get("to").asText();
    if (to.isEmpty()) {
      assertNull(tx.to(), "creation");
    } else {
      assertEquals(Address.fromHex(to), tx.to(), "to");
    }
  }

  private static boolean isStatefulOnly(String expected) {
    for (String alternative : expected.split("\\|")) {
      if (!STATEFUL.contains(alternative.replace("TransactionException.", ""))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isSupported(String forkName) {
    // Any other name must parse as a Fork; an unknown one fails the test rather than skipping.
    return !TransactionConformanceTest.PRE_LONDON.contains(forkName);
  }

  private static BigInteger quantity(JsonNode node) {
    String s = node.asText();
    return s.startsWith("0x") ? new BigInteger(1, Hex.decode(s)) : new BigInteger(s);
  }
}
