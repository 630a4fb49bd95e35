package io.zgnode.slashing;

import io.zgnode.evm.types.Address;
import io.zgnode.slashing.block.BlockIdFlag;
import io.zgnode.slashing.block.Misbehavior;
import io.zgnode.slashing.block.MisbehaviorType;
import io.zgnode.slashing.block.SlashingEvent;
import io.zgnode.slashing.block.VoteInfo;
import io.zgnode.slashing.genesis.SlashingGenesis;
import io.zgnode.slashing.genesis.ValidatorMissedBlocks;
import io.zgnode.slashing.params.EvidenceParams;
import io.zgnode.slashing.params.SlashingParams;
import io.zgnode.slashing.signing.ConsAddress;
import io.zgnode.slashing.signing.SigningInfo;
import io.zgnode.slashing.staking.BondStatus;
import io.zgnode.slashing.staking.StakingView;
import io.zgnode.slashing.staking.ValidatorRef;
import io.zgnode.slashing.store.SlashingStore;
import io.zgnode.state.store.ModuleUpdater;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The slashing state machine (the Cosmos SDK's x/slashing with x/evidence's equivocation handler)
 * over one {@link ModuleUpdater}: liveness from each block's {@code decided_last_commit}, double
 * signing from its {@code misbehavior} list, and unjail. Deterministic: no clock (time is the block
 * time in seconds, passed in), no floating point, and inputs processed in the order CometBFT gives
 * them, which every node sees identically.
 *
 * <p>Thread-safety: not thread-safe; it belongs to the thread executing the block.
 */
public final class Slashing {
  /**
   * Blocks between a change of the validator set in the application and its effect in CometBFT (the
   * SDK's ValidatorUpdateDelay): the set that signs height H was decided at H - 1.
   */
  public static final long VALIDATOR_UPDATE_DELAY = 1;

  /** Jailed-until of a tombstoned validator: 9999-12-31T23:59:59Z, as the SDK. */
  public static final long DOUBLE_SIGN_JAIL_END_TIME = 253_402_300_799L;

  private final SlashingStore store;
  private final StakingView staking;

  public Slashing(ModuleUpdater updater, StakingView staking) {
    this.store = SlashingStore.writable(updater);
    this.staking = Objects.requireNonNull(staking, "staking");
  }

  // ---- genesis ---------------------------------------------------------------------------------

  /**
   * Writes the genesis state: params, signing infos and bitmaps.
   *
   * @throws IllegalStateException when the module already has params
   */
  public void initGenesis(SlashingGenesis genesis) {
    Objects.requireNonNull(genesis, "genesis");
    if (store.hasParams()) {
      throw new IllegalStateException("the slashing genesis has already been initialised");
    }
    store.putParams(genesis.params());
    for (SigningInfo info : genesis.signingInfos()) {
      store.putSigningInfo(info);
    }
    for (ValidatorMissedBlocks m : genesis.missedBlocks()) {
      for (long index : m.missedIndices()) {
        store.setMissed(m.address(), index, true);
      }
    }
  }

  /** The state as a genesis section, validators in consensus-address order. */
  public SlashingGenesis exportGenesis() {
    List<SigningInfo> infos = new ArrayList<>();
    List<ValidatorMissedBlocks> missed = new ArrayList<>();
    ConsAddress after = null;
    while (true) {
      List<SigningInfo> page = store.signingInfos(after, 1000);
      for (SigningInfo info : page) {
        infos.add(info);
        List<Long> indices = store.missedIndices(info.address());
        if (!indices.isEmpty()) {
          missed.add(new ValidatorMissedBlocks(info.address(), indices));
        }
      }
      if (page.size() < 1000) {
        break;
      }
      after = page.getLast().address();
    }
    return new SlashingGenesis(store.params(), infos, missed);
  }

  public SlashingParams params() {
    return store.params();
  }

  // ---- hooks -----------------------------------------------------------------------------------

  /**
   * Staking calls this when a validator enters the bonded set at {@code height}: a new validator
   * gets a fresh signing info, a returning one a new start height, so the window is enforced only
   * once it has been bonded for a whole window (the SDK's AfterValidatorBonded hook).
   */
  public void onValidatorBonded(ConsAddress address, long height) {
    Objects.requireNonNull(address, "address");
    requireHeight(height);
    SigningInfo info = store.signingInfo(address);
    store.putSigningInfo(
        info == null ? SigningInfo.fresh(address, height) : info.withStartHeight(height));
  }

  // ---- begin block -----------------------------------------------------------------------------

