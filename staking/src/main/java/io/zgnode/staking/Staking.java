package io.zgnode.staking;

import io.zgnode.evm.types.Address;
import io.zgnode.staking.delegation.Delegation;
import io.zgnode.staking.delegation.Redelegation;
import io.zgnode.staking.delegation.RedelegationEntry;
import io.zgnode.staking.delegation.UnbondingDelegation;
import io.zgnode.staking.delegation.UnbondingEntry;
import io.zgnode.staking.distribution.F1Distribution;
import io.zgnode.staking.math.Dec;
import io.zgnode.staking.params.StakingParams;
import io.zgnode.staking.store.StakingStore;
import io.zgnode.staking.validator.Commission;
import io.zgnode.staking.validator.ConsensusKey;
import io.zgnode.staking.validator.Description;
import io.zgnode.staking.validator.Validator;
import io.zgnode.staking.validator.ValidatorStatus;
import io.zgnode.staking.validator.ValidatorUpdate;
import io.zgnode.state.store.ModuleUpdater;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The staking module: validators, delegations, unbonding, redelegation, the bonded set, slashing of
 * stake, and F1 rewards. A deterministic state machine over the module trie (through a {@link
 * ModuleUpdater}) that moves tokens only through the caller's {@link Bank}. Time is the block time
 * in seconds and height the block height, both from the caller.
 *
 * <p>Every transaction-like method checks its input first and throws a {@link StakingException}
 * before changing anything; it also runs inside a module checkpoint that is reverted on any
 * failure. Semantics follow the Cosmos SDK's x/staking and x/distribution (v0.50) where they can;
 * differences are noted on the methods.
 *
 * <p>Where tokens are: delegated tokens of bonded validators in {@link ModuleAccounts#BONDED_POOL},
 * those of other validators and of unbonding entries in {@link ModuleAccounts#NOT_BONDED_POOL},
 * rewards in {@link ModuleAccounts#DISTRIBUTION}. Slashed tokens are burned ({@link Bank#burn}).
 *
 * <p>Thread-safety: none; one instance per updater and thread.
 */
public final class Staking {
  private final ModuleUpdater db;
  private final StakingStore store;
  private final Bank bank;
  private final F1Distribution distribution;

  public Staking(ModuleUpdater db, Bank bank) {
    this.db = Objects.requireNonNull(db, "db");
    this.bank = Objects.requireNonNull(bank, "bank");
    this.store = new StakingStore(db);
    this.distribution = new F1Distribution(store, bank);
  }

  // ---- genesis ---------------------------------------------------------------------------------

  /**
   * Stores the (validated) parameters; genesis validators then come as {@link #createValidator}.
   */
  public void initGenesis(StakingParams params) {
    Objects.requireNonNull(params, "params");
    try {
      params.validate();
    } catch (IllegalArgumentException e) {
      throw new StakingException(e.getMessage());
    }
    if (store.hasParams()) {
      throw new StakingException("staking genesis already ran");
    }
    store.putParams(params);
  }

  /**
   * The initial validator set for InitChain, after the genesis create-validator transactions: it
   * bonds the top validators and returns them; their powers take effect at {@code block.height()}
   * (the initial height).
   */
  public List<ValidatorUpdate> applyGenesisValidatorSet(BlockInfo block) {
    return atomically(() -> applyValidatorSet(store.params(), block, block.height()));
  }

  public StakingParams params() {
    return store.params();
  }

  // ---- validators ------------------------------------------------------------------------------

  /** Creates a validator (unbonded until the next end block bonds it) with its self-delegation. */
  public Validator createValidator(CreateValidator msg, BlockInfo block) {
    Objects.requireNonNull(msg, "msg");
    StakingParams params = store.params();
    Address op = require(msg.operator(), "operator address");
    ConsensusKey key;
    try {
      key = ConsensusKey.ed25519(msg.consensusPubKey());
    } catch (IllegalArgumentException e) {
      throw new StakingException(e.getMessage());
    }
    Description description = require(msg.description(), "description");
    description.validate();
    Commission commission =
        new Commission(
            require(msg.commissionRate(), "commission rate"),
            require(msg.commissionMaxRate(), "commission max rate"),
            require(msg.commissionMaxChangeRate(), "commission max change rate"),
            block.time());
    commission.validateRates();
    if (commission.rate().lt(params.minCommissionRate())) {
      throw new StakingException(
          "commission rate "
              + commission.rate()
              + " cannot be less than the minimum commission rate "
              + params.minCommissionRate());
    }
    BigInteger minSelf = require(msg.minSelfDelegation(), "minimum self delegation");
    if (minSelf.signum() <= 0) {
      throw new StakingException("minimum self delegation must be a positive integer");
    }
    BigInteger amount = requirePositive(msg.selfDelegation(), "self delegation amount");
    if (amount.compareTo(minSelf) < 0) {
      throw new StakingException(
          "self delegation " + amount + " is below the minimum self delegation " + minSelf);
    }
    if (store.validator(op) != null) {
      throw new StakingException("validator already exists for operator " + op);
    }
    Address holder = store.operatorByConsensusAddress(key.address());
    if (holder != null) {
      throw new StakingException(
          "consensus public key " + key + " is already used by validator " + holder);
    }
    requireBalance(op, amount, "self delegation");
    return atomically(() -> {
      Validator v =
          new Validator(
              op,
              key,
              false,
              ValidatorStatus.UNBONDED,
              BigInteger.ZERO,
              Dec.ZERO,
              description,
              0,
              0,
              commission,
              minSelf);
      store.putValidator(v);
      store.putConsensusAddress(key.address(), op);
      distribution.initializeValidator(op);
      return doDelegate(op, v, amount, TokenSource.ACCOUNT, block.height());
    });
  }

  /**
   * Edits the description, the commission rate (once per 24 h) or raises the min self-delegation.
   */
  public Validator editValidator(EditValidator msg, BlockInfo block) {
    Objects.requireNonNull(msg, "msg");
    Validator v = requireValidator(msg.operator());
    Description description =
        v.description()
            .merge(
                msg.moniker(), msg.identity(), msg.website(), msg.securityContact(), msg.details());
    description.validate();
    Commission commission = v.commission();
    if (msg.commissionRate() != null) {
      StakingParams params = store.params();
      commission = commission.change(msg.commissionRate(), block.time());
      if (commission.rate().lt(params.minCommissionRate())) {
        throw new StakingException(
            "commission rate "
                + commission.rate()
                + " cannot be less than the minimum commission rate "
                + params.minCommissionRate());
      }
    }
    BigInteger minSelf = v.minSelfDelegation();
    if (msg.minSelfDelegation() != null) {
      BigInteger m = msg.minSelfDelegation();
      if (m.signum() <= 0) {
        throw new StakingException("minimum self delegation must be a positive integer");
      }
      if (m.compareTo(minSelf) <= 0) {
        throw new StakingException(
            "minimum self delegation can only be increased (current "
                + minSelf
                + ", requested "
                + m
                + ")");
      }
      if (m.compareTo(v.tokens()) > 0) {
        throw new StakingException(
            "minimum self delegation " + m + " is more than the validator's tokens " + v.tokens());
      }
      minSelf = m;
    }
    Validator edited = v.withEdits(description, commission, minSelf);
    return atomically(() -> {
      saveValidator(v, edited);
      return edited;
    });
  }

  // ---- delegations -----------------------------------------------------------------------------

  /** Delegates {@code amount} tokens from the delegator's balance; returns the shares issued. */
  public Dec delegate(Address delegator, Address validator, BigInteger amount, BlockInfo block) {
    require(delegator, "delegator address");
    requirePositive(amount, "delegation amount");
    Validator v = requireValidator(validator);
    requireValidExchangeRate(v);
    requireBalance(delegator, amount, "delegation");
    return atomically(() -> {
      Validator before = v;
      Delegation old = store.delegation(delegator, validator);
      Dec oldShares = old == null ? Dec.ZERO : old.shares();
      doDelegate(delegator, before, amount, TokenSource.ACCOUNT, block.height());
      return store.delegation(delegator, validator).shares().sub(oldShares);
    });
  }

  /**
   * Starts unbonding {@code amount} tokens' worth of shares; the tokens are paid at block time +
   * unbonding time. Entries created in the same block are merged, as the SDK does.
   */
  public Undelegation undelegate(
      Address delegator, Address validator, BigInteger amount, BlockInfo block) {
    require(delegator, "delegator address");
    requirePositive(amount, "undelegation amount");
    Validator v = requireValidator(validator);
    Delegation d = requireDelegation(delegator, validator);
    Dec shares = sharesToUnbond(v, d, amount, "undelegation");
    StakingParams params = store.params();
    UnbondingDelegation ubd = store.unbonding(delegator, validator);
    if (ubd != null && ubd.entries().size() >= params.maxEntries()) {
      throw new StakingException(
          "too many unbonding entries for delegator "
              + delegator
              + " and validator "
              + validator
              + " (max "
              + params.maxEntries()
              + "); wait for one to complete");
    }
    requireNonZeroReturn(v, shares, "undelegation");
    return atomically(() -> {
      Validator.Removed removed = doUnbond(delegator, v, d, shares, block.height());
      BigInteger out = removed.tokens();
      if (removed.validator().isBonded()) {
        bank.transfer(ModuleAccounts.BONDED_POOL, ModuleAccounts.NOT_BONDED_POOL, out);
      }
      long completion = block.time() + params.unbondingTime();
      addUnbondingEntry(delegator, validator, block.height(), completion, out);
      return new Undelegation(out, completion);
    });
  }

  /**
   * Moves {@code amount} tokens' worth of a delegation from {@code source} to {@code destination}.
   * Refused while the source itself received an unfinished redelegation from this delegator (no
   * transitive redelegation, as the SDK). Returns the completion time of the entry (the block time
   * when the source is unbonded: then no entry is kept).
   */
  public long redelegate(
      Address delegator, Address source, Address destination, BigInteger amount, BlockInfo block) {
    require(delegator, "delegator address");
    requirePositive(amount, "redelegation amount");
    require(source, "source validator address");
    require(destination, "destination validator address");
    if (source.equals(destination)) {
      throw new StakingException("cannot redelegate to the same validator " + source);
    }
    Validator src = requireValidator(source);
    Validator dst = requireValidator(destination);
    Delegation d = requireDelegation(delegator, source);
    Dec shares = sharesToUnbond(src, d, amount, "redelegation");
    if (store.hasReceivingRedelegation(delegator, source)) {
      throw new StakingException(
          "redelegation from "
              + source
              + " refused: it received a redelegation from "
              + delegator
              + " that has not completed (transitive redelegation)");
    }
    StakingParams params = store.params();
    Redelegation red = store.redelegation(delegator, source, destination);
    if (red != null && red.entries().size() >= params.maxEntries()) {
      throw new StakingException(
          "too many redelegation entries for delegator "
              + delegator
              + " from "
              + source
              + " to "
              + destination
              + " (max "
              + params.maxEntries()
              + "); wait for one to complete");
    }
    requireNonZeroReturn(src, shares, "redelegation");
    requireValidExchangeRate(dst);
    return atomically(() -> {
      TokenSource from = src.isBonded() ? TokenSource.BONDED_POOL : TokenSource.NOT_BONDED_POOL;
      Validator.Removed removed = doUnbond(delegator, src, d, shares, block.height());
      Validator dstNow = store.validator(destination);
      Delegation before = store.delegation(delegator, destination);
      Dec oldShares = before == null ? Dec.ZERO : before.shares();
      doDelegate(delegator, dstNow, removed.tokens(), from, block.height());
      Dec created = store.delegation(delegator, destination).shares().sub(oldShares);
      Validator srcNow = removed.validator();
      long completion;
      long creationHeight;
      switch (srcNow.status()) {
        case BONDED -> {
          completion = block.time() + params.unbondingTime();
          creationHeight = block.height();
        }
        case UNBONDING -> {
          // The stake was already leaving with the validator: it completes with it.
          completion = srcNow.unbondingTime();
          creationHeight = srcNow.unbondingHeight();
        }
        default -> {
          return block.time();
        }
      }
      Redelegation cur = store.redelegation(delegator, source, destination);
      List<RedelegationEntry> entries = new ArrayList<>(cur == null ? List.of() : cur.entries());
      entries.add(new RedelegationEntry(creationHeight, completion, removed.tokens(), created));
      store.putRedelegation(new Redelegation(delegator, source, destination, entries));
      store.putRedelegationQueue(queueTime(completion), delegator, source, destination);
      return completion;
    });
  }

  /**
   * Re-delegates {@code amount} of the unbonding entry created at {@code creationHeight} (not yet
   * mature) back to its validator.
   */
  public void cancelUnbondingDelegation(
      Address delegator,
      Address validator,
      BigInteger amount,
      long creationHeight,
      BlockInfo block) {
    require(delegator, "delegator address");
    requirePositive(amount, "amount");
    if (creationHeight <= 0) {
      throw new StakingException("creation height must be positive, got " + creationHeight);
    }
    Validator v = requireValidator(validator);
    requireValidExchangeRate(v);
    if (v.jailed()) {
      throw new StakingException(
          "cannot cancel an unbonding delegation of jailed validator " + validator);
    }
    UnbondingDelegation ubd = store.unbonding(delegator, validator);
    if (ubd == null) {
      throw new StakingException(
          "no unbonding delegation of " + delegator + " from validator " + validator);
    }
    int index = -1;
    for (int i = 0; i < ubd.entries().size(); i++) {
      UnbondingEntry e = ubd.entries().get(i);
      if (e.creationHeight() == creationHeight && !e.isMature(block.time())) {
        index = i;
        break;
      }
    }
    if (index < 0) {
      throw new StakingException(
          "no unbonding entry in progress created at height " + creationHeight);
    }
    UnbondingEntry entry = ubd.entries().get(index);
    if (amount.compareTo(entry.balance()) > 0) {
      throw new StakingException(
          "amount " + amount + " is greater than the unbonding entry balance " + entry.balance());
    }
    int at = index;
    atomically(() -> {
      doDelegate(delegator, v, amount, TokenSource.NOT_BONDED_POOL, block.height());
      List<UnbondingEntry> entries = new ArrayList<>(ubd.entries());
      BigInteger left = entry.balance().subtract(amount);
      if (left.signum() == 0) {
        entries.remove(at);
      } else {
        entries.set(
            at,
            new UnbondingEntry(
                entry.creationHeight(),
                entry.completionTime(),
                entry.initialBalance().subtract(amount),
                left));
      }
      store.putUnbonding(new UnbondingDelegation(delegator, validator, entries));
      return null;
    });
  }

  // ---- rewards ---------------------------------------------------------------------------------

  /** Pays a delegation's rewards to the delegator; returns the tokens paid (possibly 0). */
  public BigInteger withdrawRewards(Address delegator, Address validator, BlockInfo block) {
    require(delegator, "delegator address");
    Validator v = requireValidator(validator);
    Delegation d = requireDelegation(delegator, validator);
    return atomically(() -> {
      BigInteger paid = distribution.withdrawRewards(v, d, block.height());
      distribution.initializeDelegation(v, delegator, d.shares(), block.height());
      return paid;
    });
  }

  /** Pays the integer part of a validator's accumulated commission to its operator. */
  public BigInteger withdrawCommission(Address operator, BlockInfo block) {
    Validator v = requireValidator(operator);
    if (distribution.rewards(operator).commission().truncateInt().signum() <= 0) {
      throw new StakingException("no validator commission to withdraw for " + operator);
    }
    return atomically(() -> distribution.withdrawCommission(v));
  }

  /** The rewards {@code delegator} would receive now from {@code validator} (state unchanged). */
  public Dec pendingRewards(Address delegator, Address validator, BlockInfo block) {
    Validator v = requireValidator(validator);
    Delegation d = requireDelegation(delegator, validator);
    int cp = db.checkpoint();
    try {
      long ending = distribution.incrementPeriod(v);
      return distribution.calculateRewards(v, d, ending, block.height());
    } finally {
      db.revertTo(cp);
    }
  }

  /** Accumulated commission not yet withdrawn. */
  public Dec accumulatedCommission(Address operator) {
    requireValidator(operator);
    return distribution.rewards(operator).commission();
  }

  /** Rewards and commission owed for {@code operator} and not yet withdrawn. */
  public Dec outstandingRewards(Address operator) {
    requireValidator(operator);
    return distribution.rewards(operator).outstanding();
  }

  public Dec communityPool() {
    return store.communityPool();
  }

  // ---- end block -------------------------------------------------------------------------------

  /**
   * End-of-block processing, in this order: (1) moves the fee collector's balance and mints the
   * block reward into the distribution account and splits them across the validators of the last
   * bonded set by power; (2) computes the new bonded set and its status transitions; (3) finishes
   * validators whose unbonding matured; (4) pays matured unbonding entries and drops matured
   * redelegation entries. Returns the CometBFT updates (changed powers in power order, then
   * removals in operator address order); the caller applies them at height + 2, CometBFT's rule.
   */
  public List<ValidatorUpdate> endBlock(BlockInfo block) {
    return atomically(() -> {
      StakingParams params = store.params();
      allocateRewards(params);
      List<ValidatorUpdate> updates = applyValidatorSet(params, block, block.height() + 2);
      unbondMatureValidators(block);
      long cursor = store.queueCursor();
      store.drainUnbondingQueue(
          cursor, block.time(), (del, val) -> completeUnbonding(del, val, block.time()));
      store.drainRedelegationQueue(
          cursor,
          block.time(),
          (del, src, dst) -> completeRedelegation(del, src, dst, block.time()));
      store.putQueueCursor(Math.max(cursor, block.time()));
      return updates;
    });
  }

  private void allocateRewards(StakingParams params) {
    BigInteger fees = bank.balance(ModuleAccounts.FEE_COLLECTOR);
    if (fees.signum() > 0) {
      bank.transfer(ModuleAccounts.FEE_COLLECTOR, ModuleAccounts.DISTRIBUTION, fees);
    }
    BigInteger reward = params.blockReward();
    if (reward.signum() > 0) {
      bank.mint(ModuleAccounts.DISTRIBUTION, reward);
    }
    BigInteger total = fees.add(reward);
    if (total.signum() == 0) {
      return;
    }
    List<F1Distribution.Recipient> recipients = new ArrayList<>();
    for (Map.Entry<Address, Long> e : store.lastPowers().entrySet()) {
      recipients.add(new F1Distribution.Recipient(store.validator(e.getKey()), e.getValue()));
    }
    distribution.allocate(recipients, total, params.communityTax());
  }

  private List<ValidatorUpdate> applyValidatorSet(
      StakingParams params, BlockInfo block, long effectiveHeight) {
    Map<Address, Long> leaving = new LinkedHashMap<>(store.lastPowers());
    List<ValidatorUpdate> updates = new ArrayList<>();
    for (Address op : store.topByPower(params.maxValidators())) {
      Validator v = store.validator(op);
      if (!v.isBonded()) {
        v = bond(v);
      }
      long power = v.potentialPower();
      Long old = leaving.remove(op);
      if (old == null || old != power) {
        updates.add(new ValidatorUpdate(v.consensusKey(), power));
        store.putLastPower(op, power);
        recordPower(params, v, effectiveHeight, power);
      }
    }
    for (Address op : leaving.keySet()) {
      Validator v = store.validator(op);
      Validator unbonding =
          v.withStatus(
              ValidatorStatus.UNBONDING, block.height(), block.time() + params.unbondingTime());
      saveValidator(v, unbonding);
      moveTokens(ModuleAccounts.BONDED_POOL, ModuleAccounts.NOT_BONDED_POOL, v.tokens());
      store.putValidatorQueue(unbonding.unbondingTime(), unbonding.unbondingHeight(), op);
      store.removeLastPower(op);
      updates.add(new ValidatorUpdate(v.consensusKey(), 0));
      recordPower(params, v, effectiveHeight, 0);
    }
    return updates;
  }

  private Validator bond(Validator v) {
    if (v.isUnbonding()) {
      store.removeValidatorQueue(v.unbondingTime(), v.unbondingHeight(), v.operator());
    }
    Validator bonded = v.withStatus(ValidatorStatus.BONDED, v.unbondingHeight(), v.unbondingTime());
    saveValidator(v, bonded);
    moveTokens(ModuleAccounts.NOT_BONDED_POOL, ModuleAccounts.BONDED_POOL, v.tokens());
    return bonded;
  }

  private void unbondMatureValidators(BlockInfo block) {
    for (StakingStore.QueuedValidator q : store.dueValidators(block.time())) {
      if (q.height() > block.height()) {
        continue;
      }
      store.removeValidatorQueue(q.time(), q.height(), q.operator());
      Validator v = store.validator(q.operator());
      if (v != null
          && v.isUnbonding()
          && v.unbondingTime() == q.time()
          && v.unbondingHeight() == q.height()) {
        saveValidator(v, v.withStatus(ValidatorStatus.UNBONDED, q.height(), q.time()));
      }
    }
  }

  private void completeUnbonding(Address delegator, Address validator, long now) {
    UnbondingDelegation ubd = store.unbonding(delegator, validator);
    if (ubd == null) {
      return;
    }
    List<UnbondingEntry> kept = new ArrayList<>();
    for (UnbondingEntry e : ubd.entries()) {
      if (e.isMature(now)) {
        moveTokens(ModuleAccounts.NOT_BONDED_POOL, delegator, e.balance());
      } else {
        kept.add(e);
      }
    }
    if (kept.size() != ubd.entries().size()) {
      store.putUnbonding(new UnbondingDelegation(delegator, validator, kept));
    }
  }

  private void completeRedelegation(Address delegator, Address src, Address dst, long now) {
    Redelegation red = store.redelegation(delegator, src, dst);
    if (red == null) {
      return;
    }
    List<RedelegationEntry> kept = new ArrayList<>();
    for (RedelegationEntry e : red.entries()) {
      if (!e.isMature(now)) {
        kept.add(e);
      }
    }
    if (kept.size() != red.entries().size()) {
      store.putRedelegation(new Redelegation(delegator, src, dst, kept));
    }
  }

  /**
   * Records the power a consensus address has from {@code effectiveHeight} on, dropping records
   * that no height within the history window can need.
   */
  private void recordPower(StakingParams params, Validator v, long effectiveHeight, long power) {
    byte[] cons = v.consensusAddress();
    store.putPowerHistory(cons, effectiveHeight, power);
    long cutoff = effectiveHeight - params.powerHistoryBlocks();
    long newestOld = -1;
    for (Long h : store.powerHistory(cons).keySet()) {
      if (h <= cutoff) {
        if (newestOld >= 0) {
          store.removePowerHistory(cons, newestOld);
        }
        newestOld = h;
      }
    }
  }

  // ---- slashing API ----------------------------------------------------------------------------

  /** The validator whose consensus key hashes to {@code consensusAddress} (20 bytes). */
  public Optional<Validator> validatorByConsensusAddress(byte[] consensusAddress) {
    requireConsensusAddress(consensusAddress);
    Address op = store.operatorByConsensusAddress(consensusAddress);
    return op == null ? Optional.empty() : Optional.of(store.validator(op));
  }

  /**
   * The voting power CometBFT used for {@code consensusAddress} at {@code height} (updates returned
   * by the end block of H count from H + 2), 0 when it was not in the set. Kept for {@link
   * StakingParams#powerHistoryBlocks()} blocks; older heights answer with the oldest kept record.
   */
  public long powerAt(byte[] consensusAddress, long height) {
    requireConsensusAddress(consensusAddress);
    long power = 0;
    for (Map.Entry<Long, Long> e : store.powerHistory(consensusAddress).entrySet()) {
      if (e.getKey() > height) {
        break;
      }
      power = e.getValue();
    }
    return power;
  }

  /** The power of the validator in the last bonded set (0 if not in it). */
  public long lastPower(Address operator) {
    return store.lastPower(operator);
  }

  /**
   * Slashes {@code fraction} of the stake that had {@code powerAtInfraction} at {@code
   * infractionHeight} (the SDK's algorithm): amount = power &times; 10^18 &times; fraction,
   * truncated. Unbonding and redelegation entries of the validator created at or after the
   * infraction height and not yet mature are slashed first, each by fraction &times; its initial
   * balance (entries created before the infraction did not contribute to it and are not slashed);
   * the rest comes from the validator's tokens, capped at what it holds. All slashed tokens are
   * burned from the pool holding them. A validator that no longer exists is ignored (0).
   *
   * @return the tokens burned (entries and validator together)
   */
  public BigInteger slash(
      byte[] consensusAddress,
      long infractionHeight,
      long powerAtInfraction,
      Dec fraction,
      BlockInfo block) {
    requireConsensusAddress(consensusAddress);
    require(fraction, "slash fraction");
    if (fraction.isNegative() || fraction.gt(Dec.ONE)) {
      throw new StakingException("slash fraction must be between 0 and 1, got " + fraction);
    }
    if (powerAtInfraction < 0) {
      throw new StakingException("power at infraction must not be negative");
    }
    if (infractionHeight > block.height()) {
      throw new StakingException(
          "cannot slash an infraction at height "
              + infractionHeight
              + " in the future of height "
              + block.height());
    }
    Address op = store.operatorByConsensusAddress(consensusAddress);
    if (op == null) {
      return BigInteger.ZERO;
    }
    Validator v0 = store.validator(op);
    if (v0.isUnbonded()) {
      throw new StakingException("should not be slashing unbonded validator " + op);
    }
    return atomically(() -> {
      BigInteger amount =
          Dec.of(BigInteger.valueOf(powerAtInfraction).multiply(Validator.POWER_REDUCTION))
              .mul(fraction)
              .truncateInt();
      BigInteger remaining = amount;
      BigInteger burned = BigInteger.ZERO;
      if (infractionHeight < block.height()) {
        for (Address del : store.unbondingDelegatorsOf(op)) {
          SlashTotals t =
              slashUnbonding(store.unbonding(del, op), infractionHeight, fraction, block.time());
          remaining = remaining.subtract(t.counted);
          burned = burned.add(t.burned);
        }
        for (Address[] pair : store.redelegationsFrom(op)) {
          SlashTotals t =
              slashRedelegation(
                  store.redelegation(pair[0], op, pair[1]), infractionHeight, fraction, block);
          remaining = remaining.subtract(t.counted);
          burned = burned.add(t.burned);
        }
      }
      Validator v = store.validator(op);
      BigInteger toBurn = remaining.min(v.tokens()).max(BigInteger.ZERO);
      if (toBurn.signum() == 0) {
        return burned;
      }
      Dec effective = Dec.of(toBurn).quoRoundUp(Dec.of(v.tokens())).min(Dec.ONE);
      distribution.beforeValidatorSlashed(v, effective, block.height());
      saveValidator(v, v.withTokens(v.tokens().subtract(toBurn)));
      bank.burn(v.isBonded() ? ModuleAccounts.BONDED_POOL : ModuleAccounts.NOT_BONDED_POOL, toBurn);
      return burned.add(toBurn);
    });
  }

  /** What an entry slash counts against the slash amount, and what it actually burned. */
  private record SlashTotals(BigInteger counted, BigInteger burned) {}

  private SlashTotals slashUnbonding(
      UnbondingDelegation ubd, long infractionHeight, Dec fraction, long now) {
    BigInteger counted = BigInteger.ZERO;
    BigInteger burned = BigInteger.ZERO;
    List<UnbondingEntry> entries = new ArrayList<>(ubd.entries());
    for (int i = 0; i < entries.size(); i++) {
      UnbondingEntry e = entries.get(i);
      if (e.creationHeight() < infractionHeight || e.isMature(now)) {
        continue;
      }
      BigInteger slash = fraction.mulInt(e.initialBalance()).truncateInt();
      counted = counted.add(slash);
      BigInteger take = slash.min(e.balance());
      if (take.signum() == 0) {
        continue;
      }
      burned = burned.add(take);
      entries.set(
          i,
          new UnbondingEntry(
              e.creationHeight(),
              e.completionTime(),
              e.initialBalance(),
              e.balance().subtract(take)));
    }
    if (burned.signum() > 0) {
      store.putUnbonding(new UnbondingDelegation(ubd.delegator(), ubd.validator(), entries));
      bank.burn(ModuleAccounts.NOT_BONDED_POOL, burned);
    }
    return new SlashTotals(counted, burned);
  }

  private SlashTotals slashRedelegation(
      Redelegation red, long infractionHeight, Dec fraction, BlockInfo block) {
    BigInteger counted = BigInteger.ZERO;
    BigInteger bondedBurn = BigInteger.ZERO;
    BigInteger notBondedBurn = BigInteger.ZERO;
    Address del = red.delegator();
    Address dst = red.destination();
    for (RedelegationEntry e : red.entries()) {
      if (e.creationHeight() < infractionHeight || e.isMature(block.time())) {
        continue;
      }
      BigInteger slash = fraction.mulInt(e.initialBalance()).truncateInt();
      counted = counted.add(slash);
      // The moved stake may already be unbonding from the destination: slash that first.
      UnbondingDelegation ubd = store.unbonding(del, dst);
      if (ubd != null) {
        List<UnbondingEntry> entries = new ArrayList<>(ubd.entries());
        boolean changed = false;
        for (int i = 0; i < entries.size(); i++) {
          UnbondingEntry u = entries.get(i);
          BigInteger take = slash.min(u.balance());
          if (take.signum() == 0
              || u.creationHeight() < infractionHeight
              || u.isMature(block.time())) {
            continue;
          }
          slash = slash.subtract(take);
          notBondedBurn = notBondedBurn.add(take);
          entries.set(
              i,
              new UnbondingEntry(
                  u.creationHeight(),
                  u.completionTime(),
                  u.initialBalance(),
                  u.balance().subtract(take)));
          changed = true;
        }
        if (changed) {
          store.putUnbonding(new UnbondingDelegation(del, dst, entries));
        }
      }
      Dec sharesToUnbond = fraction.mul(e.sharesDst());
      if (sharesToUnbond.isZero() || slash.signum() == 0) {
        continue;
      }
      Delegation d = store.delegation(del, dst);
      if (d == null) {
        continue;
      }
      sharesToUnbond = sharesToUnbond.min(d.shares());
      Validator dstV = store.validator(dst);
      Validator.Removed removed = doUnbond(del, dstV, d, sharesToUnbond, block.height());
      if (removed.validator().isBonded()) {
        bondedBurn = bondedBurn.add(removed.tokens());
      } else {
        notBondedBurn = notBondedBurn.add(removed.tokens());
      }
    }
    if (bondedBurn.signum() > 0) {
      bank.burn(ModuleAccounts.BONDED_POOL, bondedBurn);
    }
    if (notBondedBurn.signum() > 0) {
      bank.burn(ModuleAccounts.NOT_BONDED_POOL, notBondedBurn);
    }
    return new SlashTotals(counted, bondedBurn.add(notBondedBurn));
  }

  /** Jails a validator; the next end block takes it out of the bonded set. */
  public void jail(byte[] consensusAddress) {
    requireConsensusAddress(consensusAddress);
    Address op = store.operatorByConsensusAddress(consensusAddress);
    if (op == null) {
      throw new StakingException("no validator with consensus address " + hex(consensusAddress));
    }
    Validator v = store.validator(op);
    if (v.jailed()) {
      throw new StakingException("validator " + op + " is already jailed");
    }
    atomically(() -> jailValidator(v));
  }

  /**
   * Unjails a validator (the slashing module decides when it may): refused when it is not jailed,
   * has no self-delegation or a self-delegation below its minimum.
   */
  public void unjail(Address operator) {
    Validator v = requireValidator(operator);
    if (!v.jailed()) {
      throw new StakingException("validator " + operator + " is not jailed");
    }
    Delegation self = store.delegation(operator, operator);
    if (self == null) {
      throw new StakingException(
          "validator " + operator + " has no self-delegation; cannot be unjailed");
    }
    BigInteger selfTokens = v.tokensFromShares(self.shares()).truncateInt();
    if (selfTokens.compareTo(v.minSelfDelegation()) < 0) {
      throw new StakingException(
          "validator "
              + operator
              + " self-delegation "
              + selfTokens
              + " is below its minimum "
              + v.minSelfDelegation()
              + "; cannot be unjailed");
    }
    atomically(() -> {
      saveValidator(v, v.withJailed(false));
      return null;
    });
  }

  // ---- queries ---------------------------------------------------------------------------------

  public Optional<Validator> validator(Address operator) {
    return Optional.ofNullable(store.validator(operator));
  }

  /** Every validator, in operator address order. */
  public List<Validator> validators() {
    return store.validators();
  }

  /** The validators of the last bonded set with their powers, in operator address order. */
  public Map<Address, Long> lastValidatorPowers() {
    return store.lastPowers();
  }

  public Optional<Delegation> delegation(Address delegator, Address validator) {
    return Optional.ofNullable(store.delegation(delegator, validator));
  }

  public List<Delegation> delegationsOf(Address delegator) {
    return store.delegationsOf(delegator);
  }

  public Optional<UnbondingDelegation> unbondingDelegation(Address delegator, Address validator) {
    return Optional.ofNullable(store.unbonding(delegator, validator));
  }

  public Optional<Redelegation> redelegation(Address delegator, Address source, Address dest) {
    return Optional.ofNullable(store.redelegation(delegator, source, dest));
  }

  // ---- internals -------------------------------------------------------------------------------

  /** Where delegated tokens come from. */
  private enum TokenSource {
    ACCOUNT,
    BONDED_POOL,
    NOT_BONDED_POOL
  }

  private Validator doDelegate(
      Address delegator, Validator v, BigInteger amount, TokenSource source, long height) {
    Delegation existing = store.delegation(delegator, v.operator());
    if (existing != null) {
      distribution.withdrawRewards(v, existing, height);
    } else {
      distribution.incrementPeriod(v);
    }
    Address pool = v.isBonded() ? ModuleAccounts.BONDED_POOL : ModuleAccounts.NOT_BONDED_POOL;
    switch (source) {
      case ACCOUNT -> bank.transfer(delegator, pool, amount);
      case BONDED_POOL -> moveTokens(ModuleAccounts.BONDED_POOL, pool, amount);
      case NOT_BONDED_POOL -> moveTokens(ModuleAccounts.NOT_BONDED_POOL, pool, amount);
    }
    Validator.Added added = v.addTokensFromDelegation(amount);
    saveValidator(v, added.validator());
    Dec shares = (existing == null ? Dec.ZERO : existing.shares()).add(added.issuedShares());
    store.putDelegation(new Delegation(delegator, v.operator(), shares));
    distribution.initializeDelegation(added.validator(), delegator, shares, height);
    return added.validator();
  }

  private Validator.Removed doUnbond(
      Address delegator, Validator v, Delegation d, Dec shares, long height) {
    distribution.withdrawRewards(v, d, height);
    Dec left = d.shares().sub(shares);
    Validator current = v;
    if (delegator.equals(v.operator())
        && !v.jailed()
        && v.tokensFromShares(left).truncateInt().compareTo(v.minSelfDelegation()) < 0) {
      current = jailValidator(v);
    }
    if (left.isZero()) {
      store.removeDelegation(delegator, v.operator());
    } else {
      store.putDelegation(new Delegation(delegator, v.operator(), left));
    }
    Validator.Removed removed = current.removeDelegatorShares(shares);
    saveValidator(current, removed.validator());
    if (!left.isZero()) {
      distribution.initializeDelegation(removed.validator(), delegator, left, height);
    }
    return removed;
  }

  private Validator jailValidator(Validator v) {
    Validator jailed = v.withJailed(true);
    saveValidator(v, jailed);
    return jailed;
  }

  /** Writes a validator and keeps the power index (non-jailed, power &gt; 0) in step. */
  private void saveValidator(Validator old, Validator updated) {
    store.putValidator(updated);
    boolean wasIndexed = old != null && !old.jailed() && old.potentialPower() > 0;
    boolean isIndexed = !updated.jailed() && updated.potentialPower() > 0;
    boolean samePower = old != null && old.potentialPower() == updated.potentialPower();
    if (wasIndexed && (!isIndexed || !samePower)) {
      store.removePowerIndex(old.potentialPower(), old.operator());
    }
    if (isIndexed && (!wasIndexed || !samePower)) {
      store.putPowerIndex(updated.potentialPower(), updated.operator());
    }
  }

  private void addUnbondingEntry(
      Address delegator, Address validator, long height, long completion, BigInteger amount) {
    UnbondingDelegation ubd = store.unbonding(delegator, validator);
    List<UnbondingEntry> entries = new ArrayList<>(ubd == null ? List.of() : ubd.entries());
    boolean merged = false;
    for (int i = 0; i < entries.size(); i++) {
      UnbondingEntry e = entries.get(i);
      if (e.creationHeight() == height && e.completionTime() == completion) {
        entries.set(
            i,
            new UnbondingEntry(
                height, completion, e.initialBalance().add(amount), e.balance().add(amount)));
        merged = true;
        break;
      }
    }
    if (!merged) {
      entries.add(new UnbondingEntry(height, completion, amount, amount));
    }
    store.putUnbonding(new UnbondingDelegation(delegator, validator, entries));
    store.putUnbondingQueue(queueTime(completion), delegator, validator);
  }

  /**
   * The queue row time for an entry completing at {@code completion}: the queues are drained from
   * the last processed block time on, so an entry already due is queued just after it.
   */
  private long queueTime(long completion) {
    return Math.max(completion, store.queueCursor() + 1);
  }

  private void moveTokens(Address from, Address to, BigInteger amount) {
    if (amount.signum() > 0 && !from.equals(to)) {
      bank.transfer(from, to, amount);
    }
  }

  /** The SDK's ValidateUnbondAmount: shares for {@code amount} tokens, capped at the delegation. */
  private Dec sharesToUnbond(Validator v, Delegation d, BigInteger amount, String what) {
    if (v.tokens().signum() == 0) {
      throw new StakingException(
          "validator " + v.operator() + " has no tokens; its shares cannot be " + what + "d");
    }
    Dec shares = v.sharesFromTokens(amount);
    if (shares.gt(d.shares())) {
      throw new StakingException(
          what
              + " amount "
              + amount
              + " is more than the delegation holds ("
              + v.tokensFromShares(d.shares()).truncateInt()
              + " tokens)");
    }
    return shares;
  }

  private static void requireNonZeroReturn(Validator v, Dec shares, String what) {
    BigInteger out =
        shares.equals(v.delegatorShares()) ? v.tokens() : v.tokensFromShares(shares).truncateInt();
    if (out.signum() == 0) {
      throw new StakingException(what + " amount too small: its shares are worth 0 tokens");
    }
  }

  private void requireValidExchangeRate(Validator v) {
    if (v.invalidExchangeRate()) {
      throw new StakingException(
          "validator "
              + v.operator()
              + " has delegator shares but no tokens (fully slashed); delegations are refused");
    }
  }

  private void requireBalance(Address account, BigInteger amount, String what) {
    BigInteger balance = bank.balance(account);
    if (balance.compareTo(amount) < 0) {
      throw new StakingException(
          "insufficient funds for " + what + ": balance " + balance + " is less than " + amount);
    }
  }

  private Validator requireValidator(Address operator) {
    require(operator, "validator address");
    Validator v = store.validator(operator);
    if (v == null) {
      throw new StakingException("validator " + operator + " does not exist");
    }
    return v;
  }

  private Delegation requireDelegation(Address delegator, Address validator) {
    Delegation d = store.delegation(delegator, validator);
    if (d == null) {
      throw new StakingException("no delegation of " + delegator + " to validator " + validator);
    }
    return d;
  }

  private static <T> T require(T value, String what) {
    if (value == null) {
      throw new StakingException(what + " is missing");
    }
    return value;
  }

  private static BigInteger requirePositive(BigInteger amount, String what) {
    require(amount, what);
    if (amount.signum() <= 0) {
      throw new StakingException(what + " must be positive, got " + amount);
    }
    return amount;
  }

  private static void requireConsensusAddress(byte[] consensusAddress) {
    if (consensusAddress == null || consensusAddress.length != ConsensusKey.ADDRESS_LENGTH) {
      throw new StakingException(
          "a consensus address has 20 bytes, got "
              + (consensusAddress == null ? "none" : consensusAddress.length + " bytes"));
    }
  }

  private static String hex(byte[] b) {
    return io.zgnode.evm.bytes.Hex.encode(b);
  }

  private <T> T atomically(Supplier<T> op) {
    int cp = db.checkpoint();
    try {
      T result = op.get();
      db.commitCheckpoint(cp);
      return result;
    } catch (RuntimeException e) {
      db.revertTo(cp);
      throw e;
    }
  }
}
