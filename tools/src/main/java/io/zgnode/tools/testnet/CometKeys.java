package io.zgnode.tools.testnet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zgnode.tools.CliException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/** The public facts of the ed25519 keys {@code cometbft init} writes into a home. */
public final class CometKeys {
  static final String ED25519_PRIV = "tendermint/PrivKeyEd25519";
  static final String ED25519_PUB = "tendermint/PubKeyEd25519";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int PUB_LENGTH = 32;
  private static final int ID_LENGTH = 20;

  private CometKeys() {}

  /**
   * CometBFT's node ID from {@code config/node_key.json}: the ed25519 private key there is the
   * 32-byte seed followed by the 32-byte public key.
   */
  public static String nodeId(Path nodeKeyJson) {
    JsonNode key = read(nodeKeyJson).path("priv_key");
    byte[] priv = base64Value(key, ED25519_PRIV, nodeKeyJson, "priv_key");
    if (priv.length != 2 * PUB_LENGTH) {
      throw new CliException(
          nodeKeyJson + ": priv_key has " + priv.length + " bytes, an ed25519 key has 64");
    }
    return nodeId(Arrays.copyOfRange(priv, PUB_LENGTH, 2 * PUB_LENGTH));
  }

  /** CometBFT's ID of a node or validator: hex of the first 20 bytes of sha256(public key). */
  public static String nodeId(byte[] ed25519PublicKey) {
    if (ed25519PublicKey.length != PUB_LENGTH) {
      throw new IllegalArgumentException(
          "an ed25519 public key has 32 bytes, got " + ed25519PublicKey.length);
    }
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(ed25519PublicKey);
      return HexFormat.of().formatHex(h, 0, ID_LENGTH);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }

  /** The consensus public key (32 bytes) from {@code config/priv_validator_key.json}. */
  public static byte[] validatorPublicKey(Path privValidatorKeyJson) {
    JsonNode key = read(privValidatorKeyJson).path("pub_key");
    byte[] pub = base64Value(key, ED25519_PUB, privValidatorKeyJson, "pub_key");
    if (pub.length != PUB_LENGTH) {
      throw new CliException(
          privValidatorKeyJson + ": pub_key has " + pub.length + " bytes, ed25519 has 32");
    }
    return pub;
  }

  private static byte[] base64Value(JsonNode key, String type, Path file, String field) {
    String actualType = key.path("type").asText("");
    if (!actualType.equals(type)) {
      throw new CliException(
          file + ": " + field + " is '" + actualType + "', zgnode testnets use " + type);
    }
    try {
      return Base64.getDecoder().decode(key.path("value").asText(""));
    } catch (IllegalArgumentException e) {
      throw new CliException(file + ": " + field + ".value is not base64", e);
    }
  }

  private static JsonNode read(Path file) {
    try {
      return JSON.readTree(Files.readString(file));
    } catch (IOException e) {
      throw new CliException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
