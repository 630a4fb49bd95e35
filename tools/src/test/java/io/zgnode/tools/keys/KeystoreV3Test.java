package io.zgnode.tools.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zgnode.evm.bytes.Hex;
import io.zgnode.evm.crypto.hd.HdKeys;
import io.zgnode.evm.types.Address;
import io.zgnode.tools.keys.KeystoreV3.ScryptParams;
import java.math.BigInteger;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

/**
 * The Web3 Secret Storage definition's test vectors (scrypt and PBKDF2, password "testpassword"),
 * and go-ethereum's short-key vectors (31- and 30-byte keys that must be left-padded).
 */
class KeystoreV3Test {
  private static final ObjectMapper JSON = new ObjectMapper();

  static final String SPEC_PRIVATE_KEY =
      "7a28b5ba57c53603b0b07b56bba752f7784bf506fa95edc395f5cf6c7514fe9d";

  static final String SPEC_SCRYPT =
      """
      {"crypto":{"cipher":"aes-128-ctr","cipherparams":{"iv":"83dbcc02d8ccb40e466191a123791e0e"},
      "ciphertext":"d172bf743a674da9cdad04534d56926ef8358534d458fffccd4e6ad2fbde479c",
      "kdf":"scrypt","kdfparams":{"dklen":32,"n":262144,"r":1,"p":8,
      "salt":"ab0c7876052600dd703518d6fc3fe8984592145b591fc8fb5c6d43190334ba19"},
      "mac":"2103ac29920d71da29f15d75b4a16dbe95cfd7ff8faea1056c33131d846e3097"},
      "id":"3198bc9c-6672-5ab3-d995-4942343ae5b6","version":3}
      """;

  static final String SPEC_PBKDF2 =
      """
      {"crypto":{"cipher":"aes-128-ctr","cipherparams":{"iv":"6087dab2f9fdbbfaddc31a909735c1e6"},
      "ciphertext":"5318b4d5bcd28de64ee5559e671353e16f075ecae9f99c7a79a38af5f869aa46",
      "kdf":"pbkdf2","kdfparams":{"c":262144,"dklen":32,"prf":"hmac-sha256",
      "salt":"ae3cd4e7013836a3df6bd7241b12db061dbe2c6785853cce422d148a624ce0bd"},
      "mac":"517ead924a9d0dc3124507e3393d175ce3ff7c1e96529c6c555ce9e51205e9b2"},
      "id":"3198bc9c-6672-5ab3-d995-4942343ae5b6","version":3}
      """;

  static final String KEY_31_BYTES =
      """
      {"crypto":{"cipher":"aes-128-ctr","cipherparams":{"iv":"e0c41130a323adc1446fc82f724bca2f"},
      "ciphertext":"9517cd5bdbe69076f9bf5057248c6c050141e970efa36ce53692d5d59a3984",
      "kdf":"scrypt","kdfparams":{"dklen":32,"n":2,"r":8,"p":1,
      "salt":"711f816911c92d649fb4c84b047915679933555030b3552c1212609b38208c63"},
      "mac":"d5e116151c6aa71470e67a7d42c9620c75c4d23229847dcc127794f0732b0db5"},
      "id":"fecfc4ce-e956-48fd-953b-30f8b52ed66c","version":3}
      """;

  static final String KEY_30_BYTES =
      """
      {"crypto":{"cipher":"aes-128-ctr","cipherparams":{"iv":"3ca92af36ad7c2cd92454c59cea5ef00"},
      "ciphertext":"108b7d34f3442fc26ab1ab90ca91476ba6bfa8c00975a49ef9051dc675aa",
      "kdf":"scrypt","kdfparams":{"dklen":32,"n":2,"r":8,"p":1,
      "salt":"d0769e608fb86cda848065642a9c6fa046845c928175662b8e356c77f914cd3b"},
      "mac":"75d0e6759f7b3cefa319c3be41680ab6beea7d8328653474bd06706d4cc67420"},
      "id":"a37e1559-5955-450d-8075-7b8931b392b2","version":3}
      """;

  @Test
  void specScryptVectorDecrypts() {
    assertArrayEquals(
        Hex.decode(SPEC_PRIVATE_KEY), KeystoreV3.decrypt(SPEC_SCRYPT, "testpassword"));
  }

  @Test
  void specPbkdf2VectorDecrypts() {
    assertArrayEquals(
        Hex.decode(SPEC_PRIVATE_KEY), KeystoreV3.decrypt(SPEC_PBKDF2, "testpassword"));
  }

