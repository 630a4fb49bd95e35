package io.zgnode.chain;

import static io.zgnode.chain.ValidatorsTestNet.T0;
import static io.zgnode.chain.ValidatorsTestNet.consAddress;
import static io.zgnode.chain.ValidatorsTestNet.consensusKey;
import static io.zgnode.chain.ValidatorsTestNet.tokens;
import static io.zgnode.chain.ValidatorsTestNet.votes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zgnode.chain.tx.TxDecoder;
import io.zgnode.chain.validators.ValidatorModules;
import io.zgnode.evm.types.Address;
import io.zgnode.evm.types.Hash;
import io.zgnode.genesis.GenesisException;
import io.zgnode.slashing.SlashingQueries;
import io.zgnode.slashing.block.Misbehavior;
import io.zgnode.slashing.block.MisbehaviorType;
import io.zgnode.slashing.block.VoteInfo;
import io.zgnode.slashing.params.EvidenceParams;
import io.zgnode.slashing.signing.SigningInfo;
import io.zgnode.staking.ModuleAccounts;
import io.zgnode.staking.Staking;
import io.zgnode.staking.validator.Validator;
import io.zgnode.staking.validator.ValidatorUpdate;
import io.zgnode.state.store.StateDatabase;
import io.zgnode.state.world.Account;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Staking and slashing wired into InitChain and FinalizeBlock. */
class ChainValidatorsTest {
  private static Chain newChain(StateDatabase db) {
    return new Chain(db, TxDecoder.withDefaults(), false);
  }

  private static InitChainResult init(Chain c) {
    return c.initChain("zg-val", 1, ValidatorsTestNet.genesis().toJson(), T0, null);
  }

  private static BlockResult block(
      Chain c, long h, List<byte[]> txs, List<VoteInfo> votes, List<Misbehavior> evidence) {
    BlockResult r =
        c.finalizeBlock(new BlockInput(h, T0 + h, new byte[20], new byte[0], txs, votes, evidence));
    c.commit();
    return r;
  }

  private static Map<String, Long> powers(List<ValidatorUpdate> updates) {
    Map<String, Long> m = new TreeMap<>();
    for (ValidatorUpdate u : updates) {
      m.put(u.pubKey().toString(), u.power());
    }
    return m;
  }

  private static String key(int i) {
    return io.zgnode.evm.bytes.Hex.encode(consensusKey(i));
  }

  private static BigInteger balance(StateDatabase db, Address a) {
    Account acc = db.latestView().account(a);
    return acc == null ? BigInteger.ZERO : acc.balance();
  }

  @Test
  void genesisValidatorsAreReturnedWithTheirPowers() {
    StateDatabase db = StateDatabase.inMemory();
    try (Chain c = newChain(db)) {
      InitChainResult r = init(c);
      assertEquals(4, r.validators().size());
      assertEquals(
          Map.of(key(0), 10L, key(1), 20L, key(2), 30L, key(3), 40L), powers(r.validators()));
      assertEquals(40, r.validators().getFirst().power(), "highest power first");
      BlockResult b1 = block(c, 1, List.of(), List.of(), List.of());
      assertTrue(b1.validatorUpdates().isEmpty(), "no change in the first block");
      assertEquals(tokens(100), balance(db, ModuleAccounts.BONDED_POOL));
      assertEquals(tokens(90), balance(db, TestKeys.address(0)), "self-delegation paid");
      assertEquals(tokens(60), balance(db, TestKeys.address(3)));
      assertEquals(tokens(100), balance(db, TestKeys.address(4)), "not an operator");
      // The genesis state (with the bonded pool) is also what a restarted node rebuilds.
      Hash genesisRoot = c.stateAt(0).stateRoot();
      try (Chain restarted = newChain(db)) {
        assertEquals(genesisRoot, restarted.stateAt(0).stateRoot());
        assertEquals(
            tokens(100), restarted.stateAt(0).account(ModuleAccounts.BONDED_POOL).balance());
      }
    }
  }

