package io.zgnode.evm.crypto.hd;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * BIP-39 mnemonic to seed. Only the seed derivation is implemented: the words are not checked
 * against a word list or a checksum, since any phrase derives a seed and callers here only need to
 * reproduce well-known development accounts.
 */
public final class Bip39 {
  private static final int ROUNDS = 2048;
  private static final int SEED_BITS = 512;

  private Bip39() {}

  /**
   * The 64-byte seed: PBKDF2-HMAC-SHA512 of the NFKD-normalised phrase, salted with "mnemonic"
   * followed by the NFKD-normalised passphrase, 2048 rounds.
   *
   * @throws IllegalArgumentException for a null, empty or blank phrase
   */
  public static byte[] seed(String mnemonic, String passphrase) {
    if (mnemonic == null || mnemonic.isBlank()) {
      throw new IllegalArgumentException("mnemonic phrase is empty");
    }
    // Words are separated by single spaces in the normalised form the seed is defined over.
    String phrase = String.join(" ", mnemonic.trim().split("\\s+"));
    String salt = "mnemonic" + (passphrase == null ? "" : passphrase);
    PKCS5S2ParametersGenerator gen = new PKCS5S2ParametersGenerator(new SHA512Digest());
    gen.init(nfkd(phrase), nfkd(salt), ROUNDS);
    return ((KeyParameter) gen.generateDerivedParameters(SEED_BITS)).getKey();
  }

  /** The seed with an empty passphrase. */
  public static byte[] seed(String mnemonic) {
    return seed(mnemonic, "");
  }

  private static byte[] nfkd(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFKD).getBytes(StandardCharsets.UTF_8);
  }
}
