package io.zgnode.staking.store;

import static io.zgnode.staking.store.Keys.key;

import io.zgnode.evm.rlp.RlpReader;
import io.zgnode.evm.rlp.RlpWriter;
import io.zgnode.evm.types.Address;
import io.zgnode.staking.delegation.Delegation;
import io.zgnode.staking.delegation.Redelegation;
import io.zgnode.staking.delegation.RedelegationEntry;
import io.zgnode.staking.delegation.UnbondingDelegation;
import io.zgnode.staking.delegation.UnbondingEntry;
import io.zgnode.staking.distribution.HistoricalRewards;
import io.zgnode.staking.distribution.SlashEvent;
import io.zgnode.staking.distribution.StartingInfo;
import io.zgnode.staking.distribution.ValidatorRewards;
import io.zgnode.staking.math.Dec;
import io.zgnode.staking.params.StakingParams;
import io.zgnode.staking.validator.Commission;
import io.zgnode.staking.validator.ConsensusKey;
import io.zgnode.staking.validator.Description;
import io.zgnode.staking.validator.Validator;
import io.zgnode.staking.validator.ValidatorStatus;
import io.zgnode.state.store.ModuleUpdater;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Typed rows of the staking module over a {@link ModuleUpdater}: keys from {@link Keys}, values
 * RLP. Secondary indexes (validator by consensus address, unbondings by validator, redelegations by
 * source and by destination) are kept here together with their rows. Getters return null for a
 * missing row.
 */
public final class StakingStore {
  private static final byte[] MARK = {1};
  private static final int MAX_INT_BYTES = 48;

  private final ModuleUpdater db;

  public StakingStore(ModuleUpdater db) {
    this.db = db;
  }

  public ModuleUpdater updater() {
    return db;
  }

  // ---- params, cursor, community pool ----------------------------------------------------------

  public StakingParams params() {
    byte[] v = db.get(key(Keys.PARAMS));
    if (v == null) {
      throw new IllegalStateException("staking params are not set: genesis has not run");
    }
    RlpReader r = RlpReader.ofSingleItem(v).readList();
    StakingParams p =
        new StakingParams(
            r.readLong("unbonding time"),
            (int) r.readLong("max validators"),
            (int) r.readLong("max entries"),
            new String(r.readBytes(), StandardCharsets.UTF_8),
            dec(r, "min commission rate"),
            r.readBigInteger(MAX_INT_BYTES, "block reward"),
            dec(r, "community tax"),
            r.readLong("power history blocks"));
    r.requireEnd("staking params");
    return p;
  }

  public boolean hasParams() {
    return db.get(key(Keys.PARAMS)) != null;
  }

  public void putParams(StakingParams p) {
    RlpWriter w = new RlpWriter().startList();
    w.writeLong(p.unbondingTime()).writeLong(p.maxValidators()).writeLong(p.maxEntries());
    w.writeBytes(p.bondDenom().getBytes(StandardCharsets.UTF_8));
    writeDec(w, p.minCommissionRate()).writeBigInteger(p.blockReward());
    writeDec(w, p.communityTax()).writeLong(p.powerHistoryBlocks());
    db.put(key(Keys.PARAMS), w.endList().toByteArray());
  }

  /** The block time up to which the time-keyed queues have been processed (-1 if never). */
  public long queueCursor() {
    byte[] v = db.get(key(Keys.QUEUE_CURSOR));
    return v == null ? -1 : Keys.readLong(v, 0);
  }

  public void putQueueCursor(long time) {
    byte[] v = new byte[8];
    Keys.putLong(v, 0, time);
    db.put(key(Keys.QUEUE_CURSOR), v);
  }

  public Dec communityPool() {
    byte[] v = db.get(key(Keys.COMMUNITY_POOL));
    return v == null ? Dec.ZERO : dec(RlpReader.ofSingleItem(v), "community pool");
  }

  public void putCommunityPool(Dec d) {
    db.put(key(Keys.COMMUNITY_POOL), writeDec(new RlpWriter(), d).toByteArray());
  }

  // ---- validators ------------------------------------------------------------------------------