  @Test
  void downtimeJailsAndSlashesByTheDowntimeFraction() {
    StateDatabase db = StateDatabase.inMemory();
    try (Chain c = newChain(db)) {
      init(c);
      long jailedAt = -1;
      List<ValidatorUpdate> updates = List.of();
      for (long h = 1; h <= 20 && jailedAt < 0; h++) {
        BlockResult r = block(c, h, List.of(), votes(h, 0), List.of());
        if (!r.validatorUpdates().isEmpty()) {
          jailedAt = h;
          updates = r.validatorUpdates();
        }
      }
      // Start height 1, window 10, at most 5 missed: the first height above 1 + 10 with more than
      // 5 misses (heights 2..12) punishes.
      assertEquals(12, jailedAt);
      assertEquals(Map.of(key(0), 0L), powers(updates));
      Staking staking = ValidatorsTestNet.committed(db).staking();
      Validator v = staking.validator(TestKeys.address(0)).orElseThrow();
      assertTrue(v.jailed());
      // 10 tokens x 0.0001 (SlashingParams.DEFAULT's downtime fraction) = 10^15 burned.
      BigInteger slashed = tokens(10).divide(BigInteger.valueOf(10_000));
      assertEquals(tokens(10).subtract(slashed), v.tokens());
      assertEquals(
          tokens(90).add(slashed.negate()).add(tokens(10)),
          balance(db, ModuleAccounts.BONDED_POOL).add(balance(db, ModuleAccounts.NOT_BONDED_POOL)),
          "the slash is burned from the pools");
      SigningInfo info =
          new SlashingQueries(db.newModuleUpdater()).signingInfo(consAddress(0)).orElseThrow();
      assertEquals(T0 + 12 + 600, info.jailedUntil());
      assertFalse(info.tombstoned());
      // The others are untouched.
      assertEquals(tokens(40), staking.validator(TestKeys.address(3)).orElseThrow().tokens());
    }
  }

  @Test
  void doubleSignSlashesFivePercentAndTombstones() {
    StateDatabase db = StateDatabase.inMemory();
    try (Chain c = newChain(db)) {
      init(c);
      block(c, 1, List.of(), votes(1), List.of());
      block(c, 2, List.of(), votes(2), List.of());
      Misbehavior evidence =
          new Misbehavior(MisbehaviorType.DUPLICATE_VOTE, consAddress(3), 40, 2, T0 + 2, 100);
      BlockResult r = block(c, 3, List.of(), votes(3), List.of(evidence));
      assertEquals(Map.of(key(3), 0L), powers(r.validatorUpdates()));
      Validator v =
          ValidatorsTestNet.committed(db).staking().validator(TestKeys.address(3)).orElseThrow();
      assertTrue(v.jailed());
      assertEquals(tokens(40).subtract(tokens(2)), v.tokens(), "5% of 40 tokens");
      SigningInfo info =
          new SlashingQueries(db.newModuleUpdater()).signingInfo(consAddress(3)).orElseThrow();
      assertTrue(info.tombstoned());
      // The same evidence again is ignored: tombstoned validators are slashed once.
      BlockResult again = block(c, 4, List.of(), votes(4), List.of(evidence));
      assertTrue(again.validatorUpdates().isEmpty());
      assertEquals(
          tokens(38),
          ValidatorsTestNet.committed(db)
              .staking()
              .validator(TestKeys.address(3))
              .orElseThrow()
              .tokens());
    }
  }

  @Test
  void feesAndBlockRewardsGoToTheDistributionAccount() {
    StateDatabase db = StateDatabase.inMemory();
    try (Chain c = newChain(db)) {
      init(c);
      block(c, 1, List.of(), votes(1), List.of());
      byte[] tx = TestKeys.transfer(5, 0, TestKeys.address(4), TestKeys.ETH).encoded();
      BlockResult r = block(c, 2, List.of(tx), votes(2), List.of());
      assertTrue(r.txResults().getFirst().ok(), r.txResults().getFirst().log());
      BigInteger fee =
          tokens(100).subtract(TestKeys.ETH).subtract(balance(db, TestKeys.address(5)));
      assertTrue(fee.signum() > 0);
      assertEquals(
          BigInteger.ZERO, balance(db, ChainParams.FEE_COLLECTOR), "fee collector emptied");
      // Block reward 1 token (StakingParams.DEFAULT) in each of blocks 1 and 2, plus the fee.
      assertEquals(tokens(2).add(fee), balance(db, ModuleAccounts.DISTRIBUTION));
      Staking staking = ValidatorsTestNet.committed(db).staking();
      assertTrue(staking.outstandingRewards(TestKeys.address(3)).isPositive());
      assertTrue(
          staking
              .outstandingRewards(TestKeys.address(3))
              .gt(staking.outstandingRewards(TestKeys.address(0))),
          "split by power");
    }
  }

  @Test
  void appHashIsDeterministic() {
    List<Hash> first = run();
    List<Hash> second = run();
    assertEquals(first, second);
    assertEquals(16, first.size());
  }

  private static List<Hash> run() {
    List<Hash> hashes = new ArrayList<>();
    try (Chain c = newChain(StateDatabase.inMemory())) {
      hashes.add(init(c).appHash());
      for (long h = 1; h <= 15; h++) {
        List<Misbehavior> ev =
            h == 4
                ? List.of(
                    new Misbehavior(
                        MisbehaviorType.DUPLICATE_VOTE, consAddress(2), 30, 3, T0 + 3, 100))
                : List.of();
        List<byte[]> txs =
            h == 3
                ? List.of(TestKeys.transfer(5, 0, TestKeys.address(4), TestKeys.ETH).encoded())
                : List.of();
        hashes.add(block(c, h, txs, votes(h, 1), ev).appHash());
      }
    }
    return hashes;
  }

