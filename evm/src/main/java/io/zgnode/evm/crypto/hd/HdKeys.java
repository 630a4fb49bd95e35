package io.zgnode.evm.crypto.hd;

import java.math.BigInteger;

/** Ethereum keys from a mnemonic: BIP-39 seed, then BIP-32 derivation along a BIP-44 path. */
public final class HdKeys {
  /** The mnemonic Hardhat, Anvil and Foundry use for their development accounts. */
  public static final String DEV_MNEMONIC =
      "test test test test test test test test test test test junk";

  /** Ethereum's BIP-44 account path; the last component is the account index. */
  public static final String ETH_PATH_PREFIX = "m/44'/60'/0'/0/";

  private HdKeys() {}

  /** The private key at {@code path}, with an empty BIP-39 passphrase. */
  public static BigInteger derive(String mnemonic, String path) {
    return derive(mnemonic, "", path);
  }

  /** The private key at {@code path}. */
  public static BigInteger derive(String mnemonic, String passphrase, String path) {
    return Bip32.derive(Bip32.master(Bip39.seed(mnemonic, passphrase)), path).privateKey();
  }

  /** The {@code i}-th Ethereum account (path m/44'/60'/0'/0/i) of a mnemonic. */
  public static BigInteger account(String mnemonic, int i) {
    if (i < 0) {
      throw new IllegalArgumentException("account index must be non-negative, got " + i);
    }
    return derive(mnemonic, ETH_PATH_PREFIX + i);
  }

  /** The {@code i}-th development account of {@link #DEV_MNEMONIC}. */
  public static BigInteger devAccount(int i) {
    return account(DEV_MNEMONIC, i);
  }
}
