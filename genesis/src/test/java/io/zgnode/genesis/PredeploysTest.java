package io.zgnode.genesis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import io.zgnode.evm.bytes.Hex;
import io.zgnode.evm.types.Address;
import io.zgnode.evm.types.Hash;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PredeploysTest {
  private static final Address FUNDED =
      Address.fromHex("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");

  @Test
  void runtimeBytecodesHashToThePublishedMainnetCodeHashes() {
    byte[] multicall = Predeploys.multicall3Code();
    assertEquals(3_808, multicall.length);
    assertEquals(Predeploys.MULTICALL3_CODE_HASH, Hash.keccak(multicall));

    byte[] proxy = Predeploys.create2DeployerCode();
    assertEquals(69, proxy.length);
    assertEquals(Predeploys.CREATE2_DEPLOYER_CODE_HASH, Hash.keccak(proxy));
    assertEquals(
        "0x7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe0360160008160208237"
            + "8035828234f58015156039578182fd5b8082525050506014600cf3",
        Hex.encode(proxy));
  }

  @Test
  void codeIsCopiedOnEveryCall() {
    byte[] a = Predeploys.multicall3Code();
    a[0] = 0;
    assertEquals(Predeploys.MULTICALL3_CODE_HASH, Hash.keccak(Predeploys.multicall3Code()));
    assertNotSame(Predeploys.create2DeployerCode(), Predeploys.create2DeployerCode());
  }

  @Test
  void addToPutsBothContractsIntoTheGenesisAndSurvivesJson() {
    AppGenesis g =
        Predeploys.addTo(AppGenesis.devnet(36767, List.of(FUNDED), BigInteger.TEN.pow(21)));
    AppGenesis back = AppGenesis.parse(g.toJson());
    Map<Address, GenesisAccount> byAddress =
        back.evm().accounts().stream()
            .collect(Collectors.toMap(GenesisAccount::address, Function.identity()));
    assertEquals(3, byAddress.size());

    GenesisAccount multicall = byAddress.get(Predeploys.MULTICALL3);
    assertArrayEquals(Predeploys.multicall3Code(), multicall.code());
    assertEquals(1, multicall.nonce());
    assertEquals(BigInteger.ZERO, multicall.balance());
    assertEquals(Map.of(), multicall.storage());

    GenesisAccount proxy = byAddress.get(Predeploys.CREATE2_DEPLOYER);
    assertArrayEquals(Predeploys.create2DeployerCode(), proxy.code());
    assertEquals(1, proxy.nonce());
    assertEquals(BigInteger.TEN.pow(21), byAddress.get(FUNDED).balance());
    assertEquals(36767, back.evmChainId());
    assertEquals(g.feeMarket(), back.feeMarket());
  }

  @Test
  void addToIsIdempotentAndKeepsAnAccountTheOperatorDefined() {
    GenesisAccount own =
        new GenesisAccount(
            Predeploys.MULTICALL3, BigInteger.TWO, 0, new byte[] {0}, new TreeMap<>());
    AppGenesis base = AppGenesis.defaults(7);
    AppGenesis withOwn =
        new AppGenesis(
            new EvmGenesis(7, base.evm().forks(), List.of(own)), FeeMarketParams.defaults());

    AppGenesis g = Predeploys.addTo(withOwn);
    assertEquals(2, g.evm().accounts().size());
    GenesisAccount kept =
        g.evm().accounts().stream()
            .filter(a -> a.address().equals(Predeploys.MULTICALL3))
            .findFirst()
            .orElseThrow();
    assertEquals(BigInteger.TWO, kept.balance());

    AppGenesis twice = Predeploys.addTo(Predeploys.addTo(base));
    assertEquals(Predeploys.addTo(base).toJson(), twice.toJson());
    assertEquals(2, twice.evm().accounts().size());
  }

  @Test
  void keepsTheStakingAndSlashingSections() {
    AppGenesis plain = AppGenesis.devnet(36767, List.of(FUNDED), BigInteger.TEN);
    StakingSection staking = new StakingSection(Map.of("max_validators", "7"), List.of());
    SlashingSection slashing = new SlashingSection(Map.of("signed_blocks_window", "10"));
    AppGenesis withSections = plain.withValidators(staking, slashing);
    AppGenesis out = Predeploys.addTo(withSections);
    assertEquals(staking, out.staking());
    assertEquals(slashing, out.slashing());
  }
}
