package io.zgnode.tools.devnet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.zgnode.evm.crypto.Secp256k1;
import io.zgnode.evm.crypto.hd.HdKeys;
import io.zgnode.evm.types.Address;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class DevAccountsTest {
  /**
   * The published private keys of accounts 0..9 of "test test ... junk" at m/44'/60'/0'/0/i, as
   * Hardhat and anvil print them.
   */
  private static final List<String> PRIVATE_KEYS =
      List.of(
          "ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80",
          "59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d",
          "5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a",
          "7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6",
          "47e179ec197488593b187f80a00eb0da91f1b9d0b13f8733639f19c30a34926a",
          "8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba",
          "92db14e403b83dfe3df233f83dfa3a0d7096f21ca9b0d6d6b8d88b2b4ec1564e",
          "4bbbf85ce3377467afe5d46f804f221813b2bb87f24d81f60f1fcdbf7cbf4356",
          "dbda1821b80551c9d65939329250298aa3472ba22feea921c0cf5d620ea67b97",
          "2a871d0798f97d79848a013d4936a73bf4cc922c825d33c1cf7073dff6d409c6");

  @Test
  void eachAddressBelongsToItsPublishedKey() {
    assertEquals(10, DevAccounts.ADDRESSES.size());
    for (int i = 0; i < PRIVATE_KEYS.size(); i++) {
      Address derived = Secp256k1.address(new BigInteger(PRIVATE_KEYS.get(i), 16));
      assertEquals(DevAccounts.ADDRESSES.get(i), derived, "account " + i);
    }
  }

  @Test
  void eachAddressIsDerivedFromTheMnemonic() {
    assertEquals(HdKeys.DEV_MNEMONIC, DevAccounts.MNEMONIC);
    for (int i = 0; i < DevAccounts.ADDRESSES.size(); i++) {
      assertEquals(
          DevAccounts.ADDRESSES.get(i), Secp256k1.address(HdKeys.devAccount(i)), "account " + i);
    }
  }

  @Test
  void checksumFormsAreValidEip55() {
    for (String a : DevAccounts.CHECKSUM_ADDRESSES) {
      assertEquals(a, Address.fromHex(a).toChecksumHex());
    }
    assertEquals(
        "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266", DevAccounts.CHECKSUM_ADDRESSES.get(0));
  }

  @Test
  void balanceIsTenThousandTokensOf18Decimals() {
    assertEquals(new BigInteger("10000000000000000000000"), Devnet.BALANCE_PER_ACCOUNT);
  }
}
