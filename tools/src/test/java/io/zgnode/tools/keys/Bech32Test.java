package io.zgnode.tools.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.zgnode.evm.bytes.Hex;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** BIP-173's test vectors (bech32 strings, valid and invalid, and a segwit address). */
class Bech32Test {
  static final List<String> VALID =
      List.of(
          "A12UEL5L",
          "a12uel5l",
          "an83characterlonghumanreadablepartthatcontainsthenumber1andtheexcludedcharactersbio1tt5tgs",
          "abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw",
          "11" + "q".repeat(82) + "c8247j",
          "split1checkupstagehandshakeupstreamerranterredcaperred2y9e3w",
          "?1ezyfcl");

  /** Each with the reason BIP-173 gives. */
  static final List<String> INVALID =
      List.of(
          "\u00201nwldj5", // HRP character out of range
          "\u007f1axkwrx", // HRP character out of range
          "\u00801eym55h", // HRP character out of range
          "an84characterslonghumanreadablepartthatcontainsthenumber1andtheexcludedcharactersbio1569pvx", // too long
          "pzry9x0s0muk", // no separator
          "1pzry9x0s0muk", // empty HRP
          "x1b4n0q5v", // invalid data character
          "li1dgmt3", // too short checksum
          "de1lg7wt\u00ff", // invalid character in checksum
          "A1G7SGD8", // checksum calculated with upper-case HRP
          "10a06t8", // empty HRP
          "1qzzfhee"); // empty HRP

  @Test
  void validVectorsDecodeAndReencode() {
    for (String s : VALID) {
      Bech32.Decoded d = Bech32.decode(s);
      assertEquals(s.toLowerCase(Locale.ROOT), Bech32.encode(d.hrp(), d.data()), s);
    }
    assertEquals(7, VALID.size());
  }

  @Test
  void invalidVectorsAreRefused() {
    for (String s : INVALID) {
      assertThrows(IllegalArgumentException.class, () -> Bech32.decode(s), s);
    }
    assertEquals(12, INVALID.size());
  }

  @Test
  void segwitVectorRegroupsItsProgram() {
    Bech32.Decoded d = Bech32.decode("BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4");
    assertEquals("bc", d.hrp());
    byte[] data = d.data();
    assertEquals(0, data[0]); // witness version
    assertArrayEquals(
        Hex.decode("751e76e8199196d454941c45d1b3a323f1433bd6"),
        Bech32.convertBits(Arrays.copyOfRange(data, 1, data.length), 5, 8, false));
  }

  @Test
  void addressBytesRoundTripUnderAPrefix() {
    byte[] addr = Hex.decode("f39fd6e51aad88f6f4ce6ab8827279cfffb92266");
    String s = Bech32.encodeBytes("0g", addr);
    assertEquals(2 + 1 + 32 + 6, s.length());
    assertArrayEquals(addr, Bech32.decodeBytes("0g", s));
    IllegalArgumentException wrongPrefix =
        assertThrows(IllegalArgumentException.class, () -> Bech32.decodeBytes("cosmos", s));
    assertEquals("bech32 prefix is '0g', expected 'cosmos'", wrongPrefix.getMessage());
    // One changed character is always caught by the checksum.
    char[] c = s.toCharArray();
    c[10] = c[10] == 'q' ? 'p' : 'q';
    assertThrows(IllegalArgumentException.class, () -> Bech32.decode(new String(c)));
  }

  @Test
  void cosmosAddressOfTheSameBytes() {
    // The same 20 bytes under the Cosmos Hub prefix, as Cosmos SDK tools print them.
    byte[] addr = new byte[20];
    assertEquals(
        "cosmos1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqnrql8a", Bech32.encodeBytes("cosmos", addr));
  }
}
