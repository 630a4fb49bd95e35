package io.zgnode.tools.keys;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * BIP-39 mnemonics over the English word list: new phrases from fresh entropy, and a check of a
 * typed phrase (every word in the list, the checksum right) so a typo is caught before it silently
 * derives a different key. The seed itself comes from the evm module's {@code Bip39}.
 */
public final class Mnemonic {
  /** The word list's published SHA-256, checked when it is loaded. */
  static final String WORDLIST_SHA256 =
      "2f5eed53a4727b4bf8880d8f3f199efc90e58503646d9ff8eff3a2ed3b24dbda";

  private static final List<String> WORDS = loadWords();
  private static final Map<String, Integer> INDEX = index(WORDS);

  private Mnemonic() {}

  /** A new phrase of {@code words} words (12, 15, 18, 21 or 24) from {@code random}. */
  public static String generate(int words, SecureRandom random) {
    int entropyBits = checkWordCount(words) * 11 * 32 / 33;
    byte[] entropy = new byte[entropyBits / 8];
    random.nextBytes(entropy);
    return fromEntropy(entropy);
  }

  /** The phrase for {@code entropy} (16 to 32 bytes, a multiple of 4). */
  public static String fromEntropy(byte[] entropy) {
    if (entropy.length < 16 || entropy.length > 32 || entropy.length % 4 != 0) {
      throw new IllegalArgumentException(
          "BIP-39 entropy must be 16, 20, 24, 28 or 32 bytes, got " + entropy.length);
    }
    // The checksum (entropy bits / 32, at most 8) is the first bits of SHA-256(entropy): append
    // its first byte and read 11-bit groups across the whole.
    byte[] bits = java.util.Arrays.copyOf(entropy, entropy.length + 1);
    bits[entropy.length] = sha256(entropy)[0];
    int words = (entropy.length * 8 + entropy.length / 4) / 11;
    StringBuilder sb = new StringBuilder();
    for (int w = 0; w < words; w++) {
      int index = 0;
      for (int b = 0; b < 11; b++) {
        int bit = w * 11 + b;
        index = (index << 1) | ((bits[bit / 8] >>> (7 - bit % 8)) & 1);
      }
      if (w > 0) {
        sb.append(' ');
      }
      sb.append(WORDS.get(index));
    }
    return sb.toString();
  }

  /**
   * The phrase in its normal form (lower case, single spaces) after checking it.
   *
   * @throws IllegalArgumentException naming the first unknown word, a wrong word count or a
   *     checksum that does not match
   */
  public static String validate(String phrase) {
    String[] words = phrase.strip().toLowerCase(java.util.Locale.ROOT).split("\\s+");
    if (words.length == 1 && words[0].isEmpty()) {
      throw new IllegalArgumentException("the mnemonic is empty");
    }
    checkWordCount(words.length);
    int totalBits = words.length * 11;
    int checksumBits = totalBits / 33;
    byte[] bits = new byte[(totalBits + 7) / 8];
    for (int w = 0; w < words.length; w++) {
      Integer index = INDEX.get(words[w]);
      if (index == null) {
        throw new IllegalArgumentException(
            "word " + (w + 1) + " of the mnemonic is not in the BIP-39 English word list");
      }
      for (int b = 0; b < 11; b++) {
        if (((index >>> (10 - b)) & 1) != 0) {
          int bit = w * 11 + b;
          bits[bit / 8] |= (byte) (0x80 >>> (bit % 8));
        }
      }
    }
    int entropyBytes = (totalBits - checksumBits) / 8;
    byte[] entropy = java.util.Arrays.copyOf(bits, entropyBytes);
    byte[] hash = sha256(entropy);
    for (int i = 0; i < checksumBits; i++) {
      int bit = entropyBytes * 8 + i;
      int have = (bits[bit / 8] >>> (7 - bit % 8)) & 1;
      int want = (hash[i / 8] >>> (7 - i % 8)) & 1;
      if (have != want) {
        throw new IllegalArgumentException(
            "the mnemonic's checksum does not match (a word is wrong or out of order)");
      }
    }
    return String.join(" ", words);
  }

  private static int checkWordCount(int words) {
    if (words < 12 || words > 24 || words % 3 != 0) {
      throw new IllegalArgumentException(
          "a BIP-39 mnemonic has 12, 15, 18, 21 or 24 words, got " + words);
    }
    return words;
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from the JDK", e);
    }
  }

  private static List<String> loadWords() {
    try (InputStream in = Mnemonic.class.getResourceAsStream("bip39-english.txt")) {
      if (in == null) {
        throw new IllegalStateException("the BIP-39 word list is missing from the jar");
      }
      byte[] raw = in.readAllBytes();
      String sha = java.util.HexFormat.of().formatHex(sha256(raw));
      if (!sha.equals(WORDLIST_SHA256)) {
        throw new IllegalStateException("the BIP-39 word list is corrupt (SHA-256 " + sha + ")");
      }
      List<String> words = new String(raw, StandardCharsets.US_ASCII).lines().toList();
      if (words.size() != 2048) {
        throw new IllegalStateException("the BIP-39 word list has " + words.size() + " words");
      }
      return words;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the BIP-39 word list", e);
    }
  }

  private static Map<String, Integer> index(List<String> words) {
    Map<String, Integer> m = new HashMap<>();
    for (int i = 0; i < words.size(); i++) {
      m.put(words.get(i), i);
    }
    return m;
  }
}