  public Validator validator(Address operator) {
    byte[] v = db.get(key(Keys.VALIDATOR, operator));
    return v == null ? null : decodeValidator(v);
  }

  /** Writes the row only; the caller keeps the power index in step. */
  public void putValidator(Validator v) {
    db.put(key(Keys.VALIDATOR, v.operator()), encodeValidator(v));
  }

  /** Every validator in operator address order. */
  public List<Validator> validators() {
    List<Validator> out = new ArrayList<>();
    db.forEachWithPrefix(
        key(Keys.VALIDATOR),
        (k, v) -> {
          out.add(decodeValidator(v));
          return true;
        });
    return out;
  }

  public Address operatorByConsensusAddress(byte[] consAddr) {
    byte[] v = db.get(key(Keys.VALIDATOR_BY_CONS, consAddr));
    return v == null ? null : Address.wrap(v);
  }

  public void putConsensusAddress(byte[] consAddr, Address operator) {
    db.put(key(Keys.VALIDATOR_BY_CONS, consAddr), operator.toArray());
  }

  private static byte[] powerKey(long power, Address operator) {
    return key(Keys.POWER_INDEX, Long.MAX_VALUE - power, operator);
  }

  public void putPowerIndex(long power, Address operator) {
    db.put(powerKey(power, operator), MARK);
  }

  public void removePowerIndex(long power, Address operator) {
    db.remove(powerKey(power, operator));
  }

  /** Operators by power descending, then by address ascending, at most {@code limit}. */
  public List<Address> topByPower(int limit) {
    List<Address> out = new ArrayList<>();
    int at = Keys.fieldStart() + 8;
    db.forEachWithPrefix(
        key(Keys.POWER_INDEX),
        (k, v) -> {
          if (out.size() >= limit) {
            return false;
          }
          out.add(Keys.readAddress(k, at));
          return true;
        });
    return out;
  }

  public long lastPower(Address operator) {
    byte[] v = db.get(key(Keys.LAST_POWER, operator));
    return v == null ? 0 : Keys.readLong(v, 0);
  }

  public void putLastPower(Address operator, long power) {
    byte[] v = new byte[8];
    Keys.putLong(v, 0, power);
    db.put(key(Keys.LAST_POWER, operator), v);
  }

  public void removeLastPower(Address operator) {
    db.remove(key(Keys.LAST_POWER, operator));
  }

  /** The last bonded set: operator to power, in operator address order. */
  public Map<Address, Long> lastPowers() {
    Map<Address, Long> out = new LinkedHashMap<>();
    int at = Keys.fieldStart();
    db.forEachWithPrefix(
        key(Keys.LAST_POWER),
        (k, v) -> {
          out.put(Keys.readAddress(k, at), Keys.readLong(v, 0));
          return true;
        });
    return out;
  }

  /** A validator waiting to finish unbonding. */
  public record QueuedValidator(long time, long height, Address operator) {}

  public void putValidatorQueue(long time, long height, Address operator) {
    db.put(key(Keys.VALIDATOR_QUEUE, time, height, operator), MARK);
  }

  public void removeValidatorQueue(long time, long height, Address operator) {
    db.remove(key(Keys.VALIDATOR_QUEUE, time, height, operator));
  }

  /** Queued validators with unbonding time at or before {@code now}, in queue order. */
  public List<QueuedValidator> dueValidators(long now) {
    List<QueuedValidator> out = new ArrayList<>();
    int at = Keys.fieldStart();
    db.forEachWithPrefix(
        key(Keys.VALIDATOR_QUEUE),
        (k, v) -> {
          long t = Keys.readLong(k, at);
          if (t > now) {
            return false;
          }
          out.add(new QueuedValidator(t, Keys.readLong(k, at + 8), Keys.readAddress(k, at + 16)));
          return true;
        });
    return out;
  }

  public void putPowerHistory(byte[] consAddr, long effectiveHeight, long power) {
    byte[] v = new byte[8];
    Keys.putLong(v, 0, power);
    db.put(key(Keys.POWER_HISTORY, consAddr, effectiveHeight), v);
  }

  public void removePowerHistory(byte[] consAddr, long effectiveHeight) {
    db.remove(key(Keys.POWER_HISTORY, consAddr, effectiveHeight));
  }

