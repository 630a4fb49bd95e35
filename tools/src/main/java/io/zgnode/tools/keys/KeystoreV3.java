package io.zgnode.tools.keys;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zgnode.evm.crypto.Keccak256;
import io.zgnode.evm.crypto.Secp256k1;
import io.zgnode.evm.types.Address;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * Ethereum's Web3 Secret Storage, version 3: the private key encrypted with AES-128-CTR under the
 * first half of a key derived from the password (scrypt, or PBKDF2-HMAC-SHA256 when reading), with
 * MAC = keccak256(derivedKey[16..32] || ciphertext). Files written here are read by geth and
 * ethers, and theirs are read here.
 *
 * <p>The password is taken as the UTF-8 bytes of its NFKC form, as ethers does; geth uses the bytes
 * as typed, which is the same for any password that is already NFKC (every ASCII one).
 */
public final class KeystoreV3 {
  public static final int VERSION = 3;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HexFormat HEX = HexFormat.of();

  /** Limits on what a file may ask for, so a hostile file cannot make decryption exhaust memory. */
  private static final long MAX_SCRYPT_MEMORY = 1L << 30;

  private static final int MAX_PBKDF2_ROUNDS = 1 << 24;

  private KeystoreV3() {}

  /** scrypt cost parameters; memory is 128 * n * r bytes. */
  public record ScryptParams(int n, int r, int p) {
    /** geth's and ethers' defaults (256 MiB, about a second). */
    public static final ScryptParams STANDARD = new ScryptParams(1 << 18, 8, 1);

    /** geth's "light" parameters (4 MiB), for tests and throwaway devnet keys. */
    public static final ScryptParams LIGHT = new ScryptParams(1 << 12, 8, 6);

    public ScryptParams {
      if (n < 2 || Integer.bitCount(n) != 1) {
        throw new KeystoreException("scrypt n must be a power of two above 1, got " + n);
      }
      if (r < 1 || p < 1 || (long) r * p >= 1L << 30) {
        throw new KeystoreException("scrypt r and p must be positive with r * p < 2^30");
      }
      if (128L * n * r > MAX_SCRYPT_MEMORY) {
        throw new KeystoreException(
            "scrypt parameters n=" + n + " r=" + r + " need more than 1 GiB of memory");
      }
    }
  }

  /**
   * The keystore JSON (pretty-printed) of a 32-byte private key, with the key's address, a random
   * salt, IV and UUID.
   */
  public static String encrypt(
      byte[] privateKey, String password, ScryptParams params, SecureRandom random) {
    if (privateKey.length != 32) {
      throw new IllegalArgumentException("a secp256k1 private key has 32 bytes");
    }
    byte[] salt = new byte[32];
    byte[] iv = new byte[16];
    random.nextBytes(salt);
    random.nextBytes(iv);
    byte[] derived = scrypt(passwordBytes(password), salt, params, 32);
    try {
      byte[] ciphertext = aesCtr(derived, iv, privateKey);
      ObjectNode root = JSON.createObjectNode();
      root.put("address", HEX.formatHex(addressOf(privateKey).bytesUnsafe()));
      ObjectNode crypto = root.putObject("crypto");
      crypto.put("cipher", "aes-128-ctr");
      crypto.putObject("cipherparams").put("iv", HEX.formatHex(iv));
      crypto.put("ciphertext", HEX.formatHex(ciphertext));
      crypto.put("kdf", "scrypt");
      ObjectNode kdf = crypto.putObject("kdfparams");
      kdf.put("dklen", 32);
      kdf.put("n", params.n());
      kdf.put("p", params.p());
      kdf.put("r", params.r());
      kdf.put("salt", HEX.formatHex(salt));
      crypto.put("mac", HEX.formatHex(mac(derived, ciphertext)));
      root.put("id", uuid(random).toString());
      root.put("version", VERSION);
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write keystore JSON", e);
    } finally {
      Arrays.fill(derived, (byte) 0);
    }
  }

  /**
   * The 32-byte private key of a keystore file (shorter stored keys are left-padded with zeros, as
   * geth does).
   *
   * @throws KeystoreException.WrongPassword when the MAC does not match
   * @throws KeystoreException when the file is not a version 3 keystore this class can read
   */
  public static byte[] decrypt(String json, String password) {
    JsonNode root = parse(json);
    JsonNode crypto = root.has("crypto") ? root.get("crypto") : root.get("Crypto");
    if (crypto == null || !crypto.isObject()) {
      throw new KeystoreException("no \"crypto\" object");
    }
    String cipher = text(crypto, "cipher");
    if (!cipher.equals("aes-128-ctr")) {
      throw new KeystoreException("unsupported cipher '" + cipher + "' (only aes-128-ctr)");
    }
    JsonNode cipherParams = crypto.get("cipherparams");
    if (cipherParams == null || !cipherParams.isObject()) {
      throw new KeystoreException("no \"cipherparams\" object");
    }
    byte[] iv = hex(cipherParams, "iv");
    if (iv.length != 16) {
      throw new KeystoreException("iv must be 16 bytes, got " + iv.length);
    }
    byte[] ciphertext = hex(crypto, "ciphertext");
    if (ciphertext.length == 0 || ciphertext.length > 32) {
      throw new KeystoreException("ciphertext must be 1 to 32 bytes, got " + ciphertext.length);
    }
    byte[] expectedMac = hex(crypto, "mac");
    byte[] derived = deriveKey(crypto, passwordBytes(password));
    try {
      if (!MessageDigest.isEqual(mac(derived, ciphertext), expectedMac)) {
        throw new KeystoreException.WrongPassword();
      }
      byte[] plain = aesCtr(derived, iv, ciphertext);
      byte[] key = new byte[32];
      System.arraycopy(plain, 0, key, 32 - plain.length, plain.length);
      Arrays.fill(plain, (byte) 0);
      BigInteger d = new BigInteger(1, key);
      if (d.signum() == 0 || d.compareTo(Secp256k1.N) >= 0) {
        throw new KeystoreException("the decrypted key is not a valid secp256k1 private key");
      }
      Address stated = statedAddress(root);
      if (stated != null && !stated.equals(addressOf(key))) {
        throw new KeystoreException(
            "the file's address " + stated.toHex() + " does not match its key");
      }
      return key;
    } finally {
      Arrays.fill(derived, (byte) 0);
    }
  }

