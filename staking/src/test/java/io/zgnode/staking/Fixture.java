package io.zgnode.staking;

import io.zgnode.evm.types.Address;
import io.zgnode.staking.math.Dec;
import io.zgnode.staking.params.StakingParams;
import io.zgnode.staking.validator.Description;
import io.zgnode.staking.validator.Validator;
import io.zgnode.state.store.ModuleUpdater;
import io.zgnode.state.store.StateDatabase;
import java.math.BigInteger;
import java.util.List;

/** A staking module over an in-memory module trie, a map bank, and a block clock. */
public final class Fixture {
  public static final BigInteger TOKEN = BigInteger.TEN.pow(18);
  public static final long BLOCK_SECONDS = 5;
  public static final long START_TIME = 1_700_000_000L;

  public final StateDatabase database = StateDatabase.inMemory();
  public final ModuleUpdater updater = database.newModuleUpdater();
  public final MapBank bank = new MapBank();
  public final Staking staking = new Staking(updater, bank);
  public long height = 1;
  public long time = START_TIME;

  public Fixture() {
    this(StakingParams.DEFAULT);
  }

  public Fixture(StakingParams params) {
    staking.initGenesis(params);
  }

  /** Parameters with a short unbonding time and no block reward, for flow tests. */
  public static StakingParams params(long unbondingTime, int maxValidators, BigInteger reward) {
    StakingParams d = StakingParams.DEFAULT;
    return new StakingParams(
        unbondingTime,
        maxValidators,
        d.maxEntries(),
        d.bondDenom(),
        d.minCommissionRate(),
        reward,
        d.communityTax(),
        d.powerHistoryBlocks());
  }

  public BlockInfo block() {
    return new BlockInfo(height, time);
  }

  /** Ends the current block and moves to the next one. */
  public List<io.zgnode.staking.validator.ValidatorUpdate> endBlock() {
    List<io.zgnode.staking.validator.ValidatorUpdate> u = staking.endBlock(block());
    height++;
    time += BLOCK_SECONDS;
    return u;
  }

  public void advance(long seconds) {
    time += seconds;
  }

  public static Address addr(int i) {
    return Address.fromLong(0x1000 + i);
  }

  public static byte[] consKey(int i) {
    byte[] k = new byte[32];
    k[0] = (byte) 0xED;
    k[30] = (byte) (i >> 8);
    k[31] = (byte) i;
    return k;
  }

  public static BigInteger tokens(long n) {
    return TOKEN.multiply(BigInteger.valueOf(n));
  }

  public void fund(Address a, BigInteger amount) {
    bank.set(a, bank.balance(a).add(amount));
  }

  public CreateValidator createMsg(int i, BigInteger self, String rate) {
    return new CreateValidator(
        addr(i),
        consKey(i),
        self,
        Dec.parse(rate),
        Dec.parse("0.2"),
        Dec.parse("0.01"),
        Description.ofMoniker("val-" + i),
        BigInteger.ONE);
  }

  /** Funds operator {@code i} and creates its validator with {@code self} tokens. */
  public Validator createValidator(int i, BigInteger self) {
    fund(addr(i), self);
    return staking.createValidator(createMsg(i, self, "0.1"), block());
  }

  public Validator validator(int i) {
    return staking.validator(addr(i)).orElseThrow();
  }
}