  /** The power records of a consensus address: effective height to power, ascending. */
  public Map<Long, Long> powerHistory(byte[] consAddr) {
    Map<Long, Long> out = new LinkedHashMap<>();
    int at = Keys.fieldStart() + consAddr.length;
    db.forEachWithPrefix(
        key(Keys.POWER_HISTORY, consAddr),
        (k, v) -> {
          out.put(Keys.readLong(k, at), Keys.readLong(v, 0));
          return true;
        });
    return out;
  }

  // ---- delegations -----------------------------------------------------------------------------

  public Delegation delegation(Address delegator, Address validator) {
    byte[] v = db.get(key(Keys.DELEGATION, delegator, validator));
    return v == null
        ? null
        : new Delegation(delegator, validator, dec(RlpReader.ofSingleItem(v), "shares"));
  }

  public void putDelegation(Delegation d) {
    db.put(
        key(Keys.DELEGATION, d.delegator(), d.validator()),
        writeDec(new RlpWriter(), d.shares()).toByteArray());
  }

  public void removeDelegation(Address delegator, Address validator) {
    db.remove(key(Keys.DELEGATION, delegator, validator));
  }

  /** A delegator's delegations in validator address order. */
  public List<Delegation> delegationsOf(Address delegator) {
    List<Delegation> out = new ArrayList<>();
    int at = Keys.fieldStart() + Address.LENGTH;
    db.forEachWithPrefix(
        key(Keys.DELEGATION, delegator),
        (k, v) -> {
          out.add(
              new Delegation(
                  delegator, Keys.readAddress(k, at), dec(RlpReader.ofSingleItem(v), "shares")));
          return true;
        });
    return out;
  }

  public UnbondingDelegation unbonding(Address delegator, Address validator) {
    byte[] v = db.get(key(Keys.UNBONDING, delegator, validator));
    if (v == null) {
      return null;
    }
    List<UnbondingEntry> entries = new ArrayList<>();
    RlpReader r = RlpReader.ofSingleItem(v).readList();
    while (r.hasNext()) {
      RlpReader e = r.readList();
      entries.add(
          new UnbondingEntry(
              e.readLong("creation height"),
              e.readLong("completion time"),
              e.readBigInteger(MAX_INT_BYTES, "initial balance"),
              e.readBigInteger(MAX_INT_BYTES, "balance")));
      e.requireEnd("unbonding entry");
    }
    return new UnbondingDelegation(delegator, validator, entries);
  }

  /** Writes the unbonding delegation and its index, or removes both when it has no entries. */
  public void putUnbonding(UnbondingDelegation u) {
    byte[] k = key(Keys.UNBONDING, u.delegator(), u.validator());
    byte[] idx = key(Keys.UNBONDING_BY_VALIDATOR, u.validator(), u.delegator());
    if (u.entries().isEmpty()) {
      db.remove(k);
      db.remove(idx);
      return;
    }
    RlpWriter w = new RlpWriter().startList();
    for (UnbondingEntry e : u.entries()) {
      w.startList().writeLong(e.creationHeight()).writeLong(e.completionTime());
      w.writeBigInteger(e.initialBalance()).writeBigInteger(e.balance()).endList();
    }
    db.put(k, w.endList().toByteArray());
    db.put(idx, MARK);
  }

  /** Delegators with unbonding entries from {@code validator}, in address order. */
  public List<Address> unbondingDelegatorsOf(Address validator) {
    return addressesAfter(key(Keys.UNBONDING_BY_VALIDATOR, validator));
  }

  public Redelegation redelegation(Address delegator, Address source, Address destination) {
    byte[] v = db.get(key(Keys.REDELEGATION, delegator, source, destination));
    if (v == null) {
      return null;
    }
    List<RedelegationEntry> entries = new ArrayList<>();
    RlpReader r = RlpReader.ofSingleItem(v).readList();
    while (r.hasNext()) {
      RlpReader e = r.readList();
      entries.add(
          new RedelegationEntry(
              e.readLong("creation height"),
              e.readLong("completion time"),
              e.readBigInteger(MAX_INT_BYTES, "initial balance"),
              dec(e, "destination shares")));
      e.requireEnd("redelegation entry");
    }
    return new Redelegation(delegator, source, destination, entries);
  }

