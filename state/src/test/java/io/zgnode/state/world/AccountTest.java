package io.zgnode.state.world;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zgnode.evm.bytes.Hex;
import io.zgnode.evm.rlp.RlpException;
import io.zgnode.evm.types.Hash;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class AccountTest {
  /** An account from ethereum/tests hex_encoded_securetrie_test.json (nonce 1, no code). */
  private static final String VECTOR =
      "0xf848018405f446a7a056e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421a0"
          + "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470";

  @Test
  void decodesAndReencodesAnEthereumAccount() {
    Account a = Account.decode(Hex.decode(VECTOR));
    assertEquals(1, a.nonce());
    assertEquals(BigInteger.valueOf(0x05f446a7L), a.balance());
    assertEquals(Hash.EMPTY_TRIE, a.storageRoot());
    assertEquals(Hash.EMPTY_CODE, a.codeHash());
    assertEquals(VECTOR, Hex.encode(a.encode()));
  }

  @Test
  void emptyAccountEncoding() {
    assertEquals(
        "0xf8448080a056e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421a0"
            + "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470",
        Hex.encode(Account.EMPTY.encode()));
    assertEquals(Account.EMPTY, Account.decode(Account.EMPTY.encode()));
  }

  @Test
  void extremesRoundTrip() {
    Account a =
        new Account(
            -1L, Account.MAX_BALANCE, Hash.keccak(new byte[] {1}), Hash.keccak(new byte[] {2}));
    Account back = Account.decode(a.encode());
    assertEquals(a, back);
    assertEquals("18446744073709551615", Long.toUnsignedString(back.nonce()));
  }

  @Test
  void eip161Emptiness() {
    assertTrue(Account.EMPTY.isEmpty());
    assertFalse(Account.EMPTY.withNonce(1).isEmpty());
    assertFalse(Account.EMPTY.withBalance(BigInteger.ONE).isEmpty());
    assertFalse(Account.EMPTY.withCodeHash(Hash.keccak(new byte[] {0})).isEmpty());
    assertTrue(
        Account.EMPTY.withStorageRoot(Hash.keccak(new byte[] {0})).isEmpty(),
        "storage does not count");
  }

  @Test
  void rejectsBadBalances() {
    assertThrows(
        IllegalArgumentException.class, () -> Account.EMPTY.withBalance(BigInteger.ONE.negate()));
    assertThrows(
        IllegalArgumentException.class,
        () -> Account.EMPTY.withBalance(BigInteger.ONE.shiftLeft(256)));
  }

  @Test
  void rejectsMalformedRlpWithFieldNames() {
    assertMessage("0xf8448080a056e8", "invalid account RLP");
    // balance with a leading zero byte
    String leadingZero =
        "0xf84601820001a056e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421a0"
            + "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470";
    assertMessage(leadingZero, "account balance");
    // storage root of 31 bytes
    String shortRoot =
        "0xf8438080a056e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b4"
            + "a0c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470";
    assertThrows(RlpException.class, () -> Account.decode(Hex.decode(shortRoot)));
    // an extra item
    String extra =
        "0xf8458080a056e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421a0"
            + "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a47001";
    assertMessage(extra, "unexpected extra items");
    assertArrayEquals(Account.EMPTY.encode(), Account.decode(Account.EMPTY.encode()).encode());
  }

  private static void assertMessage(String hex, String part) {
    RlpException e = assertThrows(RlpException.class, () -> Account.decode(Hex.decode(hex)));
    assertTrue(e.getMessage().contains(part), e.getMessage());
    assertTrue(e.getMessage().startsWith("invalid account RLP"), e.getMessage());
  }
}
