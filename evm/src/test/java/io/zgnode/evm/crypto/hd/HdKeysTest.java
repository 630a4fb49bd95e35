package io.zgnode.evm.crypto.hd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zgnode.evm.bytes.Hex;
import io.zgnode.evm.crypto.Secp256k1;
import io.zgnode.evm.types.Address;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class HdKeysTest {
  @Test
  void hardhatDevelopmentAccounts() {
    BigInteger key0 = HdKeys.devAccount(0);
    assertEquals(
        new BigInteger("ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80", 16),
        key0);
    assertEquals(
        "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266", Secp256k1.address(key0).toChecksumHex());
    // The brief quoted account 1 with a typo (41 hex digits); this is Hardhat's published value.
    BigInteger key1 = HdKeys.devAccount(1);
    assertEquals(
        new BigInteger("59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d", 16),
        key1);
    assertEquals(
        "0x70997970C51812dc3A010C7d01b50e0d17dc79C8", Secp256k1.address(key1).toChecksumHex());
    assertEquals(HdKeys.derive(HdKeys.DEV_MNEMONIC, "m/44'/60'/0'/0/1"), key1);
  }

  @Test
  void bip39SeedVector() {
    // BIP-39 reference vector: twelve words, passphrase "TREZOR".
    String phrase =
        "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon"
            + " abandon about";
    assertEquals(
        "0xc55257c360c07c72029aebc1b53c05ed0362ada38ead3e3e9efa3708e5349553"
            + "1f09a6987599d18264c1e1c92f2cf141630c7a3c4ab7c81b2f001698e7463b04",
        Hex.encode(Bip39.seed(phrase, "TREZOR")));
  }

  @Test
  void bip32TestVector1() {
    Bip32.ExtendedKey m = Bip32.master(Hex.decode("000102030405060708090a0b0c0d0e0f"));
    assertEquals(
        new BigInteger("e8f32e723decf4051aefac8e2c93c9c5b214313817cdb01a1494b917c8436b35", 16),
        m.privateKey());
    assertEquals(
        "0x873dff81c02f525623fd1fe5167eac3a55a049de3d314bb42ee227ffed37d508",
        Hex.encode(m.chainCode()));
    Bip32.ExtendedKey m0h = Bip32.derive(m, "m/0'");
    assertEquals(
        new BigInteger("edb2e14f9ee77d26dd93b4ecede8d16ed408ce149b6cd80b0715a2d911a0afea", 16),
        m0h.privateKey());
    Bip32.ExtendedKey m0h1 = Bip32.derive(m, "m/0H/1");
    assertEquals(
        new BigInteger("3c6cb8d0f6a264c91ea8b5030fadaa8e538b020f0a387421a12de9319dc93368", 16),
        m0h1.privateKey());
    assertEquals(m, Bip32.derive(m, "m"));
  }

  @Test
  void clearErrors() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> HdKeys.derive("  ", "m/0"));
    assertTrue(e.getMessage().contains("empty"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> HdKeys.derive(HdKeys.DEV_MNEMONIC, "0/1"));
    assertThrows(IllegalArgumentException.class, () -> HdKeys.derive(HdKeys.DEV_MNEMONIC, "m/x'"));
    assertThrows(
        IllegalArgumentException.class, () -> HdKeys.derive(HdKeys.DEV_MNEMONIC, "m/2147483648"));
    assertThrows(IllegalArgumentException.class, () -> HdKeys.devAccount(-1));
  }

  @Test
  void extraWhitespaceInThePhraseIsIgnored() {
    assertEquals(
        Address.fromHex("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"),
        Secp256k1.address(
            HdKeys.derive(
                "  test test test test test test  test test test test test junk ",
                "m/44'/60'/0'/0/0")));
  }
}