  /** Writes the redelegation and its indexes, or removes them all when it has no entries. */
  public void putRedelegation(Redelegation r) {
    byte[] k = key(Keys.REDELEGATION, r.delegator(), r.source(), r.destination());
    byte[] bySrc = key(Keys.REDELEGATION_BY_SOURCE, r.source(), r.delegator(), r.destination());
    byte[] byDst =
        key(Keys.REDELEGATION_BY_DESTINATION, r.delegator(), r.destination(), r.source());
    if (r.entries().isEmpty()) {
      db.remove(k);
      db.remove(bySrc);
      db.remove(byDst);
      return;
    }
    RlpWriter w = new RlpWriter().startList();
    for (RedelegationEntry e : r.entries()) {
      w.startList().writeLong(e.creationHeight()).writeLong(e.completionTime());
      w.writeBigInteger(e.initialBalance());
      writeDec(w, e.sharesDst()).endList();
    }
    db.put(k, w.endList().toByteArray());
    db.put(bySrc, MARK);
    db.put(byDst, MARK);
  }

  /** (delegator, destination) pairs of redelegations out of {@code source}, in key order. */
  public List<Address[]> redelegationsFrom(Address source) {
    List<Address[]> out = new ArrayList<>();
    int at = Keys.fieldStart() + Address.LENGTH;
    db.forEachWithPrefix(
        key(Keys.REDELEGATION_BY_SOURCE, source),
        (k, v) -> {
          out.add(
              new Address[] {Keys.readAddress(k, at), Keys.readAddress(k, at + Address.LENGTH)});
          return true;
        });
    return out;
  }

  /** Whether {@code delegator} has an unfinished redelegation into {@code destination}. */
  public boolean hasReceivingRedelegation(Address delegator, Address destination) {
    boolean[] found = {false};
    db.forEachWithPrefix(
        key(Keys.REDELEGATION_BY_DESTINATION, delegator, destination),
        (k, v) -> {
          found[0] = true;
          return false;
        });
    return found[0];
  }

  // ---- time-keyed queues -----------------------------------------------------------------------

  public void putUnbondingQueue(long time, Address delegator, Address validator) {
    db.put(key(Keys.UNBONDING_QUEUE, time, delegator, validator), MARK);
  }

  public void putRedelegationQueue(long time, Address delegator, Address src, Address dst) {
    db.put(key(Keys.REDELEGATION_QUEUE, time, delegator, src, dst), MARK);
  }

  /**
   * Removes and visits the unbonding queue rows with time in ({@code from}, {@code to}], in order:
   * (delegator, validator).
   */
  public void drainUnbondingQueue(long from, long to, BiConsumer<Address, Address> visitor) {
    for (byte[] k : queueKeys(Keys.UNBONDING_QUEUE, from, to)) {
      db.remove(k);
      int at = Keys.fieldStart() + 8;
      visitor.accept(Keys.readAddress(k, at), Keys.readAddress(k, at + Address.LENGTH));
    }
  }

  /** Like {@link #drainUnbondingQueue}: (delegator, source, destination). */
  public void drainRedelegationQueue(long from, long to, RedelegationVisitor visitor) {
    for (byte[] k : queueKeys(Keys.REDELEGATION_QUEUE, from, to)) {
      db.remove(k);
      int at = Keys.fieldStart() + 8;
      visitor.visit(
          Keys.readAddress(k, at),
          Keys.readAddress(k, at + Address.LENGTH),
          Keys.readAddress(k, at + 2 * Address.LENGTH));
    }
  }

  /** Receives a matured redelegation's identity. */
  @FunctionalInterface
  public interface RedelegationVisitor {
    void visit(Address delegator, Address source, Address destination);
  }

  /** Short gaps are scanned second by second, so a block reads only its own queue rows. */
  private static final long PER_SECOND_SCAN_LIMIT = 4096;

