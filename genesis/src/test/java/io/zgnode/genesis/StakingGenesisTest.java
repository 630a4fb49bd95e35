package io.zgnode.genesis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zgnode.evm.types.Address;
import java.math.BigInteger;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** app_state.staking and app_state.slashing: parsing, defaults and clear refusals. */
class StakingGenesisTest {
  private static final Address OP = Address.fromLong(0x1234);
  private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

  private static String appState(String validators, String balance) {
    return """
    {"evm": {"chain_id": "36767",
             "accounts": [{"address": "%s", "balance": "%s"}]},
     "staking": {"params": {"max_validators": "50"}, "validators": [%s]},
     "slashing": {"params": {"signed_blocks_window": 200, "downtime_jail_duration": "600s"}}}
    """
        .formatted(OP.toChecksumHex(), balance, validators);
  }

  private static String validator(String key, String self) {
    return """
    {"operator": "%s", "consensus_pubkey": "%s", "self_delegation": %s,
     "commission": {"rate": "0.05"}, "description": {"moniker": "m"}}
    """
        .formatted(OP.toChecksumHex(), key, self);
  }

  private static String refused(String appState) {
    return assertThrows(GenesisException.class, () -> AppGenesis.parse(appState)).getMessage();
  }

  @Test
  void parsesAndRoundTrips() {
    AppGenesis g = AppGenesis.parse(appState(validator(KEY, "\"1000\""), "1000"));
    assertEquals("50", g.staking().params().get("max_validators"));
    assertEquals("200", g.slashing().params().get("signed_blocks_window"));
    GenesisValidator v = g.staking().validators().getFirst();
    assertEquals(OP, v.operator());
    assertEquals(BigInteger.valueOf(1000), v.selfDelegation());
    assertEquals("0.05", v.commissionRate());
    assertEquals(GenesisValidator.DEFAULT_MAX_RATE, v.commissionMaxRate());
    assertEquals(BigInteger.ONE, v.minSelfDelegation());
    assertTrue(g.hasStakingValidators());
    AppGenesis again = AppGenesis.parse(g.toJson());
    assertEquals(g.staking().params(), again.staking().params());
    assertEquals(1, again.staking().validators().size());
  }

  @Test
  void sectionsAreOptional() {
    AppGenesis g = AppGenesis.parse("{\"evm\": {\"chain_id\": \"1\"}}");
    assertNull(g.staking());
    assertNull(g.slashing());
    assertTrue(!g.toJson().contains("staking") && !g.toJson().contains("slashing"));
  }

  @Test
  void badValidatorsAreRefusedWithThePath() {
    String shortKey = Base64.getEncoder().encodeToString(new byte[31]);
    assertEquals(
        "app_state.staking.validators[0].consensus_pubkey: an ed25519 public key has 32 bytes,"
            + " got 31",
        refused(appState(validator(shortKey, "\"1\""), "10")));
    assertTrue(
        refused(appState(validator(KEY, "\"0\""), "10"))
            .startsWith("app_state.staking.validators[0].self_delegation: must be a positive"));
    assertTrue(
        refused(appState(validator(KEY, "\"1.5\""), "10")).contains("must be a positive integer"));
    assertTrue(
        refused(appState(validator(KEY, "\"11\""), "10"))
            .contains("has 10 in app_state.evm.accounts, less than its self_delegation 11"));
    String other =
        validator(KEY, "\"1\"").replace(OP.toChecksumHex(), Address.fromLong(9).toChecksumHex());
    assertTrue(
        refused(appState(validator(KEY, "\"1\"") + "," + other, "10"))
            .startsWith("app_state.staking.validators[1].consensus_pubkey: the same key"));
    assertTrue(refused(appState(validator("***", "\"1\""), "10")).contains("not valid base64"));
  }
}