  /** The address a file states (unverified until decrypted), or null when it has none. */
  public static Address statedAddress(String json) {
    return statedAddress(parse(json));
  }

  private static Address statedAddress(JsonNode root) {
    JsonNode a = root.get("address");
    if (a == null || a.isNull()) {
      return null;
    }
    if (!a.isTextual() || !a.asText().matches("(0x)?[0-9a-fA-F]{40}")) {
      throw new KeystoreException("\"address\" is not 40 hex digits");
    }
    return Address.fromHex(a.asText());
  }

  /** The Ethereum address of a 32-byte private key. */
  public static Address addressOf(byte[] privateKey) {
    return Secp256k1.address(new BigInteger(1, privateKey));
  }

  private static JsonNode parse(String json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new KeystoreException("not valid JSON");
    }
    if (root == null || !root.isObject()) {
      throw new KeystoreException("not a JSON object");
    }
    JsonNode v = root.get("version");
    if (v == null || !v.canConvertToInt() || v.asInt() != VERSION) {
      throw new KeystoreException(
          "unsupported keystore version " + (v == null ? "(none)" : v.toString()) + " (want 3)");
    }
    return root;
  }

  private static byte[] deriveKey(JsonNode crypto, byte[] password) {
    String kdf = text(crypto, "kdf");
    JsonNode p = crypto.get("kdfparams");
    if (p == null || !p.isObject()) {
      throw new KeystoreException("no \"kdfparams\" object");
    }
    int dklen = integer(p, "dklen");
    if (dklen < 32 || dklen > 64) {
      throw new KeystoreException("dklen must be 32 to 64, got " + dklen);
    }
    byte[] salt = hex(p, "salt");
    switch (kdf) {
      case "scrypt" -> {
        ScryptParams params = new ScryptParams(integer(p, "n"), integer(p, "r"), integer(p, "p"));
        return scrypt(password, salt, params, dklen);
      }
      case "pbkdf2" -> {
        String prf = text(p, "prf");
        if (!prf.equals("hmac-sha256")) {
          throw new KeystoreException("unsupported pbkdf2 prf '" + prf + "'");
        }
        int c = integer(p, "c");
        if (c < 1 || c > MAX_PBKDF2_ROUNDS) {
          throw new KeystoreException("pbkdf2 c must be 1 to " + MAX_PBKDF2_ROUNDS + ", got " + c);
        }
        PKCS5S2ParametersGenerator gen = new PKCS5S2ParametersGenerator(new SHA256Digest());
        gen.init(password, salt, c);
        return ((KeyParameter) gen.generateDerivedParameters(dklen * 8)).getKey();
      }
      default -> throw new KeystoreException("unsupported kdf '" + kdf + "'");
    }
  }

  private static byte[] scrypt(byte[] password, byte[] salt, ScryptParams p, int dklen) {
    return Scrypt.derive(password, salt, p.n(), p.r(), p.p(), dklen);
  }

  private static byte[] mac(byte[] derived, byte[] ciphertext) {
    return Keccak256.hash(Arrays.copyOfRange(derived, 16, 32), ciphertext);
  }

  private static byte[] aesCtr(byte[] derived, byte[] iv, byte[] input) {
    try {
      Cipher c = Cipher.getInstance("AES/CTR/NoPadding");
      c.init(
          Cipher.ENCRYPT_MODE,
          new SecretKeySpec(Arrays.copyOf(derived, 16), "AES"),
          new IvParameterSpec(iv));
      return c.doFinal(input);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-128-CTR is unavailable", e);
    }
  }

  private static byte[] passwordBytes(String password) {
    return Normalizer.normalize(password, Normalizer.Form.NFKC).getBytes(StandardCharsets.UTF_8);
  }

  /** A version 4 (random) UUID drawn from {@code random}. */
  private static UUID uuid(SecureRandom random) {
    byte[] b = new byte[16];
    random.nextBytes(b);
    b[6] = (byte) ((b[6] & 0x0f) | 0x40);
    b[8] = (byte) ((b[8] & 0x3f) | 0x80);
    long hi = 0;
    long lo = 0;
    for (int i = 0; i < 8; i++) {
      hi = (hi << 8) | (b[i] & 0xff);
      lo = (lo << 8) | (b[8 + i] & 0xff);
    }
    return new UUID(hi, lo);
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || !v.isTextual()) {
      throw new KeystoreException("missing or non-text \"" + field + "\"");
    }
    return v.asText().toLowerCase(Locale.ROOT);
  }

  private static int integer(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || !v.isIntegralNumber() || !v.canConvertToInt()) {
      throw new KeystoreException("missing or non-integer \"" + field + "\"");
    }
    return v.asInt();
  }

  private static byte[] hex(JsonNode node, String field) {
    String s = text(node, field);
    if (s.startsWith("0x")) {
      s = s.substring(2);
    }
    try {
      return HEX.parseHex(s);
    } catch (IllegalArgumentException e) {
      throw new KeystoreException("\"" + field + "\" is not hex");
    }
  }
}
