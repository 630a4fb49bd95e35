package io.zgnode.tools.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.zgnode.evm.bytes.Hex;
import io.zgnode.evm.crypto.hd.HdKeys;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

/** Entropy-to-phrase vectors from the BIP-39 reference test set (English, no passphrase). */
class MnemonicTest {
  record Vector(String entropy, String phrase) {}

  static final Vector[] VECTORS = {
    new Vector(
        "00000000000000000000000000000000",
        "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon"
            + " about"),
    new Vector(
        "7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f7f",
        "legal winner thank year wave sausage worth useful legal winner thank yellow"),
    new Vector(
        "ffffffffffffffffffffffffffffffff", "zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo wrong"),
    new Vector(
        "0000000000000000000000000000000000000000000000000000000000000000",
        "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon"
            + " abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon"
            + " abandon abandon art"),
    new Vector(
        "8080808080808080808080808080808080808080808080808080808080808080",
        "letter advice cage absurd amount doctor acoustic avoid letter advice cage absurd amount"
            + " doctor acoustic avoid letter advice cage absurd amount doctor acoustic bless"),
    new Vector(
        "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
        "zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo"
            + " zoo vote"),
  };

  @Test
  void entropyVectors() {
    for (Vector v : VECTORS) {
      assertEquals(v.phrase(), Mnemonic.fromEntropy(Hex.decode(v.entropy())), v.entropy());
      assertEquals(v.phrase(), Mnemonic.validate(v.phrase()));
    }
    assertEquals(6, VECTORS.length);
  }

  @Test
  void generatedPhrasesHave24WordsAndValidate() {
    String phrase = Mnemonic.generate(24, new SecureRandom());
    assertEquals(24, phrase.split(" ").length);
    assertEquals(phrase, Mnemonic.validate("  " + phrase.toUpperCase().replace(" ", "\n ") + " "));
    assertEquals(HdKeys.DEV_MNEMONIC, Mnemonic.validate(HdKeys.DEV_MNEMONIC));
  }

  @Test
  void badPhrasesSayWhatIsWrong() {
    assertEquals(
        "word 3 of the mnemonic is not in the BIP-39 English word list",
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    Mnemonic.validate(
                        "test test tset test test test test test test test test junk"))
            .getMessage());
    assertEquals(
        "the mnemonic's checksum does not match (a word is wrong or out of order)",
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    Mnemonic.validate(
                        "test test test test test test test test test test junk test"))
            .getMessage());
    assertEquals(
        "a BIP-39 mnemonic has 12, 15, 18, 21 or 24 words, got 11",
        assertThrows(
                IllegalArgumentException.class,
                () -> Mnemonic.validate("test test test test test test test test test test junk"))
            .getMessage());
    assertThrows(IllegalArgumentException.class, () -> Mnemonic.validate("   "));
  }
}
