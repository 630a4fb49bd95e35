package io.zgnode.staking.distribution;

import static io.zgnode.staking.Fixture.addr;
import static io.zgnode.staking.Fixture.tokens;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zgnode.evm.types.Address;
import io.zgnode.staking.Fixture;
import io.zgnode.staking.ModuleAccounts;
import io.zgnode.staking.StakingException;
import io.zgnode.staking.delegation.Delegation;
import io.zgnode.staking.math.Dec;
import io.zgnode.staking.params.StakingParams;
import io.zgnode.staking.validator.Validator;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class RewardsTest {
  private static final MathContext MC = new MathContext(100);

  @Test
  void workedExampleWithCommission() {
    Fixture f = new Fixture(Fixture.params(100, 10, tokens(100)));
    f.createValidator(1, tokens(10)); // commission 0.1
    Address alice = addr(100);
    f.fund(alice, tokens(30));
    f.staking.delegate(alice, addr(1), tokens(30), f.block());
    f.endBlock(); // no bonded set yet: the first 100 tokens go to the community pool
    assertEquals(Dec.of(tokens(100)), f.staking.communityPool());
    f.endBlock(); // 100 tokens to val1: commission 10, operator 90 * 10/40 = 22.5, alice 67.5
    assertEquals(Dec.of(tokens(10)), f.staking.accumulatedCommission(addr(1)));
    assertEquals(
        Dec.parse("67.5").mulInt(Fixture.TOKEN),
        f.staking.pendingRewards(alice, addr(1), f.block()));
    assertEquals(
        Dec.parse("22.5").mulInt(Fixture.TOKEN),
        f.staking.pendingRewards(addr(1), addr(1), f.block()));
    BigInteger paid = f.staking.withdrawRewards(alice, addr(1), f.block());
    assertEquals(new BigInteger("67500000000000000000"), paid);
    assertEquals(paid, f.bank.balance(alice));
    assertEquals(Dec.ZERO, f.staking.pendingRewards(alice, addr(1), f.block()));
    assertEquals(tokens(10), f.staking.withdrawCommission(addr(1), f.block()));
    StakingException e =
        assertThrows(
            StakingException.class, () -> f.staking.withdrawCommission(addr(1), f.block()));
    assertTrue(e.getMessage().contains("no validator commission"), e.getMessage());
    // Fees are collected too, and a delegation change withdraws automatically.
    f.fund(ModuleAccounts.FEE_COLLECTOR, tokens(40));
    f.endBlock(); // 140 tokens: commission 14, alice 126 * 30/40 = 94.5
    assertEquals(BigInteger.ZERO, f.bank.balance(ModuleAccounts.FEE_COLLECTOR));
    f.fund(alice, tokens(1));
    f.staking.delegate(alice, addr(1), tokens(1), f.block());
    assertEquals(new BigInteger("162000000000000000000"), f.bank.rewardsPaid(alice));
  }

  @Test
  void slashReducesLaterRewardsButNotEarlierOnes() {
    Fixture f = new Fixture(Fixture.params(100, 10, tokens(10)));
    f.createValidator(1, tokens(10));
    Address alice = addr(100);
    f.fund(alice, tokens(10));
    f.staking.delegate(alice, addr(1), tokens(10), f.block());
    f.endBlock();
    f.endBlock(); // 10 tokens: commission 1, 9 shared: alice 4.5
    f.staking.slash(f.validator(1).consensusAddress(), f.height, 20, Dec.parse("0.5"), f.block());
    f.endBlock(); // val1 still has last power 20 in the set: 10 tokens -> alice 4.5 again
    // Stake halved for both delegators equally, so alice still gets half of the 9.
    assertEquals(Dec.of(tokens(9)), f.staking.pendingRewards(alice, addr(1), f.block()));
  }

  /** Withdrawable + still owed + community pool == everything distributed, exactly. */
  private static void assertConserved(Fixture f, BigInteger distributed, List<Address> paidTo) {
    Dec owed = f.staking.communityPool();
    for (Validator v : f.staking.validators()) {
      owed = owed.add(f.staking.outstandingRewards(v.operator()));
    }
    BigInteger balance = f.bank.balance(ModuleAccounts.DISTRIBUTION);
    assertEquals(Dec.of(balance), owed, "distribution account vs owed");
    BigInteger paid = BigInteger.ZERO;
    for (Address a : paidTo) {
      paid = paid.add(f.bank.rewardsPaid(a));
    }
    assertEquals(distributed, paid.add(balance), "distributed vs paid + held");
  }

  @Test
  void lazyRewardsMatchABruteForceReferenceOverRandomHistories() {
    for (long seed = 1; seed <= 6; seed++) {
      runRandomHistory(seed);
    }
  }

  private void runRandomHistory(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    StakingParams d = Fixture.params(50, 3, tokens(7));
    StakingParams p =
        new StakingParams(
            d.unbondingTime(),
            d.maxValidators(),
            d.maxEntries(),
            d.bondDenom(),
            d.minCommissionRate(),
            d.blockReward(),
            Dec.parse("0.02"),
            d.powerHistoryBlocks());
    Fixture f = new Fixture(p);
    int validators = 4;
    int delegators = 6;
    List<Address> all = new ArrayList<>();
    for (int i = 1; i <= validators; i++) {
      f.fund(addr(i), tokens(1000));
      f.staking.createValidator(
          new io.zgnode.staking.CreateValidator(
              addr(i),
              Fixture.consKey(i),
              tokens(5 + rnd.nextInt(20)),
              Dec.parse("0.0" + rnd.nextInt(10)),
              Dec.parse("0.2"),
              Dec.parse("0.1"),
              io.zgnode.staking.validator.Description.ofMoniker("v" + i),
              BigInteger.ONE),
          f.block());
      all.add(addr(i));
    }
    for (int j = 0; j < delegators; j++) {
      f.fund(addr(100 + j), tokens(10_000));
      all.add(addr(100 + j));
    }
    // Reference: exact reward owed per (delegator, validator) and commission per validator.
    Map<String, BigDecimal> expected = new TreeMap<>();
    Map<Address, BigDecimal> expectedCommission = new TreeMap<>();
    BigInteger distributed = BigInteger.ZERO;
    Dec tax = p.communityTax();
    int[] done = new int[6];
    for (int block = 0; block < 150; block++) {
      int ops = rnd.nextInt(4);
      for (int k = 0; k < ops; k++) {
        Address del = addr(100 + rnd.nextInt(delegators));
        Address val = addr(1 + rnd.nextInt(validators));
        Address other = addr(1 + rnd.nextInt(validators));
        BigInteger amount =
            tokens(1 + rnd.nextInt(30)).add(BigInteger.valueOf(rnd.nextLong(1L << 50)));
        int kind = rnd.nextInt(6);
        try {
          switch (kind) {
            case 0, 1 -> f.staking.delegate(del, val, amount, f.block());
            case 2 -> f.staking.undelegate(del, val, amount.shiftRight(2), f.block());
            case 3 -> f.staking.redelegate(del, val, other, amount.shiftRight(2), f.block());
            case 4 -> f.staking.withdrawRewards(del, val, f.block());
            default -> {
              Validator v = f.staking.validator(val).orElseThrow();
              if (v.isBonded() && rnd.nextInt(4) == 0) {
                f.staking.slash(
                    v.consensusAddress(),
                    f.height,
                    f.staking.lastPower(val),
                    Dec.parse("0.0" + (1 + rnd.nextInt(5))),
                    f.block());
              } else if (rnd.nextBoolean()) {
                f.staking.withdrawCommission(val, f.block());
              }
            }
          }
          done[kind]++;
        } catch (StakingException e) {
          // Random input is often invalid (no delegation, too much...): refused, state unchanged.
        }
      }
      BigInteger fees = BigInteger.valueOf(rnd.nextLong(1L << 60));
      f.fund(ModuleAccounts.FEE_COLLECTOR, fees);
      BigInteger total = fees.add(p.blockReward());
      distributed = distributed.add(total);
      // The reference split of this block, with exact arithmetic.
      Map<Address, Long> set = f.staking.lastValidatorPowers();
      long totalPower = set.values().stream().mapToLong(Long::longValue).sum();
      if (totalPower > 0) {
        BigDecimal forValidators =
            new BigDecimal(total).multiply(BigDecimal.ONE.subtract(dec(tax)), MC);
        for (Map.Entry<Address, Long> e : set.entrySet()) {
          Validator v = f.staking.validator(e.getKey()).orElseThrow();
          BigDecimal reward =
              forValidators
                  .multiply(BigDecimal.valueOf(e.getValue()), MC)
                  .divide(BigDecimal.valueOf(totalPower), MC);
          BigDecimal commission = reward.multiply(dec(v.commission().rate()), MC);
          expectedCommission.merge(v.operator(), commission, BigDecimal::add);
          BigDecimal shared = reward.subtract(commission, MC);
          for (Address a : all) {
            Delegation dl = f.staking.delegation(a, v.operator()).orElse(null);
            if (dl != null) {
              BigDecimal part =
                  shared.multiply(dec(dl.shares()), MC).divide(dec(v.delegatorShares()), MC);
              expected.merge(key(a, v.operator()), part, BigDecimal::add);
            }
          }
        }
      }
      f.endBlock();
    }
    assertConserved(f, distributed.add(BigInteger.ZERO), all);
    BigDecimal worst = BigDecimal.ZERO;
    for (Address a : all) {
      BigDecimal got = new BigDecimal(f.bank.rewardsPaid(a));
      BigDecimal want = BigDecimal.ZERO;
      for (int i = 1; i <= validators; i++) {
        Address val = addr(i);
        want = want.add(expected.getOrDefault(key(a, val), BigDecimal.ZERO));
        if (f.staking.delegation(a, val).isPresent()) {
          got = got.add(dec(f.staking.pendingRewards(a, val, f.block())));
        }
        if (a.equals(val)) {
          want = want.add(expectedCommission.getOrDefault(val, BigDecimal.ZERO));
          got = got.add(dec(f.staking.accumulatedCommission(val)));
        }
      }
      BigDecimal diff = got.subtract(want).abs();
      worst = worst.max(diff);
      // Each withdrawal truncates to whole units and each period truncates the per-token ratio:
      // a few thousand of the smallest units at most over this history.
      assertTrue(
          diff.compareTo(BigDecimal.valueOf(100_000)) <= 0,
          "seed " + seed + " " + a + ": got " + got + " want " + want);
    }
    System.out.printf(
        "F1 vs reference, seed %d: worst difference %s units (10^-18 token); ops done %s%n",
        seed, worst.toBigInteger(), java.util.Arrays.toString(done));
    for (int n : done) {
      assertTrue(n > 0, "every kind of operation ran: " + java.util.Arrays.toString(done));
    }
  }

  private static String key(Address a, Address v) {
    return a.toHex() + v.toHex();
  }

  private static BigDecimal dec(Dec d) {
    return new BigDecimal(d.raw(), Dec.PRECISION);
  }
}