  @Test
  void shortKeysAreLeftPadded() {
    assertArrayEquals(
        Hex.decode("00fa7b3db73dc7dfdf8c5fbdb796d741e4488628c41fc4febd9160a866ba0f35"),
        KeystoreV3.decrypt(KEY_31_BYTES, "foo"));
    assertArrayEquals(
        Hex.decode("000081c29e8142bb6a81bef5a92bda7a8328a5c85bb2f9542e76f9b0f94fc018"),
        KeystoreV3.decrypt(KEY_30_BYTES, "foo"));
  }

  @Test
  void wrongPasswordIsTold() {
    assertThrows(
        KeystoreException.WrongPassword.class, () -> KeystoreV3.decrypt(KEY_31_BYTES, "bar"));
  }

  @Test
  void roundTripWritesWhatGethWrites() throws Exception {
    byte[] key = toBytes(HdKeys.devAccount(0));
    String json = KeystoreV3.encrypt(key, "pässword", ScryptParams.LIGHT, new SecureRandom());
    JsonNode root = JSON.readTree(json);
    assertEquals(3, root.get("version").asInt());
    assertEquals("f39fd6e51aad88f6f4ce6ab8827279cfffb92266", root.get("address").asText());
    assertTrue(root.get("id").asText().matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab].*"));
    JsonNode crypto = root.get("crypto");
    assertEquals("aes-128-ctr", crypto.get("cipher").asText());
    assertEquals("scrypt", crypto.get("kdf").asText());
    assertEquals(4096, crypto.get("kdfparams").get("n").asInt());
    assertEquals(8, crypto.get("kdfparams").get("r").asInt());
    assertEquals(6, crypto.get("kdfparams").get("p").asInt());
    assertEquals(32, crypto.get("kdfparams").get("dklen").asInt());
    assertArrayEquals(key, KeystoreV3.decrypt(json, "pässword"));
    // The composed and decomposed forms of ä are one password (NFKC, as ethers reads it).
    assertArrayEquals(key, KeystoreV3.decrypt(json, "pa\u0308ssword"));
    assertEquals(
        Address.fromHex("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"),
        KeystoreV3.statedAddress(json));
  }

  @Test
  void standardParametersAreGeths() {
    assertEquals(new ScryptParams(262144, 8, 1), ScryptParams.STANDARD);
  }

  @Test
  void badFilesSayWhatIsWrong() {
    assertEquals("not valid JSON", message(() -> KeystoreV3.decrypt("{", "x")));
    assertEquals(
        "unsupported keystore version 1 (want 3)",
        message(() -> KeystoreV3.decrypt("{\"version\":1}", "x")));
    assertEquals(
        "unsupported cipher 'aes-128-cbc' (only aes-128-ctr)",
        message(
            () -> KeystoreV3.decrypt(KEY_31_BYTES.replace("aes-128-ctr", "aes-128-cbc"), "foo")));
    assertEquals(
        "scrypt parameters n=1073741824 r=8 need more than 1 GiB of memory",
        message(() ->
            KeystoreV3.decrypt(KEY_31_BYTES.replace("\"n\":2,", "\"n\":1073741824,"), "foo")));
    assertEquals(
        "scrypt n must be a power of two above 1, got 3",
        message(() -> KeystoreV3.decrypt(KEY_31_BYTES.replace("\"n\":2,", "\"n\":3,"), "foo")));
    assertEquals(
        "\"iv\" is not hex",
        message(() -> KeystoreV3.decrypt(KEY_31_BYTES.replace("e0c41130", "zzc41130"), "foo")));
    // A flipped ciphertext bit fails the MAC, which cannot be told from a wrong password.
    assertThrows(
        KeystoreException.WrongPassword.class,
        () -> KeystoreV3.decrypt(KEY_31_BYTES.replace("9517cd5b", "9517cd5c"), "foo"));
    String json =
        KeystoreV3.encrypt(
            toBytes(HdKeys.devAccount(0)), "pw", ScryptParams.LIGHT, new SecureRandom());
    assertEquals(
        "the file's address 0x70997970c51812dc3a010c7d01b50e0d17dc79c8 does not match its key",
        message(() ->
            KeystoreV3.decrypt(
                json.replace(
                    "f39fd6e51aad88f6f4ce6ab8827279cfffb92266",
                    "70997970c51812dc3a010c7d01b50e0d17dc79c8"),
                "pw")));
  }

  private static String message(org.junit.jupiter.api.function.Executable e) {
    return assertThrows(KeystoreException.class, e).getMessage();
  }

  static byte[] toBytes(BigInteger key) {
    byte[] raw = key.toByteArray();
    byte[] out = new byte[32];
    int n = Math.min(raw.length, 32);
    System.arraycopy(raw, raw.length - n, out, 32 - n, n);
    return out;
  }
}
