package io.zgnode.genesis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zgnode.evm.fork.Fork;
import io.zgnode.evm.types.Address;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class AppGenesisTest {
  private static final Address A = Address.fromHex("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");
  private static final Address B = Address.fromHex("0x70997970C51812dc3A010C7d01b50e0d17dc79C8");

  @Test
  void roundTripsThroughJsonInCanonicalOrder() {
    AppGenesis g = AppGenesis.devnet(36767, List.of(A, B), BigInteger.TEN.pow(22));
    AppGenesis back = AppGenesis.parse(g.toJson());
    assertEquals(36767, back.evmChainId());
    assertEquals(
        List.of(B, A), back.evm().accounts().stream().map(GenesisAccount::address).toList());
    assertEquals(BigInteger.TEN.pow(22), back.evm().accounts().get(0).balance());
    assertEquals(g.toJson(), back.toJson(), "writing is deterministic");
    assertEquals(FeeMarketParams.DEFAULT_BLOCK_GAS_LIMIT, back.blockGasLimit());
    assertEquals(EvmGenesis.DEFAULT_FORK, back.evm().forkAt(1_000_000));
  }

  @Test
  void acceptsNumbersHexAndForkSchedules() {
    String json =
        """
        {"evm": {"chain_id": 7, "forks": [{"fork": "cancun", "height": 0},
                                          {"fork": "Prague", "height": "100"}],
                 "accounts": [{"address": "%s", "balance": "0x10", "nonce": 3,
                               "code": "0x6001", "storage": {"0x01": "0x02"}}]},
         "fee_market": {"block_gas_limit": 30000000}}
        """
            .formatted(A.toHex());
    AppGenesis g = AppGenesis.parse(json);
    assertEquals(Fork.CANCUN, g.evm().forkAt(99));
    assertEquals(Fork.PRAGUE, g.evm().forkAt(100));
    GenesisAccount a = g.evm().accounts().get(0);
    assertEquals(BigInteger.valueOf(16), a.balance());
    assertEquals(3, a.nonce());
    assertEquals(2, a.code().length);
    assertEquals(1, a.storage().size());
    assertEquals(30_000_000, g.blockGasLimit());
  }

  @Test
  void errorsNameTheField() {
    assertMessage("{}", "app_state.evm: expected a JSON object");
    assertMessage("not json", "app_state is not valid JSON");
    assertMessage("{\"evm\": {}}", "app_state.evm.chain_id: required");
    assertMessage("{\"evm\": {\"chain_id\": -1}}", "out of range");
    assertMessage(
        "{\"evm\": {\"chain_id\": 1, \"accounts\": [{\"address\": \"0x12\"}]}}",
        "app_state.evm.accounts[0].address");
    assertMessage(
        "{\"evm\": {\"chain_id\": 1, \"accounts\": [{\"address\": \"%s\"}, {\"address\": \"%s\"}]}}"
            .formatted(A.toHex(), A.toHex()),
        "duplicate account");
    assertMessage(
        "{\"evm\": {\"chain_id\": 1, \"forks\": [{\"fork\": \"frontier\", \"height\": 0}]}}",
        "app_state.evm.forks[0].fork");
    assertMessage(
        "{\"evm\": {\"chain_id\": 1}, \"fee_market\": {\"block_gas_limit\": 5}}",
        "block_gas_limit must be at least 21000");
    assertMessage(
        "{\"evm\": {\"chain_id\": 1}, \"fee_market\": {\"initial_base_fee\": \"1\", \"min_base_fee\": \"2\"}}",
        "below fee_market.min_base_fee");
  }

  private static void assertMessage(String json, String expected) {
    GenesisException e = assertThrows(GenesisException.class, () -> AppGenesis.parse(json));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }
}
