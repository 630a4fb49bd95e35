package io.zgnode.tools.home;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.zgnode.evm.types.Address;
import io.zgnode.genesis.AppGenesis;
import io.zgnode.genesis.GenesisAccount;
import io.zgnode.genesis.Predeploys;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenesisFileTest {
  private static final Address DEV = Address.fromHex("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");

  @Test
  void everyWrittenGenesisHasThePredeploys(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("genesis.json");
    Files.writeString(
        file,
        """
        {"genesis_time": "2025-01-01T00:00:00Z", "chain_id": "x", "app_state": {}}
        """);
    GenesisFile.read(file)
        .setChainId("zg-test")
        .setAppState(AppGenesis.devnet(4242, List.of(DEV), BigInteger.TEN.pow(20)))
        .write();

    GenesisFile back = GenesisFile.read(file);
    assertEquals("zg-test", back.chainId());
    Map<Address, GenesisAccount> accounts =
        back.appGenesis().evm().accounts().stream()
            .collect(Collectors.toMap(GenesisAccount::address, Function.identity()));
    assertEquals(3, accounts.size());
    assertEquals(BigInteger.TEN.pow(20), accounts.get(DEV).balance());
    assertArrayEquals(Predeploys.multicall3Code(), accounts.get(Predeploys.MULTICALL3).code());
    assertArrayEquals(
        Predeploys.create2DeployerCode(), accounts.get(Predeploys.CREATE2_DEPLOYER).code());
    assertEquals(1, accounts.get(Predeploys.MULTICALL3).nonce());
  }
}
