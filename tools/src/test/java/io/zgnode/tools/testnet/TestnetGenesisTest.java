package io.zgnode.tools.testnet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zgnode.evm.crypto.Secp256k1;
import io.zgnode.evm.crypto.hd.HdKeys;
import io.zgnode.evm.types.Address;
import io.zgnode.genesis.AppGenesis;
import io.zgnode.genesis.GenesisAccount;
import io.zgnode.genesis.GenesisException;
import io.zgnode.genesis.GenesisValidator;
import io.zgnode.tools.devnet.DevAccounts;
import io.zgnode.tools.devnet.Devnet;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class TestnetGenesisTest {
  private static List<TestnetGenesis.Member> members(int n) {
    List<TestnetGenesis.Member> m = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      byte[] key = new byte[32];
      java.util.Arrays.fill(key, (byte) (i + 1));
      m.add(new TestnetGenesis.Member(i, "node" + i, key));
    }
    return m;
  }

  @Test
  void powersAndStakesGrowByAHundredTokensPerNode() {
    assertEquals(100, TestnetGenesis.power(0));
    assertEquals(400, TestnetGenesis.power(3));
    assertEquals(new BigInteger("100000000000000000000"), TestnetGenesis.stake(0));
    assertEquals(new BigInteger("400000000000000000000"), TestnetGenesis.stake(3));
    // power = tokens / 10^18, as staking computes it
    for (int i = 0; i < 4; i++) {
      assertEquals(
          TestnetGenesis.power(i),
          TestnetGenesis.stake(i).divide(TestnetGenesis.TOKEN).longValue());
    }
  }

  @Test
  void operatorsComeFromTheDevMnemonicAt100PlusI() {
    assertEquals("m/44'/60'/0'/0/103", TestnetGenesis.operatorPath(3));
    assertEquals(
        Secp256k1.address(HdKeys.derive(DevAccounts.MNEMONIC, "m/44'/60'/0'/0/100")),
        TestnetGenesis.operator(0));
    TreeSet<Address> all = new TreeSet<>(DevAccounts.ADDRESSES);
    for (int i = 0; i < 4; i++) {
      assertTrue(all.add(TestnetGenesis.operator(i)), "operator " + i + " is not distinct");
    }
  }

  @Test
  void genesisFundsDevAccountsAndOperatorsAndCreatesOneValidatorPerNode() {
    AppGenesis g =
        TestnetGenesis.build(
            4242, members(4), Map.of("signed_blocks_window", "10", "min_signed_per_window", "0.5"));
    assertTrue(g.hasStakingValidators());
    assertEquals(4242, g.evmChainId());
    Map<Address, BigInteger> balances = new java.util.TreeMap<>();
    for (GenesisAccount a : g.evm().accounts()) {
      balances.put(a.address(), a.balance());
    }
    assertEquals(14, balances.size());
    for (Address dev : DevAccounts.ADDRESSES) {
      assertEquals(Devnet.BALANCE_PER_ACCOUNT, balances.get(dev));
    }
    List<GenesisValidator> vals = g.staking().validators();
    assertEquals(4, vals.size());
    for (int i = 0; i < 4; i++) {
      GenesisValidator v = vals.get(i);
      assertEquals(TestnetGenesis.operator(i), v.operator());
      assertEquals(TestnetGenesis.stake(i), v.selfDelegation());
      assertEquals("node" + i, v.moniker());
      assertArrayEquals(members(4).get(i).consensusPubKey(), v.consensusPubKey());
      assertEquals(
          TestnetGenesis.stake(i).add(TestnetGenesis.OPERATOR_SPARE), balances.get(v.operator()));
    }
    assertEquals("10", g.slashing().params().get("signed_blocks_window"));

    // What the file holds reads back to the same validators.
    AppGenesis back = AppGenesis.parse(g.toJson());
    assertEquals(4, back.staking().validators().size());
    assertEquals(TestnetGenesis.stake(3), back.staking().validators().get(3).selfDelegation());
    assertEquals("0.5", back.slashing().params().get("min_signed_per_window"));
  }

  @Test
  void aBadSlashingParameterIsRefusedWithItsName() {
    GenesisException e =
        assertThrows(
            GenesisException.class,
            () -> TestnetGenesis.build(4242, members(2), Map.of("signed_block_window", "10")));
    assertTrue(e.getMessage().contains("unknown field 'signed_block_window'"), e.getMessage());
    e =
        assertThrows(
            GenesisException.class,
            () -> TestnetGenesis.build(4242, members(2), Map.of("signed_blocks_window", "ten")));
    assertTrue(e.getMessage().contains("signed_blocks_window"), e.getMessage());
    assertFalse(e.getMessage().isBlank());
  }
}
