package io.zgnode.slashing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zgnode.evm.types.Address;
import io.zgnode.evm.types.Hash;
import io.zgnode.slashing.block.BlockIdFlag;
import io.zgnode.slashing.block.Misbehavior;
import io.zgnode.slashing.block.MisbehaviorType;
import io.zgnode.slashing.block.SlashingEvent;
import io.zgnode.slashing.block.VoteInfo;
import io.zgnode.slashing.genesis.SlashingGenesis;
import io.zgnode.slashing.params.EvidenceParams;
import io.zgnode.slashing.params.SlashingParams;
import io.zgnode.slashing.signing.ConsAddress;
import io.zgnode.slashing.signing.SigningInfo;
import io.zgnode.slashing.staking.BondStatus;
import io.zgnode.staking.math.Dec;
import io.zgnode.state.store.ModuleUpdater;
import io.zgnode.state.store.StateDatabase;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongPredicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SlashingTest {
  private static final long T0 = 1_700_000_000L;
  private static final EvidenceParams EVIDENCE = new EvidenceParams(100, 1000);

  private ModuleUpdater updater;
  private FakeStaking staking;
  private Slashing slashing;

  @BeforeEach
  void setUp() {
    updater = StateDatabase.inMemory().newModuleUpdater();
    staking = new FakeStaking();
    slashing = new Slashing(updater, staking);
    slashing.initGenesis(SlashingGenesis.of(SlashingParams.DEFAULT));
  }

  private static long time(long height) {
    return T0 + 5 * height;
  }

  private SigningInfo info(int i) {
    return new SlashingQueries(updater).signingInfo(FakeStaking.cons(i)).orElseThrow();
  }

  private List<SlashingEvent> block(long height, BlockIdFlag... flags) {
    List<VoteInfo> votes = new ArrayList<>();
    for (int i = 0; i < flags.length; i++) {
      votes.add(new VoteInfo(FakeStaking.cons(i), 10, flags[i]));
    }
    return slashing.beginBlock(height, time(height), votes, List.of(), EVIDENCE);
  }

  /**
   * Runs blocks from..to with validator 0 absent where {@code absent} holds, validator 1 signing.
   */
  private long run(long from, long to, LongPredicate absent) {
    long jailedAt = -1;
    for (long h = from; h <= to; h++) {
      boolean wasJailed = staking.byCons.get(FakeStaking.cons(0)).jailed;
      block(h, absent.test(h) ? BlockIdFlag.ABSENT : BlockIdFlag.COMMIT, BlockIdFlag.COMMIT);
      if (!wasJailed && staking.byCons.get(FakeStaking.cons(0)).jailed && jailedAt < 0) {
        jailedAt = h;
      }
    }
    return jailedAt;
  }

  private void bondTwo() {
    staking.add(0, 10);
    staking.add(1, 10);
    slashing.onValidatorBonded(FakeStaking.cons(0), 0);
    slashing.onValidatorBonded(FakeStaking.cons(1), 0);
  }

  // ---- window arithmetic -----------------------------------------------------------------------

  @Test
  void missingExactlyTheAllowedNumberIsNotJailedOverManyWindows() {
    bondTwo();
    // window 100, min signed 0.5: 50 may be missed. Index of height h is (h - 1) % 100.
    long jailedAt = run(1, 1000, h -> (h - 1) % 100 < 50);
    assertEquals(-1, jailedAt);
    assertEquals(50, info(0).missedBlocksCounter());
    assertEquals(1000, info(0).indexOffset());
    assertTrue(staking.slashes.isEmpty());
  }

  @Test
  void missingOneMoreIsJailedOnlyAfterTheFirstWindow() {
    bondTwo();
    // 51 misses are reached at height 51, but the window is enforced only after start + window.
    long jailedAt = run(1, 300, h -> (h - 1) % 100 < 51);
    assertEquals(101, jailedAt);
    assertEquals(1, staking.slashes.size());
  }

  @Test
  void missingOneMoreAfterTheFirstWindowJailsAtOnce() {
    bondTwo();
    long jailedAt = run(1, 300, h -> h > 150 && h <= 201);
    assertEquals(201, jailedAt);
  }

  @Test
  void nilVotesCountAsSigned() {
    bondTwo();
    for (long h = 1; h <= 300; h++) {
      block(h, BlockIdFlag.NIL, BlockIdFlag.COMMIT);
    }
    assertEquals(0, info(0).missedBlocksCounter());
    assertFalse(staking.byCons.get(FakeStaking.cons(0)).jailed);
  }

  @Test
  void minSignedPerWindowRoundsHalfToEvenAsTheSdk() {
    assertEquals(2, params(5, "0.5").minSignedPerWindowInt()); // 2.5 -> 2
    assertEquals(3, params(5, "0.5").maxMissedPerWindow());
    assertEquals(4, params(7, "0.5").minSignedPerWindowInt()); // 3.5 -> 4
    assertEquals(3, params(7, "0.5").maxMissedPerWindow());
    assertEquals(50, SlashingParams.DEFAULT.maxMissedPerWindow());
    assertEquals(0, params(10, "0").minSignedPerWindowInt());
    assertEquals(10, params(10, "1").minSignedPerWindowInt());
  }

  private static SlashingParams params(long window, String minSigned) {
    return new SlashingParams(
        window, Dec.parse(minSigned), 600, Dec.parse("0.05"), Dec.parse("0.0001"));
  }

  @Test
  void paramsValidationSaysWhatIsWrong() {
    Dec half = Dec.parse("0.5");
    assertMessage(
        "signed_blocks_window must be positive",
        () -> new SlashingParams(0, half, 600, half, half));
    assertMessage(
        "min_signed_per_window must be between 0 and 1",
        () -> new SlashingParams(10, Dec.parse("1.1"), 600, half, half));
    assertMessage(
        "downtime_jail_duration must be positive",
        () -> new SlashingParams(10, half, 0, half, half));
    assertMessage(
        "slash_fraction_double_sign must be between 0 and 1",
        () -> new SlashingParams(10, half, 600, Dec.parse("-0.1"), half));
    assertMessage(
        "slash_fraction_downtime must be between 0 and 1",
        () -> new SlashingParams(10, half, 600, half, Dec.parse("2")));
    assertMessage("max_age_num_blocks must be positive", () -> new EvidenceParams(0, 1));
    assertMessage("max_age_duration must be positive", () -> new EvidenceParams(1, -1));
    assertEquals(SlashingParams.DEFAULT, SlashingParams.decode(SlashingParams.DEFAULT.encode()));
  }

  private static void assertMessage(String expected, Runnable r) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }

  // ---- downtime --------------------------------------------------------------------------------

  @Test
  void downtimeSlashesAtTheDistributionHeightJailsAndResets() {
    bondTwo();
    run(1, 100, h -> false);
    List<SlashingEvent> events = new ArrayList<>();
    for (long h = 101; h <= 151; h++) {
      events = block(h, BlockIdFlag.ABSENT, BlockIdFlag.COMMIT);
    }
    assertEquals(1, staking.slashes.size());
    FakeStaking.SlashCall call = staking.slashes.getFirst();
    assertEquals(FakeStaking.cons(0), call.address());
    assertEquals(151 - 2, call.infractionHeight()); // height - ValidatorUpdateDelay - 1
    assertEquals(10, call.power());
    assertEquals(Dec.parse("0.0001"), call.fraction());
    assertEquals(151, call.height());
    assertEquals(time(151), call.time());
    assertEquals(List.of(FakeStaking.cons(0)), staking.jails);
    // 10 tokens * 0.0001 = 0.001 token burned.
    BigInteger burned = BigInteger.TEN.pow(15);
    assertEquals(
        FakeStaking.TOKEN.multiply(BigInteger.TEN).subtract(burned),
        staking.byCons.get(FakeStaking.cons(0)).tokens);
    SlashingEvent.Slashed slashed = (SlashingEvent.Slashed) events.getLast();
    assertEquals(SlashingEvent.Reason.MISSING_SIGNATURE, slashed.reason());
    assertEquals(burned, slashed.burned());
    SigningInfo info = info(0);
    assertEquals(time(151) + 600, info.jailedUntil());
    assertEquals(0, info.missedBlocksCounter());
    assertEquals(0, info.indexOffset());
    assertFalse(info.tombstoned());
    assertTrue(slashing.exportGenesis().missedBlocks().isEmpty(), "bitmap cleared");
  }

  @Test
  void votesOfAJailedValidatorAreNotCounted() {
    bondTwo();
    run(1, 151, h -> h > 100);
    SigningInfo jailed = info(0);
    Hash root = updater.computeRoot();
    block(152, BlockIdFlag.ABSENT, BlockIdFlag.COMMIT);
    assertEquals(jailed, info(0));
    assertEquals(1, staking.slashes.size());
    assertTrue(info(1).indexOffset() > 0);
    assertFalse(root.equals(updater.computeRoot()), "validator 1 still counted");
  }

  @Test
  void unjailBeforeAndAfterTheJailTime() {
    bondTwo();
    run(1, 151, h -> h > 100);
    long until = info(0).jailedUntil();
    Address op = staking.byCons.get(FakeStaking.cons(0)).operator;

    Hash root = updater.computeRoot();
    SlashingException early =
        assertThrows(SlashingException.class, () -> slashing.unjail(op, until - 1));
    assertTrue(early.getMessage().contains("jailed until " + until), early.getMessage());
    assertTrue(early.getMessage().contains("1 s left"), early.getMessage());
    assertEquals(root, updater.computeRoot());
    assertTrue(staking.unjails.isEmpty());

    slashing.unjail(op, until);
    assertEquals(List.of(op), staking.unjails);
    assertFalse(staking.byCons.get(FakeStaking.cons(0)).jailed);

    // Bonded again: a new start height, so the window starts over.
    slashing.onValidatorBonded(FakeStaking.cons(0), 160);
    assertEquals(160, info(0).startHeight());
    long jailedAgain = run(161, 400, h -> true);
    assertEquals(261, jailedAgain);
  }

  @Test
  void unjailRefusalsChangeNothing() {
    bondTwo();
    FakeStaking.Val v0 = staking.byCons.get(FakeStaking.cons(0));
    Hash root = updater.computeRoot();
    refused("is not jailed", v0.operator);
    refused("no validator has operator address", Address.fromLong(0xdead));
    v0.jailed = true;
    v0.selfDelegation = FakeStaking.TOKEN.subtract(BigInteger.ONE);
    refused("below its minimum self-delegation of " + FakeStaking.TOKEN, v0.operator);
    v0.selfDelegation = null;
    refused("has no self-delegation", v0.operator);
    assertEquals(root, updater.computeRoot());
    assertTrue(staking.unjails.isEmpty());
    // Jailed without a jail time of ours (by staking itself): allowed at once.
    v0.selfDelegation = FakeStaking.TOKEN;
    slashing.unjail(v0.operator, time(1));
    assertEquals(List.of(v0.operator), staking.unjails);
  }

  private void refused(String expected, Address operator) {
    SlashingException e =
        assertThrows(SlashingException.class, () -> slashing.unjail(operator, time(1)));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }

  @Test
  void unknownValidatorVotesAreSkippedAndNewOnesGetSigningInfoLazily() {
    staking.add(0, 10);
    block(5, BlockIdFlag.COMMIT, BlockIdFlag.ABSENT); // validator 1 is unknown to staking
    assertEquals(new SigningInfo(FakeStaking.cons(0), 5, 1, 0, false, 0), info(0));
    assertTrue(new SlashingQueries(updater).signingInfo(FakeStaking.cons(1)).isEmpty());
  }

  @Test
  void aValidatorTwiceInTheCommitIsRejected() {
    bondTwo();
    VoteInfo v = new VoteInfo(FakeStaking.cons(0), 10, BlockIdFlag.COMMIT);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> slashing.beginBlock(1, time(1), List.of(v, v), List.of(), EVIDENCE));
    assertTrue(e.getMessage().contains("twice"), e.getMessage());
  }

  // ---- double signing --------------------------------------------------------------------------

  private List<SlashingEvent> evidence(
      long height, long infractionHeight, long infractionTime, int validator) {
    Misbehavior m =
        new Misbehavior(
            MisbehaviorType.DUPLICATE_VOTE,
            FakeStaking.cons(validator),
            10,
            infractionHeight,
            infractionTime,
            20);
    return slashing.beginBlock(height, time(height), List.of(), List.of(m), EVIDENCE);
  }

  @Test
  void evidenceOlderThanBothLimitsIsIgnored() {
    bondTwo();
    Hash root = updater.computeRoot();
    // 101 blocks and 1001 s old: both limits exceeded.
    List<SlashingEvent> events = evidence(1000, 899, time(1000) - 1001, 0);
    assertTrue(
        ((SlashingEvent.EvidenceIgnored) events.getFirst()).why().startsWith("evidence too old"));
    assertTrue(staking.slashes.isEmpty());
    assertEquals(root, updater.computeRoot());
  }

  @Test
  void evidenceOldInBlocksOnlyIsPunished() {
    bondTwo();
    evidence(1000, 899, time(1000) - 1000, 0); // 101 blocks, exactly 1000 s
    assertDoubleSignPunished(899);
  }

  @Test
  void evidenceOldInTimeOnlyIsPunished() {
    bondTwo();
    evidence(1000, 900, time(1000) - 5000, 0); // exactly 100 blocks, 5000 s
    assertDoubleSignPunished(900);
  }

  private void assertDoubleSignPunished(long infractionHeight) {
    assertEquals(1, staking.slashes.size());
    FakeStaking.SlashCall call = staking.slashes.getFirst();
    assertEquals(infractionHeight - 1, call.infractionHeight()); // minus ValidatorUpdateDelay
    assertEquals(10, call.power());
    assertEquals(Dec.parse("0.05"), call.fraction());
    assertEquals(1000, call.height());
    assertEquals(List.of(FakeStaking.cons(0)), staking.jails);
    SigningInfo info = info(0);
    assertTrue(info.tombstoned());
    assertEquals(Slashing.DOUBLE_SIGN_JAIL_END_TIME, info.jailedUntil());
    // 10 tokens * 0.05
    assertEquals(
        FakeStaking.TOKEN.multiply(BigInteger.valueOf(95)).divide(BigInteger.TEN),
        staking.byCons.get(FakeStaking.cons(0)).tokens);
  }

  @Test
  void aTombstonedValidatorIsNotSlashedTwiceAndCannotUnjail() {
    bondTwo();
    evidence(1000, 990, time(990), 0);
    assertEquals(1, staking.slashes.size());
    Hash root = updater.computeRoot();
    List<SlashingEvent> again = evidence(1001, 995, time(995), 0);
    assertEquals(
        "validator already tombstoned", ((SlashingEvent.EvidenceIgnored) again.getFirst()).why());
    assertEquals(1, staking.slashes.size());
    assertEquals(root, updater.computeRoot());
    Address op = staking.byCons.get(FakeStaking.cons(0)).operator;
    SlashingException e =
        assertThrows(SlashingException.class, () -> slashing.unjail(op, Long.MAX_VALUE));
    assertTrue(e.getMessage().contains("tombstoned"), e.getMessage());
    assertEquals(root, updater.computeRoot());
    assertTrue(staking.unjails.isEmpty());
  }

  @Test
  void twoEvidencesForOneValidatorInOneBlockPunishOnce() {
    bondTwo();
    Misbehavior a =
        new Misbehavior(
            MisbehaviorType.DUPLICATE_VOTE, FakeStaking.cons(0), 10, 990, time(990), 20);
    Misbehavior b =
        new Misbehavior(
            MisbehaviorType.LIGHT_CLIENT_ATTACK, FakeStaking.cons(0), 10, 991, time(991), 20);
    List<SlashingEvent> events =
        slashing.beginBlock(1000, time(1000), List.of(), List.of(a, b), EVIDENCE);
    assertEquals(1, staking.slashes.size());
    assertEquals(989, staking.slashes.getFirst().infractionHeight());
    assertTrue(events.get(0) instanceof SlashingEvent.Slashed);
    assertTrue(events.get(1) instanceof SlashingEvent.EvidenceIgnored);
  }

  @Test
  void evidenceForAnUnknownOrUnbondedValidatorOrOfUnknownTypeIsIgnored() {
    bondTwo();
    Hash root = updater.computeRoot();
    assertEquals("unknown validator", why(evidence(1000, 990, time(990), 7)));
    staking.byCons.get(FakeStaking.cons(1)).status = BondStatus.UNBONDED;
    assertEquals("validator is unbonded", why(evidence(1000, 990, time(990), 1)));
    Misbehavior unknown =
        new Misbehavior(MisbehaviorType.UNKNOWN, FakeStaking.cons(0), 10, 990, time(990), 20);
    assertEquals(
        "unknown misbehavior type",
        why(slashing.beginBlock(1000, time(1000), List.of(), List.of(unknown), EVIDENCE)));
    assertEquals(
        "infraction height 1000 is not below the block height 1000",
        why(evidence(1000, 1000, time(1000), 0)));
    assertTrue(staking.slashes.isEmpty());
    assertEquals(root, updater.computeRoot());
  }

  private static String why(List<SlashingEvent> events) {
    return ((SlashingEvent.EvidenceIgnored) events.getFirst()).why();
  }

  @Test
  void aValidatorJailedForDowntimeThatDoubleSignedIsSlashedAndTombstonedWithoutASecondJail() {
    bondTwo();
    run(1, 151, h -> h > 100);
    assertEquals(1, staking.jails.size());
    evidence(152, 140, time(140), 0);
    assertEquals(2, staking.slashes.size());
    assertEquals(1, staking.jails.size());
    assertTrue(info(0).tombstoned());
    assertEquals(Slashing.DOUBLE_SIGN_JAIL_END_TIME, info(0).jailedUntil());
  }

  // ---- genesis and queries ---------------------------------------------------------------------

  @Test
  void genesisExportImportReproducesTheState() {
    bondTwo();
    run(1, 130, h -> h % 3 == 0 || h > 120);
    SlashingGenesis exported = slashing.exportGenesis();
    assertEquals(2, exported.signingInfos().size());
    assertEquals(
        info(0).missedBlocksCounter(), exported.missedBlocks().getFirst().missedIndices().size());
    ModuleUpdater other = StateDatabase.inMemory().newModuleUpdater();
    new Slashing(other, staking).initGenesis(exported);
    assertEquals(updater.computeRoot(), other.computeRoot());
    IllegalStateException twice =
        assertThrows(IllegalStateException.class, () -> slashing.initGenesis(exported));
    assertTrue(twice.getMessage().contains("already"));
  }

  @Test
  void genesisValidationSaysWhatIsWrong() {
    SigningInfo a = new SigningInfo(FakeStaking.cons(0), 0, 5, 0, false, 2);
    assertMessage(
        "differs from the 1 missed blocks listed",
        () ->
            new SlashingGenesis(
                SlashingParams.DEFAULT,
                List.of(a),
                List.of(
                    new io.zgnode.slashing.genesis.ValidatorMissedBlocks(
                        a.address(), List.of(3L)))));
    assertMessage(
        "below the window 100",
        () ->
            new SlashingGenesis(
                SlashingParams.DEFAULT,
                List.of(a),
                List.of(
                    new io.zgnode.slashing.genesis.ValidatorMissedBlocks(
                        a.address(), List.of(3L, 100L)))));
    assertMessage(
        "duplicate signing info",
        () -> new SlashingGenesis(SlashingParams.DEFAULT, List.of(a, a), List.of()));
    assertMessage(
        "has no signing info",
        () ->
            new SlashingGenesis(
                SlashingParams.DEFAULT,
                List.of(),
                List.of(
                    new io.zgnode.slashing.genesis.ValidatorMissedBlocks(a.address(), List.of()))));
  }

  @Test
  void signingInfosArePagedInAddressOrder() {
    for (int i = 24; i >= 0; i--) {
      slashing.onValidatorBonded(FakeStaking.cons(i), i);
    }
    SlashingQueries q = new SlashingQueries(updater);
    List<ConsAddress> seen = new ArrayList<>();
    ConsAddress after = null;
    int pages = 0;
    while (true) {
      SlashingQueries.Page page = q.signingInfos(after, 10);
      pages++;
      page.infos().forEach(i -> seen.add(i.address()));
      if (page.next().isEmpty()) {
        break;
      }
      after = page.next().get();
    }
    assertEquals(3, pages);
    assertEquals(25, seen.size());
    for (int i = 0; i < 25; i++) {
      assertEquals(FakeStaking.cons(i), seen.get(i));
    }
    assertEquals(SlashingParams.DEFAULT, q.params());
    assertMessage("page limit must be between 1 and 1000", () -> q.signingInfos(null, 0));
  }

  @Test
  void inputValidation() {
    assertMessage("20 bytes, got 19", () -> ConsAddress.of(new byte[19]));
    assertMessage("unknown BlockIDFlag 0", () -> BlockIdFlag.fromProto(0));
    assertMessage(
        "negative power", () -> new VoteInfo(FakeStaking.cons(0), -1, BlockIdFlag.COMMIT));
    assertMessage(
        "infraction height 0",
        () -> new Misbehavior(MisbehaviorType.DUPLICATE_VOTE, FakeStaking.cons(0), 1, 0, 0, 1));
    IllegalStateException noGenesis =
        assertThrows(
            IllegalStateException.class,
            () ->
                new Slashing(StateDatabase.inMemory().newModuleUpdater(), staking)
                    .beginBlock(1, 1, List.of(), List.of(), EVIDENCE));
    assertTrue(noGenesis.getMessage().contains("genesis has not been initialised"));
  }
}