  @Test
  void evidenceParamsFromInitChainAreUsed() {
    StateDatabase db = StateDatabase.inMemory();
    try (Chain c = newChain(db)) {
      c.initChain("zg-val", 1, ValidatorsTestNet.genesis().toJson(), T0, new EvidenceParams(2, 1));
      for (long h = 1; h <= 5; h++) {
        block(c, h, List.of(), votes(h), List.of());
      }
      assertEquals(
          new EvidenceParams(2, 1), ValidatorModules.evidenceParams(db.newModuleUpdater()));
      // Height 1 at block 6: 5 blocks and 5 s old, both over the limits: ignored.
      Misbehavior old =
          new Misbehavior(MisbehaviorType.DUPLICATE_VOTE, consAddress(3), 40, 1, T0 + 1, 100);
      assertTrue(block(c, 6, List.of(), votes(6), List.of(old)).validatorUpdates().isEmpty());
    }
  }

  @Test
  void genesisWithoutStakingKeepsTheOldBehaviour() {
    StateDatabase db = StateDatabase.inMemory();
    try (Chain c = newChain(db)) {
      String appState = TestKeys.genesis(2, tokens(100));
      InitChainResult r = c.initChain("zg-test", 1, appState, 0, null);
      assertTrue(r.validators().isEmpty());
      byte[] tx = TestKeys.transfer(0, 0, TestKeys.address(1), TestKeys.ETH).encoded();
      BlockResult b = block(c, 1, List.of(tx), votes(1), List.of());
      assertTrue(b.validatorUpdates().isEmpty());
      assertTrue(block(c, 2, List.of(), votes(2, 0), List.of()).validatorUpdates().isEmpty());
      assertTrue(balance(db, ChainParams.FEE_COLLECTOR).signum() > 0, "fees stay collected");
      assertNull(db.latestView().account(ModuleAccounts.DISTRIBUTION));
      List<String> moduleKeys = new ArrayList<>();
      for (String prefix : List.of("staking/", "slashing/", "chain/validator_set")) {
        db.newModuleUpdater()
            .forEachWithPrefix(
                prefix.getBytes(StandardCharsets.US_ASCII),
                (k, v) -> moduleKeys.add(new String(k, StandardCharsets.US_ASCII)));
      }
      assertEquals(List.of(), moduleKeys, "no staking or slashing state");
    }
    // The same app hash as the four-argument InitChain (the path every older caller takes).
    try (Chain a = newChain(StateDatabase.inMemory());
        Chain b = newChain(StateDatabase.inMemory())) {
      String appState = TestKeys.genesis(2, tokens(100));
      assertEquals(
          a.initChain("zg-test", 1, appState, 0),
          b.initChain("zg-test", 1, appState, 0, null).appHash());
    }
  }

  @Test
  void badStakingGenesisIsRefusedWithTheField() {
    try (Chain c = newChain(StateDatabase.inMemory())) {
      var g = ValidatorsTestNet.genesis();
      var bad =
          g.withValidators(
              new io.zgnode.genesis.StakingSection(
                  Map.of(),
                  List.of(
                      new io.zgnode.genesis.GenesisValidator(
                          TestKeys.address(0),
                          consensusKey(0),
                          tokens(5),
                          "0.5",
                          "0.2",
                          "0.01",
                          "n",
                          null,
                          null,
                          null,
                          null,
                          BigInteger.ONE))),
              null);
      GenesisException e =
          assertThrows(GenesisException.class, () -> c.initChain("x", 1, bad.toJson(), 0, null));
      assertTrue(e.getMessage().startsWith("app_state.staking.validators[0]"), e.getMessage());
      assertTrue(e.getMessage().contains("max rate"), e.getMessage());
      var badParams =
          g.withValidators(
              new io.zgnode.genesis.StakingSection(Map.of("max_validators", "0"), List.of()), null);
      GenesisException p =
          assertThrows(
              GenesisException.class, () -> c.initChain("x", 1, badParams.toJson(), 0, null));
      assertTrue(p.getMessage().contains("max_validators"), p.getMessage());
    }
  }

  @Test
  void powersRoundTripThroughTheGenesisJson() {
    var g = ValidatorsTestNet.genesis();
    var parsed = io.zgnode.genesis.AppGenesis.parse(g.toJson());
    assertEquals(4, parsed.staking().validators().size());
    assertArrayEquals(consensusKey(2), parsed.staking().validators().get(2).consensusPubKey());
    assertEquals("10", parsed.slashing().params().get("signed_blocks_window"));
  }
}