  private List<byte[]> queueKeys(int table, long from, long to) {
    List<byte[]> out = new ArrayList<>();
    if (to <= from) {
      return out;
    }
    int at = Keys.fieldStart();
    if (from >= 0 && to - from <= PER_SECOND_SCAN_LIMIT) {
      for (long t = from + 1; t <= to; t++) {
        db.forEachWithPrefix(
            key(table, t),
            (k, v) -> {
              out.add(k);
              return true;
            });
      }
    } else {
      db.forEachWithPrefix(
          key(table),
          (k, v) -> {
            long t = Keys.readLong(k, at);
            if (t > to) {
              return false;
            }
            if (t > from) {
              out.add(k);
            }
            return true;
          });
    }
    return out;
  }

  // ---- distribution ----------------------------------------------------------------------------

  public ValidatorRewards validatorRewards(Address validator) {
    byte[] v = db.get(key(Keys.VALIDATOR_REWARDS, validator));
    if (v == null) {
      return null;
    }
    RlpReader r = RlpReader.ofSingleItem(v).readList();
    ValidatorRewards out =
        new ValidatorRewards(
            r.readLong("period"), dec(r, "current"), dec(r, "commission"), dec(r, "outstanding"));
    r.requireEnd("validator rewards");
    return out;
  }

  public void putValidatorRewards(Address validator, ValidatorRewards vr) {
    RlpWriter w = new RlpWriter().startList().writeLong(vr.period());
    writeDec(w, vr.current());
    writeDec(w, vr.commission());
    writeDec(w, vr.outstanding());
    db.put(key(Keys.VALIDATOR_REWARDS, validator), w.endList().toByteArray());
  }

  /** Every validator's rewards row, in operator address order. */
  public void forEachValidatorRewards(BiConsumer<Address, ValidatorRewards> visitor) {
    int at = Keys.fieldStart();
    List<Address> ops = new ArrayList<>();
    db.forEachWithPrefix(
        key(Keys.VALIDATOR_REWARDS),
        (k, v) -> {
          ops.add(Keys.readAddress(k, at));
          return true;
        });
    for (Address a : ops) {
      visitor.accept(a, validatorRewards(a));
    }
  }

  public HistoricalRewards historicalRewards(Address validator, long period) {
    byte[] v = db.get(key(Keys.HISTORICAL_REWARDS, validator, period));
    if (v == null) {
      return null;
    }
    RlpReader r = RlpReader.ofSingleItem(v).readList();
    HistoricalRewards h = new HistoricalRewards(dec(r, "ratio"), r.readLong("reference count"));
    r.requireEnd("historical rewards");
    return h;
  }

  public void putHistoricalRewards(Address validator, long period, HistoricalRewards h) {
    RlpWriter w = new RlpWriter().startList();
    writeDec(w, h.cumulativeRatio()).writeLong(h.referenceCount());
    db.put(key(Keys.HISTORICAL_REWARDS, validator, period), w.endList().toByteArray());
  }

  public void removeHistoricalRewards(Address validator, long period) {
    db.remove(key(Keys.HISTORICAL_REWARDS, validator, period));
  }

  /** The number of historical reward rows of {@code validator} (for tests of boundedness). */
  public int historicalRewardsCount(Address validator) {
    int[] n = {0};
    db.forEachWithPrefix(
        key(Keys.HISTORICAL_REWARDS, validator),
        (k, v) -> {
          n[0]++;
          return true;
        });
    return n[0];
  }

  public StartingInfo startingInfo(Address validator, Address delegator) {
    byte[] v = db.get(key(Keys.STARTING_INFO, validator, delegator));
    if (v == null) {
      return null;
    }
    RlpReader r = RlpReader.ofSingleItem(v).readList();
    StartingInfo s =
        new StartingInfo(r.readLong("previous period"), dec(r, "stake"), r.readLong("height"));
    r.requireEnd("starting info");
    return s;
  }

  public void putStartingInfo(Address validator, Address delegator, StartingInfo s) {
    RlpWriter w = new RlpWriter().startList().writeLong(s.previousPeriod());
    writeDec(w, s.stake()).writeLong(s.height());
    db.put(key(Keys.STARTING_INFO, validator, delegator), w.endList().toByteArray());
  }

  public void removeStartingInfo(Address validator, Address delegator) {
    db.remove(key(Keys.STARTING_INFO, validator, delegator));
  }

