package io.zgnode.chain.validators;

import io.zgnode.evm.rlp.RlpReader;
import io.zgnode.evm.rlp.RlpWriter;
import io.zgnode.evm.types.Address;
import io.zgnode.genesis.AppGenesis;
import io.zgnode.genesis.GenesisException;
import io.zgnode.genesis.GenesisValidator;
import io.zgnode.slashing.Slashing;
import io.zgnode.slashing.block.Misbehavior;
import io.zgnode.slashing.block.SlashingEvent;
import io.zgnode.slashing.block.VoteInfo;
import io.zgnode.slashing.genesis.SlashingGenesis;
import io.zgnode.slashing.params.EvidenceParams;
import io.zgnode.slashing.signing.ConsAddress;
import io.zgnode.staking.BlockInfo;
import io.zgnode.staking.Staking;
import io.zgnode.staking.StakingException;
import io.zgnode.staking.validator.ValidatorUpdate;
import io.zgnode.state.store.ModuleUpdater;
import io.zgnode.state.store.ModuleView;
import io.zgnode.state.world.WorldUpdater;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The staking and slashing modules wired over one block's working state: tokens in the world
 * (through {@link WorldBank}), module state in the module trie, so both are in the app hash and
 * committed with the block.
 *
 * <p>Staking owns CometBFT's validator set only when the genesis created validators: then the
 * module state holds {@link #KEY_VALIDATOR_SET} (with the evidence age limits slashing needs) and
 * every block runs slashing's begin block and staking's end block. Without genesis validators the
 * chain keeps CometBFT's genesis set and none of this runs, exactly as before staking existed.
 */
public final class ValidatorModules {
  /** Present iff staking owns the validator set; its value is the evidence params (RLP). */
  public static final byte[] KEY_VALIDATOR_SET =
      "chain/validator_set".getBytes(StandardCharsets.US_ASCII);

  private static final int VERSION = 1;

  private final ModuleUpdater modules;
  private final Staking staking;
  private final Slashing slashing;

  public ValidatorModules(WorldUpdater world, ModuleUpdater modules) {
    Objects.requireNonNull(world, "world");
    Objects.requireNonNull(modules, "modules");
    this.staking = new Staking(modules, new WorldBank(world));
    this.slashing = new Slashing(modules, new StakingAdapter(staking));
    this.modules = modules;
  }

  public Staking staking() {
    return staking;
  }

  public Slashing slashing() {
    return slashing;
  }

  /** Whether staking owns the validator set in this state. */
  public static boolean ownsValidatorSet(ModuleView modules) {
    return modules.get(KEY_VALIDATOR_SET) != null;
  }

  /** The evidence limits recorded at InitChain; only when {@link #ownsValidatorSet}. */
  public static EvidenceParams evidenceParams(ModuleView modules) {
    byte[] raw = modules.get(KEY_VALIDATOR_SET);
    if (raw == null) {
      throw new IllegalStateException("staking does not own the validator set in this state");
    }
    RlpReader r = RlpReader.ofSingleItem(raw).readList();
    long version = r.readLong("validator set record version");
    if (version != VERSION) {
      throw new IllegalStateException("validator set record has unknown version " + version);
    }
    EvidenceParams p =
        new EvidenceParams(r.readLong("max_age_num_blocks"), r.readLong("max_age_duration"));
    r.requireEnd("validator set record");
    return p;
  }

  /**
   * Runs the staking and slashing genesis: nothing at all when the genesis has neither section;
   * else stores both modules' params (defaults for a missing section) and creates the genesis
   * validators in file order, each paying its self-delegation from its genesis balance into the
   * bonded pool. With validators, returns the initial set (what InitChain answers CometBFT) and
   * records that staking owns the set from now on; without, returns an empty list.
   *
   * @param initialHeight CometBFT's initial height: the validators' powers count from there
   * @param evidence CometBFT's evidence limits from the genesis consensus params
   * @throws GenesisException naming the validator and field of any refused value
   */
  public List<ValidatorUpdate> initGenesis(
      AppGenesis app, long initialHeight, long genesisTime, EvidenceParams evidence) {
    Objects.requireNonNull(evidence, "evidence");
    if (app.staking() == null && app.slashing() == null) {
      return List.of();
    }
    try {
      staking.initGenesis(GenesisSections.stakingParams(app.staking()));
    } catch (StakingException e) {
      throw new GenesisException("app_state.staking.params: " + e.getMessage(), e);
    }
    slashing.initGenesis(SlashingGenesis.of(GenesisSections.slashingParams(app.slashing())));
    if (!app.hasStakingValidators()) {
      return List.of();
    }
    BlockInfo block = new BlockInfo(initialHeight, Math.max(0, genesisTime));
    List<GenesisValidator> validators = app.staking().validators();
    for (int i = 0; i < validators.size(); i++) {
      try {
        staking.createValidator(GenesisSections.createValidator(validators.get(i), i), block);
      } catch (StakingException | IllegalArgumentException e) {
        if (e instanceof GenesisException) {
          throw e;
        }
        throw new GenesisException("app_state.staking.validators[" + i + "]: " + e.getMessage(), e);
      }
    }
    List<ValidatorUpdate> set = staking.applyGenesisValidatorSet(block);
    if (set.isEmpty()) {
      throw new GenesisException(
          "app_state.staking.validators: no validator has a power of at least 1 (a self_delegation"
              + " of 10^18 smallest units), so the chain would have no validator set");
    }
    for (ValidatorUpdate u : set) {
      slashing.onValidatorBonded(ConsAddress.of(u.pubKey().address()), initialHeight);
    }
    modules.put(
        KEY_VALIDATOR_SET,
        new RlpWriter(32)
            .startList()
            .writeLong(VERSION)
            .writeLong(evidence.maxAgeNumBlocks())
            .writeLong(evidence.maxAgeDurationSeconds())
            .endList()
            .toByteArray());
    return set;
  }

  /** Slashing's begin block: liveness from the last commit, then double signs. */
  public List<SlashingEvent> beginBlock(
      long height, long time, List<VoteInfo> lastCommit, List<Misbehavior> misbehavior) {
    return slashing.beginBlock(height, time, lastCommit, misbehavior, evidenceParams(modules));
  }

  /**
   * Staking's end block (rewards from the fee collector and the block reward, the new bonded set,
   * matured unbondings); validators that (re)enter the set start a fresh liveness window. Returns
   * the updates for CometBFT (effective at height + 2).
   */
  public List<ValidatorUpdate> endBlock(long height, long time) {
    Map<Address, Long> before = staking.lastValidatorPowers();
    List<ValidatorUpdate> updates = staking.endBlock(new BlockInfo(height, time));
    Map<Address, Long> after = staking.lastValidatorPowers();
    for (Map.Entry<Address, Long> e : after.entrySet()) {
      if (!before.containsKey(e.getKey())) {
        staking
            .validator(e.getKey())
            .ifPresent(
                v -> slashing.onValidatorBonded(ConsAddress.of(v.consensusAddress()), height));
      }
    }
    return updates;
  }
}
