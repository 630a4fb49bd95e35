package io.zgnode.staking.validator;

import static io.zgnode.staking.Fixture.addr;
import static io.zgnode.staking.Fixture.consKey;
import static io.zgnode.staking.Fixture.tokens;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zgnode.evm.types.Address;
import io.zgnode.staking.Fixture;
import io.zgnode.staking.ModuleAccounts;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValidatorSetTest {
  private static ValidatorUpdate u(int i, long power) {
    return new ValidatorUpdate(ConsensusKey.ed25519(consKey(i)), power);
  }

  @Test
  void topByPowerWithTiesByOperatorAddress() {
    Fixture f = new Fixture(Fixture.params(100, 3, BigInteger.ZERO));
    // Equal power: the lower operator address wins the last seat.
    f.createValidator(4, tokens(10));
    f.createValidator(3, tokens(10));
    f.createValidator(2, tokens(10));
    f.createValidator(1, tokens(5));
    f.createValidator(5, tokens(30));
    List<ValidatorUpdate> updates = f.staking.applyGenesisValidatorSet(f.block());
    assertEquals(List.of(u(5, 30), u(2, 10), u(3, 10)), updates);
    assertEquals(ValidatorStatus.UNBONDED, f.validator(4).status());
    assertEquals(ValidatorStatus.UNBONDED, f.validator(1).status());
    assertEquals(tokens(50), f.bank.balance(ModuleAccounts.BONDED_POOL));
  }

  @Test
  void diffsAgainstTheLastSet() {
    Fixture f = new Fixture(Fixture.params(100, 2, BigInteger.ZERO));
    f.createValidator(1, tokens(10));
    f.createValidator(2, tokens(20));
    f.createValidator(3, tokens(5));
    assertEquals(List.of(u(2, 20), u(1, 10)), f.endBlock());
    // No change: no update.
    assertEquals(List.of(), f.endBlock());
    // Less than one whole token more: power unchanged, no update.
    Address alice = addr(100);
    f.fund(alice, tokens(100));
    f.staking.delegate(alice, addr(1), tokens(1).subtract(BigInteger.ONE), f.block());
    assertEquals(List.of(), f.endBlock());
    // Power change of a member.
    f.staking.delegate(alice, addr(1), BigInteger.ONE, f.block());
    assertEquals(List.of(u(1, 11)), f.endBlock());
    // Validator 3 overtakes 1: 3 enters (power order), 1 leaves (power 0, after the additions).
    f.staking.delegate(alice, addr(3), tokens(10), f.block());
    assertEquals(List.of(u(3, 15), u(1, 0)), f.endBlock());
    assertEquals(ValidatorStatus.UNBONDING, f.validator(1).status());
  }

  @Test
  void unbondingValidatorBecomesUnbondedWhenMature() {
    Fixture f = new Fixture(Fixture.params(100, 1, BigInteger.ZERO));
    f.createValidator(1, tokens(10));
    f.createValidator(2, tokens(5));
    f.endBlock();
    f.fund(addr(100), tokens(100));
    f.staking.delegate(addr(100), addr(2), tokens(10), f.block());
    long h = f.height;
    long t = f.time;
    assertEquals(List.of(u(2, 15), u(1, 0)), f.endBlock());
    Validator v = f.validator(1);
    assertEquals(ValidatorStatus.UNBONDING, v.status());
    assertEquals(h, v.unbondingHeight());
    assertEquals(t + 100, v.unbondingTime());
    assertEquals(tokens(10), f.bank.balance(ModuleAccounts.NOT_BONDED_POOL));
    f.time = t + 99;
    f.endBlock();
    assertEquals(ValidatorStatus.UNBONDING, f.validator(1).status());
    f.time = t + 100;
    f.endBlock();
    assertEquals(ValidatorStatus.UNBONDED, f.validator(1).status());
  }

  @Test
  void jailedAndZeroPowerValidatorsAreNotInTheSet() {
    Fixture f = new Fixture(Fixture.params(100, 10, BigInteger.ZERO));
    f.createValidator(1, tokens(10));
    f.createValidator(2, tokens(1).subtract(BigInteger.ONE)); // power 0
    assertEquals(List.of(u(1, 10)), f.endBlock());
    f.staking.jail(f.validator(1).consensusAddress());
    assertEquals(List.of(u(1, 0)), f.endBlock());
    f.staking.unjail(addr(1));
    assertEquals(List.of(u(1, 10)), f.endBlock());
    assertTrue(f.validator(2).isUnbonded());
  }

  @Test
  void maxValidatorsIsRespectedWithManyCandidates() {
    Fixture f = new Fixture(Fixture.params(100, 125, BigInteger.ZERO));
    for (int i = 1; i <= 150; i++) {
      f.createValidator(i, tokens(i));
    }
    List<ValidatorUpdate> updates = f.endBlock();
    assertEquals(125, updates.size());
    assertEquals(150, updates.get(0).power());
    assertEquals(26, updates.get(124).power());
    assertEquals(125, f.staking.lastValidatorPowers().size());
  }

  @Test
  void powerAtFollowsTheHeightPlusTwoRule() {
    Fixture f = new Fixture(Fixture.params(100, 10, BigInteger.ZERO));
    f.createValidator(1, tokens(10));
    byte[] cons = f.validator(1).consensusAddress();
    long h = f.height;
    f.endBlock(); // updates at h take effect at h + 2
    assertEquals(0, f.staking.powerAt(cons, h + 1));
    assertEquals(10, f.staking.powerAt(cons, h + 2));
    f.fund(addr(100), tokens(5));
    f.staking.delegate(addr(100), addr(1), tokens(5), f.block());
    long h2 = f.height;
    f.endBlock();
    assertEquals(10, f.staking.powerAt(cons, h2 + 1));
    assertEquals(15, f.staking.powerAt(cons, h2 + 2));
    assertEquals(15, f.staking.powerAt(cons, h2 + 1000));
    assertEquals(f.validator(1), f.staking.validatorByConsensusAddress(cons).orElseThrow());
  }

  @Test
  void powerHistoryIsBounded() {
    io.zgnode.staking.params.StakingParams d = Fixture.params(100, 10, BigInteger.ZERO);
    io.zgnode.staking.params.StakingParams p =
        new io.zgnode.staking.params.StakingParams(
            d.unbondingTime(),
            d.maxValidators(),
            d.maxEntries(),
            d.bondDenom(),
            d.minCommissionRate(),
            d.blockReward(),
            d.communityTax(),
            10);
    Fixture f = new Fixture(p);
    f.createValidator(1, tokens(10));
    f.fund(addr(100), tokens(1000));
    byte[] cons = f.validator(1).consensusAddress();
    for (int i = 0; i < 50; i++) {
      f.staking.delegate(addr(100), addr(1), tokens(1), f.block());
      f.endBlock();
    }
    // Within the window every height answers exactly; the history holds ~window records.
    long last = f.height - 1 + 2;
    assertEquals(60, f.staking.powerAt(cons, last));
    assertEquals(51, f.staking.powerAt(cons, last - 9));
    io.zgnode.staking.store.StakingStore store =
        new io.zgnode.staking.store.StakingStore(f.updater);
    assertTrue(store.powerHistory(cons).size() <= 12, "history " + store.powerHistory(cons));
  }
}
