package io.zgnode.evm.tx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zgnode.evm.SharedFixtures;
import io.zgnode.evm.bytes.Hex;
import io.zgnode.evm.fork.Fork;
import io.zgnode.evm.tx.InvalidTransactionException.Reason;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
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
 * ethereum/tests TransactionTests: for every vector and every fork in its results, decode the
 * bytes, apply the fork's static rules for chain id 1 and recover the sender, then compare with the
 * expected hash, sender and intrinsic gas, or the expected exception.
 */
class TransactionConformanceTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The chain id the fixtures were signed for. */
  private static final BigInteger CHAIN_ID = BigInteger.ONE;

  private static final String PRE_LONDON_REASON = "zgnode executes London onward";

  /** Forks that appear in the fixtures but that zgnode does not execute. */
  static final Set<String> PRE_LONDON =
      Set.of(
          "Frontier",
          "Homestead",
          "EIP150",
          "EIP158",
          "Byzantium",
          "Constantinople",
          "ConstantinopleFix",
          "Istanbul",
          "Berlin");

  /**
   * The fixtures' exception names, mapped to the reasons that express them. The fixtures name
   * errors after one client's decoder; several names describe one kind of fault here (all
   * structural RLP faults are MALFORMED_RLP, all non-canonical integers LEADING_ZEROS).
   */
  private static final Map<String, Set<Reason>> EXPECTED =
      Map.ofEntries(
          Map.entry("RLP_ERROR_SIZE", EnumSet.of(Reason.MALFORMED_RLP)),
          Map.entry("RLP_ERROR_EOF", EnumSet.of(Reason.MALFORMED_RLP)),
          Map.entry("RLP_INVALID_HEADER", EnumSet.of(Reason.MALFORMED_RLP)),
          Map.entry("RLP_ERROR_SIZE_LEADING_ZEROS", EnumSet.of(Reason.MALFORMED_RLP)),
          Map.entry("RLP_LEADING_ZEROS_DATA_SIZE", EnumSet.of(Reason.MALFORMED_RLP)),
          // 0x81 0x00..0x7f: a single byte wrapped in a string header, non-canonical RLP.
          Map.entry("RLP_LEADING_ZEROS_NONCE_SIZE", EnumSet.of(Reason.MALFORMED_RLP)),
          Map.entry("RLP_TOO_FEW_ELEMENTS", EnumSet.of(Reason.MALFORMED_RLP)),
          Map.entry("RLP_TOO_MANY_ELEMENTS", EnumSet.of(Reason.MALFORMED_RLP)),
          Map.entry("RLP_INVALID_DATA", EnumSet.of(Reason.MALFORMED_RLP)),
          Map.entry("RLP_INVALID_TO", EnumSet.of(Reason.MALFORMED_RLP)),
          Map.entry("RLP_INVALID_NONCE", EnumSet.of(Reason.MALFORMED_RLP)),
          Map.entry("RLP_INVALID_GASLIMIT", EnumSet.of(Reason.MALFORMED_RLP)),
          Map.entry("RLP_INVALID_SIGNATURE_R", EnumSet.of(Reason.MALFORMED_RLP)),
          Map.entry("RLP_INVALID_SIGNATURE_S", EnumSet.of(Reason.MALFORMED_RLP)),
          Map.entry("RLP_LEADING_ZEROS_V", EnumSet.of(Reason.LEADING_ZEROS)),
          Map.entry("RLP_LEADING_ZEROS_NONCE", EnumSet.of(Reason.LEADING_ZEROS)),
          Map.entry("RLP_LEADING_ZEROS_GASLIMIT", EnumSet.of(Reason.LEADING_ZEROS)),
          Map.entry("RLP_LEADING_ZEROS_GASPRICE", EnumSet.of(Reason.LEADING_ZEROS)),
          Map.entry("RLP_LEADING_ZEROS_VALUE", EnumSet.of(Reason.LEADING_ZEROS)),
          Map.entry("RLP_LEADING_ZEROS_R", EnumSet.of(Reason.LEADING_ZEROS)),
          Map.entry("RLP_LEADING_ZEROS_S", EnumSet.of(Reason.LEADING_ZEROS)),
          Map.entry("RLP_LEADING_ZEROS_BASEFEE", EnumSet.of(Reason.LEADING_ZEROS)),
          Map.entry("RLP_LEADING_ZEROS_PRIORITY_FEE", EnumSet.of(Reason.LEADING_ZEROS)),
          Map.entry("TYPE_NOT_SUPPORTED", EnumSet.of(Reason.TYPE_NOT_SUPPORTED)),
          Map.entry("ADDRESS_TOO_SHORT", EnumSet.of(Reason.INVALID_ADDRESS)),
          Map.entry("ADDRESS_TOO_LONG", EnumSet.of(Reason.INVALID_ADDRESS)),
          Map.entry(
              "RLP_INVALID_ACCESS_LIST_ADDRESS_TOO_LONG", EnumSet.of(Reason.INVALID_ACCESS_LIST)),
          Map.entry(
              "RLP_INVALID_ACCESS_LIST_ADDRESS_TOO_SHORT", EnumSet.of(Reason.INVALID_ACCESS_LIST)),
          Map.entry(
              "RLP_INVALID_ACCESS_LIST_STORAGE_TOO_LONG", EnumSet.of(Reason.INVALID_ACCESS_LIST)),
          Map.entry(
              "RLP_INVALID_ACCESS_LIST_STORAGE_TOO_SHORT", EnumSet.of(Reason.INVALID_ACCESS_LIST)),
          Map.entry("NONCE_OVERFLOW", EnumSet.of(Reason.NONCE_TOO_LARGE)),
          Map.entry("NONCE_TOO_BIG", EnumSet.of(Reason.NONCE_MAX)),
          Map.entry("GASLIMIT_OVERFLOW", EnumSet.of(Reason.GAS_LIMIT_TOO_LARGE)),
          Map.entry("GASPRICE_OVERFLOW", EnumSet.of(Reason.FEE_TOO_LARGE)),
          Map.entry("PRIORITY_OVERFLOW", EnumSet.of(Reason.FEE_TOO_LARGE)),
          Map.entry("VALUE_OVERFLOW", EnumSet.of(Reason.VALUE_TOO_LARGE)),
          Map.entry("GASLIMIT_PRICE_PRODUCT_OVERFLOW", EnumSet.of(Reason.FEE_CAP_OVERFLOW)),
          Map.entry(
              "PRIORITY_GREATER_THAN_MAX_FEE_PER_GAS_2",
              EnumSet.of(Reason.PRIORITY_FEE_ABOVE_MAX_FEE)),
          Map.entry("INTRINSIC_GAS_TOO_LOW", EnumSet.of(Reason.INTRINSIC_GAS_TOO_LOW)),
          Map.entry("INITCODE_SIZE_EXCEEDED", EnumSet.of(Reason.INITCODE_TOO_LARGE)),
          Map.entry("INVALID_SIGNATURE_VRS", EnumSet.of(Reason.INVALID_SIGNATURE)),
          Map.entry("EC_RECOVERY_FAIL", EnumSet.of(Reason.INVALID_SENDER)),
          Map.entry("INVALID_CHAINID", EnumSet.of(Reason.INVALID_CHAIN_ID)));

  @TestFactory
  Stream<DynamicNode> transactionTests() throws IOException {
    Path root = SharedFixtures.ethereumTests("TransactionTests");
    List<Path> files;
    try (Stream<Path> s = Files.walk(root)) {
      files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    assertFalse(files.isEmpty(), "no TransactionTests found in " + root);
    List<DynamicNode> nodes = new ArrayList<>();
    for (Path file : files) {
      JsonNode json = JSON.readTree(file.toFile());
      for (Map.Entry<String, JsonNode> vector : json.properties()) {
        String name = root.relativize(file) + "/" + vector.getKey();
        nodes.add(DynamicContainer.dynamicContainer(name, forkTests(vector.getValue())));
      }
    }
    return nodes.stream();
  }

  private static Stream<DynamicTest> forkTests(JsonNode vector) {
    byte[] raw = Hex.decode(vector.get("txbytes").asText());
    List<DynamicTest> tests = new ArrayList<>();
    for (Map.Entry<String, JsonNode> result : vector.get("result").properties()) {
      String forkName = result.getKey();
      JsonNode expected = result.getValue();
      tests.add(
          DynamicTest.dynamicTest(
              forkName,
              () -> {
                Assumptions.assumeFalse(PRE_LONDON.contains(forkName), PRE_LONDON_REASON);
                check(raw, Fork.fromName(forkName), expected);
              }));
    }
    assertFalse(tests.isEmpty(), "vector without results");
    return tests.stream();
  }

  private static void check(byte[] raw, Fork fork, JsonNode expected) {
    Transaction tx;
    try {
      tx = TransactionDecoder.decode(raw, fork);
      TransactionValidator.validateStatic(tx, fork, CHAIN_ID);
      tx.sender();
    } catch (InvalidTransactionException e) {
      if (!expected.has("exception")) {
        fail("expected a valid transaction, got " + e.reason() + ": " + e.getMessage(), e);
      }
      String name = expected.get("exception").asText().replace("TransactionException.", "");
      Set<Reason> allowed = EXPECTED.get(name);
      assertTrue(allowed != null, "fixture exception " + name + " has no mapping in this test");
      boolean stringNotEnvelope = (raw[0] & 0xff) >= 0x80 && (raw[0] & 0xff) < 0xc0;
      if (name.equals("TYPE_NOT_SUPPORTED") && stringNotEnvelope) {
        // An RLP string is neither a typed envelope nor a legacy list; the fixtures call this
        // an unsupported type, the decoder reports it as malformed RLP. Same fault, same message.
        allowed = EnumSet.of(Reason.TYPE_NOT_SUPPORTED, Reason.MALFORMED_RLP);
      }
      assertTrue(
          allowed.contains(e.reason()),
          "expected " + name + " " + allowed + ", got " + e.reason() + ": " + e.getMessage());
      return;
    }
    assertFalse(
        expected.has("exception"),
        () -> "expected " + expected.get("exception").asText() + " but the transaction is valid");
    assertEquals(expected.get("hash").asText(), tx.hash().toHex(), "hash");
    assertEquals(expected.get("sender").asText(), tx.sender().toHex(), "sender");
    assertEquals(
        Long.decode(expected.get("intrinsicGas").asText()).longValue(),
        IntrinsicGas.intrinsicGas(tx, fork),
        "intrinsic gas");
  }
}