  public void putSlashEvent(Address validator, long height, SlashEvent e) {
    RlpWriter w = new RlpWriter().startList().writeLong(e.validatorPeriod());
    writeDec(w, e.fraction());
    db.put(
        key(Keys.SLASH_EVENT, validator, height, e.validatorPeriod()), w.endList().toByteArray());
  }

  /** Slash events of {@code validator} at heights in [from, to], in (height, period) order. */
  public List<SlashEvent> slashEvents(Address validator, long from, long to) {
    List<SlashEvent> out = new ArrayList<>();
    int at = Keys.fieldStart() + Address.LENGTH;
    db.forEachWithPrefix(
        key(Keys.SLASH_EVENT, validator),
        (k, v) -> {
          long h = Keys.readLong(k, at);
          if (h > to) {
            return false;
          }
          if (h >= from) {
            RlpReader r = RlpReader.ofSingleItem(v).readList();
            out.add(new SlashEvent(r.readLong("period"), dec(r, "fraction")));
          }
          return true;
        });
    return out;
  }

  // ---- codecs ----------------------------------------------------------------------------------

  private List<Address> addressesAfter(byte[] prefix) {
    List<Address> out = new ArrayList<>();
    db.forEachWithPrefix(
        prefix,
        (k, v) -> {
          out.add(Keys.readAddress(k, prefix.length));
          return true;
        });
    return out;
  }

  private static RlpWriter writeDec(RlpWriter w, Dec d) {
    return w.writeBigInteger(d.raw());
  }

  private static Dec dec(RlpReader r, String what) {
    return Dec.ofRaw(r.readBigInteger(MAX_INT_BYTES, what));
  }

  private static byte[] encodeValidator(Validator v) {
    RlpWriter w = new RlpWriter(256).startList();
    w.writeBytes(v.operator().bytesUnsafe()).writeBytes(v.consensusKey().toArray());
    w.writeLong(v.jailed() ? 1 : 0).writeLong(v.status().code).writeBigInteger(v.tokens());
    writeDec(w, v.delegatorShares());
    Description d = v.description();
    w.startList();
    for (String s :
        Arrays.asList(d.moniker(), d.identity(), d.website(), d.securityContact(), d.details())) {
      w.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }
    w.endList();
    w.writeLong(v.unbondingHeight()).writeLong(v.unbondingTime());
    Commission c = v.commission();
    w.startList();
    writeDec(w, c.rate());
    writeDec(w, c.maxRate());
    writeDec(w, c.maxChangeRate());
    w.writeLong(c.updateTime()).endList();
    w.writeBigInteger(v.minSelfDelegation());
    return w.endList().toByteArray();
  }

  private static Validator decodeValidator(byte[] bytes) {
    RlpReader r = RlpReader.ofSingleItem(bytes).readList();
    Address op = Address.wrap(r.readBytes(Address.LENGTH, "operator"));
    ConsensusKey key = ConsensusKey.ed25519(r.readBytes(ConsensusKey.LENGTH, "consensus key"));
    boolean jailed = r.readLong("jailed") != 0;
    ValidatorStatus status = ValidatorStatus.fromCode(r.readLong("status"));
    BigInteger tokens = r.readBigInteger(MAX_INT_BYTES, "tokens");
    Dec shares = dec(r, "delegator shares");
    RlpReader dr = r.readList();
    Description d = new Description(str(dr), str(dr), str(dr), str(dr), str(dr));
    dr.requireEnd("description");
    long ubdHeight = r.readLong("unbonding height");
    long ubdTime = r.readLong("unbonding time");
    RlpReader cr = r.readList();
    Commission c =
        new Commission(
            dec(cr, "rate"), dec(cr, "max rate"), dec(cr, "max change rate"), cr.readLong("time"));
    cr.requireEnd("commission");
    BigInteger minSelf = r.readBigInteger(MAX_INT_BYTES, "min self delegation");
    r.requireEnd("validator");
    return new Validator(
        op, key, jailed, status, tokens, shares, d, ubdHeight, ubdTime, c, minSelf);
  }

  private static String str(RlpReader r) {
    return new String(r.readBytes(), StandardCharsets.UTF_8);
  }
}