  /**
   * Processes a block's {@code decided_last_commit} (liveness), then its {@code misbehavior} list
   * (double signs), in the SDK's module order: slashing before evidence.
   *
   * @param height the height of the block being executed (>= 1)
   * @param time its block time, seconds
   * @param lastCommit the votes of the previous block's validators, one per validator
   * @param misbehavior the evidence committed in this block
   * @param evidenceParams CometBFT's evidence age limits
   * @return what was done, in order, for events
   * @throws IllegalArgumentException when a validator appears twice in {@code lastCommit}
   */
  public List<SlashingEvent> beginBlock(
      long height,
      long time,
      List<VoteInfo> lastCommit,
      List<Misbehavior> misbehavior,
      EvidenceParams evidenceParams) {
    requireHeight(height);
    Objects.requireNonNull(lastCommit, "lastCommit");
    Objects.requireNonNull(misbehavior, "misbehavior");
    Objects.requireNonNull(evidenceParams, "evidenceParams");
    Set<ConsAddress> seen = new HashSet<>(lastCommit.size() * 2);
    for (VoteInfo v : lastCommit) {
      if (!seen.add(v.validator())) {
        throw new IllegalArgumentException(
            "decided_last_commit lists validator " + v.validator() + " twice");
      }
    }
    SlashingParams params = store.params();
    List<SlashingEvent> events = new ArrayList<>();
    for (VoteInfo vote : lastCommit) {
      handleSignature(params, height, time, vote, events);
    }
    for (Misbehavior m : misbehavior) {
      handleEquivocation(params, evidenceParams, height, time, m, events);
    }
    return events;
  }

  private void handleSignature(
      SlashingParams params, long height, long time, VoteInfo vote, List<SlashingEvent> events) {
    ConsAddress address = vote.validator();
    Optional<ValidatorRef> validator = staking.byConsensusAddress(address);
    // A vote from a validator staking no longer knows, or one already jailed, says nothing about
    // liveness that could still be punished; the SDK skips jailed validators the same way.
    if (validator.isEmpty() || validator.get().jailed()) {
      return;
    }
    SigningInfo info = store.signingInfo(address);
    if (info == null) {
      info = SigningInfo.fresh(address, height);
    }
    long window = params.signedBlocksWindow();
    long index = info.indexOffset() % window;
    long missedCount = info.missedBlocksCounter();
    boolean previous = store.missed(address, index);
    boolean missed = vote.flag() == BlockIdFlag.ABSENT;
    if (missed && !previous) {
      store.setMissed(address, index, true);
      missedCount++;
    } else if (!missed && previous) {
      store.setMissed(address, index, false);
      missedCount--;
    }
    info = info.withIndexOffset(info.indexOffset() + 1).withMissedBlocksCounter(missedCount);
    if (missed) {
      events.add(new SlashingEvent.Liveness(address, missedCount, height));
    }
    long minHeight = info.startHeight() + window;
    if (height > minHeight && missedCount > params.maxMissedPerWindow()) {
      // The votes of the last commit were cast by the set of height - 1, which was decided at
      // height - 1 - VALIDATOR_UPDATE_DELAY: that stake is the one that failed to sign.
      long distributionHeight = height - VALIDATOR_UPDATE_DELAY - 1;
      BigInteger burned =
          staking.slash(
              address,
              distributionHeight,
              vote.power(),
              params.slashFractionDowntime(),
              height,
              time);
      staking.jail(address);
      long jailedUntil = addTime(time, params.downtimeJailDurationSeconds());
      // Reset so that the validator is not jailed again at once when it bonds again; its start
      // height moves when staking reports the new bonding.
      info = info.withJailedUntil(jailedUntil).withMissedBlocksCounter(0).withIndexOffset(0);
      store.clearMissed(address);
      events.add(
          new SlashingEvent.Slashed(
              address,
              SlashingEvent.Reason.MISSING_SIGNATURE,
              vote.power(),
              distributionHeight,
              burned,
              jailedUntil));
    }
    store.putSigningInfo(info);
  }

