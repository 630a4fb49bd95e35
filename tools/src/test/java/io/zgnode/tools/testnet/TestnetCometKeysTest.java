package io.zgnode.tools.testnet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zgnode.tools.CliException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The key files as cometbft init writes them (the real binary is checked in the init test). */
class TestnetCometKeysTest {
  private static byte[] bytes(int from, int n) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) (from + i);
    }
    return b;
  }

  @Test
  void nodeIdIsHexOfTheFirst20BytesOfSha256OfThePublicKey(@TempDir Path tmp) throws Exception {
    byte[] seed = bytes(0, 32);
    byte[] pub = bytes(100, 32);
    byte[] priv = new byte[64];
    System.arraycopy(seed, 0, priv, 0, 32);
    System.arraycopy(pub, 0, priv, 32, 32);
    Path f = tmp.resolve("node_key.json");
    Files.writeString(
        f,
        "{\"priv_key\":{\"type\":\"tendermint/PrivKeyEd25519\",\"value\":\""
            + Base64.getEncoder().encodeToString(priv)
            + "\"}}");
    byte[] h = MessageDigest.getInstance("SHA-256").digest(pub);
    String expected = HexFormat.of().formatHex(h, 0, 20);
    assertEquals(40, expected.length());
    assertEquals(expected, CometKeys.nodeId(f));
    assertEquals(expected, CometKeys.nodeId(pub));
  }

  @Test
  void validatorKeyIsThePubKeyValue(@TempDir Path tmp) throws Exception {
    byte[] pub = bytes(7, 32);
    Path f = tmp.resolve("priv_validator_key.json");
    Files.writeString(
        f,
        "{\"address\":\"00\",\"pub_key\":{\"type\":\"tendermint/PubKeyEd25519\",\"value\":\""
            + Base64.getEncoder().encodeToString(pub)
            + "\"},\"priv_key\":{}}");
    assertArrayEquals(pub, CometKeys.validatorPublicKey(f));
  }

  @Test
  void otherKeyTypesAndLengthsAreRefused(@TempDir Path tmp) throws Exception {
    Path f = tmp.resolve("priv_validator_key.json");
    Files.writeString(
        f, "{\"pub_key\":{\"type\":\"tendermint/PubKeySecp256k1\",\"value\":\"AAAA\"}}");
    CliException e = assertThrows(CliException.class, () -> CometKeys.validatorPublicKey(f));
    assertTrue(e.getMessage().contains("tendermint/PubKeySecp256k1"), e.getMessage());
    Files.writeString(
        f, "{\"pub_key\":{\"type\":\"tendermint/PubKeyEd25519\",\"value\":\"AAAA\"}}");
    e = assertThrows(CliException.class, () -> CometKeys.validatorPublicKey(f));
    assertTrue(e.getMessage().contains("3 bytes"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> CometKeys.nodeId(new byte[31]));
  }
}