  private void handleEquivocation(
      SlashingParams params,
      EvidenceParams evidenceParams,
      long height,
      long time,
      Misbehavior m,
      List<SlashingEvent> events) {
    ConsAddress address = m.validator();
    if (m.type() == MisbehaviorType.UNKNOWN) {
      events.add(ignored(m, "unknown misbehavior type"));
      return;
    }
    if (m.height() >= height) {
      events.add(
          ignored(
              m, "infraction height " + m.height() + " is not below the block height " + height));
      return;
    }
    if (evidenceParams.isExpired(m.height(), m.time(), height, time)) {
      events.add(
          ignored(
              m,
              "evidence too old: "
                  + (height - m.height())
                  + " blocks and "
                  + (time - m.time())
                  + " s, max "
                  + evidenceParams.maxAgeNumBlocks()
                  + " blocks and "
                  + evidenceParams.maxAgeDurationSeconds()
                  + " s"));
      return;
    }
    Optional<ValidatorRef> found = staking.byConsensusAddress(address);
    if (found.isEmpty()) {
      events.add(ignored(m, "unknown validator"));
      return;
    }
    ValidatorRef validator = found.get();
    if (validator.status() == BondStatus.UNBONDED) {
      events.add(ignored(m, "validator is unbonded"));
      return;
    }
    SigningInfo info = store.signingInfo(address);
    if (info == null) {
      info = SigningInfo.fresh(address, height);
    }
    if (info.tombstoned()) {
      events.add(ignored(m, "validator already tombstoned"));
      return;
    }
    // The faulty vote at height h was cast by the set decided at h - VALIDATOR_UPDATE_DELAY.
    long distributionHeight = m.height() - VALIDATOR_UPDATE_DELAY;
    BigInteger burned =
        staking.slash(
            address,
            distributionHeight,
            m.validatorPower(),
            params.slashFractionDoubleSign(),
            height,
            time);
    if (!validator.jailed()) {
      staking.jail(address);
    }
    store.putSigningInfo(info.withJailedUntil(DOUBLE_SIGN_JAIL_END_TIME).tombstone());
    events.add(
        new SlashingEvent.Slashed(
            address,
            SlashingEvent.Reason.DOUBLE_SIGN,
            m.validatorPower(),
            distributionHeight,
            burned,
            DOUBLE_SIGN_JAIL_END_TIME));
  }

  private static SlashingEvent.EvidenceIgnored ignored(Misbehavior m, String why) {
    return new SlashingEvent.EvidenceIgnored(m.validator(), m.height(), why);
  }

  // ---- unjail ----------------------------------------------------------------------------------

  /**
   * Unjails the validator of {@code operator} at block time {@code time}, with the SDK's checks in
   * the SDK's order. Nothing is written when it is refused.
   *
   * @throws SlashingException when the validator is unknown, has no or too little self-delegation,
   *     is not jailed, is tombstoned, or is still inside its jail time
   */
  public void unjail(Address operator, long time) {
    Objects.requireNonNull(operator, "operator");
    ValidatorRef validator =
        staking
            .byOperator(operator)
            .orElseThrow(() ->
                new SlashingException(
                    "no validator has operator address " + operator.toChecksumHex()));
    BigInteger self =
        staking
            .selfDelegation(operator)
            .orElseThrow(() ->
                new SlashingException(
                    "validator "
                        + operator.toChecksumHex()
                        + " has no self-delegation; cannot be unjailed"));
    if (self.compareTo(validator.minSelfDelegation()) < 0) {
      throw new SlashingException(
          "validator "
              + operator.toChecksumHex()
              + " has a self-delegation of "
              + self
              + ", below its minimum self-delegation of "
              + validator.minSelfDelegation()
              + "; cannot be unjailed");
    }
    if (!validator.jailed()) {
      throw new SlashingException(
          "validator " + operator.toChecksumHex() + " is not jailed; cannot be unjailed");
    }
    SigningInfo info = store.signingInfo(validator.consAddress());
    if (info != null) {
      if (info.tombstoned()) {
        throw new SlashingException(
            "validator "
                + operator.toChecksumHex()
                + " is tombstoned for double signing and can never be unjailed");
      }
      if (time < info.jailedUntil()) {
        throw new SlashingException(
            "validator "
                + operator.toChecksumHex()
                + " is jailed until "
                + info.jailedUntil()
                + " (block time now "
                + time
                + ", "
                + (info.jailedUntil() - time)
                + " s left); cannot be unjailed yet");
      }
    }
    staking.unjail(operator);
  }

  // ---- helpers ---------------------------------------------------------------------------------

  private static void requireHeight(long height) {
    if (height < 0) {
      throw new IllegalArgumentException("block height must not be negative, got " + height);
    }
  }

  private static long addTime(long time, long seconds) {
    try {
      return Math.addExact(time, seconds);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(
          "jail end time overflows: block time " + time + " + " + seconds + " s", e);
    }
  }
}
