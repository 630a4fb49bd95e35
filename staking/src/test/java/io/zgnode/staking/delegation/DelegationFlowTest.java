package io.zgnode.staking.delegation;

import static io.zgnode.staking.Fixture.addr;
import static io.zgnode.staking.Fixture.tokens;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zgnode.evm.types.Address;
import io.zgnode.staking.Fixture;
import io.zgnode.staking.ModuleAccounts;
import io.zgnode.staking.StakingException;
import io.zgnode.staking.Undelegation;
import io.zgnode.staking.math.Dec;
import io.zgnode.staking.validator.ValidatorStatus;
import java.math.BigInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DelegationFlowTest {
  private static final long UNBONDING = 100;
  private Fixture f;
  private final Address alice = addr(100);

  @BeforeEach
  void setUp() {
    f = new Fixture(Fixture.params(UNBONDING, 10, BigInteger.ZERO));
    f.createValidator(1, tokens(10));
    f.createValidator(2, tokens(20));
    f.endBlock();
    f.fund(alice, tokens(1000));
  }

  private BigInteger pool(Address a) {
    return f.bank.balance(a);
  }

  @Test
  void createBondsAtTheNextEndBlockAndMovesTokensToTheBondedPool() {
    assertEquals(ValidatorStatus.BONDED, f.validator(1).status());
    assertEquals(tokens(30), pool(ModuleAccounts.BONDED_POOL));
    assertEquals(BigInteger.ZERO, pool(ModuleAccounts.NOT_BONDED_POOL));
    assertEquals(BigInteger.ZERO, f.bank.balance(addr(1)));
    assertEquals(Dec.of(tokens(10)), f.staking.delegation(addr(1), addr(1)).orElseThrow().shares());
  }

  @Test
  void delegateIssuesSharesAtTheExchangeRate() {
    Dec shares = f.staking.delegate(alice, addr(1), tokens(5), f.block());
    assertEquals(Dec.of(tokens(5)), shares);
    assertEquals(tokens(15), f.validator(1).tokens());
    assertEquals(tokens(35), pool(ModuleAccounts.BONDED_POOL));
    assertEquals(tokens(995), f.bank.balance(alice));
    // A second delegation adds to the same row.
    f.staking.delegate(alice, addr(1), tokens(1), f.block());
    assertEquals(Dec.of(tokens(6)), f.staking.delegation(alice, addr(1)).orElseThrow().shares());
  }

  @Test
  void undelegatePaysAfterTheUnbondingTime() {
    f.staking.delegate(alice, addr(1), tokens(5), f.block());
    long start = f.time;
    Undelegation u = f.staking.undelegate(alice, addr(1), tokens(2), f.block());
    assertEquals(tokens(2), u.amount());
    assertEquals(start + UNBONDING, u.completionTime());
    assertEquals(tokens(2), pool(ModuleAccounts.NOT_BONDED_POOL));
    UnbondingDelegation ubd = f.staking.unbondingDelegation(alice, addr(1)).orElseThrow();
    assertEquals(1, ubd.entries().size());
    assertEquals(f.height, ubd.entries().get(0).creationHeight());
    // Not mature yet: one block before the completion time.
    while (f.time + Fixture.BLOCK_SECONDS < u.completionTime()) {
      f.endBlock();
    }
    assertEquals(tokens(995), f.bank.balance(alice));
    f.endBlock(); // time < completion
    f.time = u.completionTime();
    f.endBlock(); // time == completion: mature (completion time not after block time)
    assertEquals(tokens(997), f.bank.balance(alice));
    assertTrue(f.staking.unbondingDelegation(alice, addr(1)).isEmpty());
    assertEquals(BigInteger.ZERO, pool(ModuleAccounts.NOT_BONDED_POOL));
  }

  @Test
  void entriesOfOneBlockMergeAndMaxEntriesIsEnforced() {
    f.staking.delegate(alice, addr(1), tokens(50), f.block());
    f.staking.undelegate(alice, addr(1), tokens(1), f.block());
    f.staking.undelegate(alice, addr(1), tokens(1), f.block());
    UnbondingDelegation ubd = f.staking.unbondingDelegation(alice, addr(1)).orElseThrow();
    assertEquals(1, ubd.entries().size());
    assertEquals(tokens(2), ubd.entries().get(0).balance());
    for (int i = 1; i < 7; i++) {
      f.endBlock();
      f.staking.undelegate(alice, addr(1), tokens(1), f.block());
    }
    f.endBlock();
    StakingException e =
        assertThrows(
            StakingException.class,
            () -> f.staking.undelegate(alice, addr(1), tokens(1), f.block()));
    assertTrue(e.getMessage().contains("too many unbonding entries"), e.getMessage());
  }

  @Test
  void undelegatingEverythingRemovesTheDelegation() {
    f.staking.delegate(alice, addr(1), tokens(5), f.block());
    f.staking.undelegate(alice, addr(1), tokens(5), f.block());
    assertTrue(f.staking.delegation(alice, addr(1)).isEmpty());
  }

  @Test
  void redelegateMovesStakeAndRefusesTransitiveMoves() {
    f.staking.delegate(alice, addr(1), tokens(5), f.block());
    long completion = f.staking.redelegate(alice, addr(1), addr(2), tokens(3), f.block());
    assertEquals(f.time + UNBONDING, completion);
    assertEquals(tokens(12), f.validator(1).tokens());
    assertEquals(tokens(23), f.validator(2).tokens());
    // Both bonded: no token leaves the bonded pool.
    assertEquals(tokens(35), pool(ModuleAccounts.BONDED_POOL));
    Redelegation red = f.staking.redelegation(alice, addr(1), addr(2)).orElseThrow();
    assertEquals(tokens(3), red.entries().get(0).initialBalance());
    assertEquals(Dec.of(tokens(3)), red.entries().get(0).sharesDst());
    // addr(2) received an unfinished redelegation from alice: moving on from it is refused.
    StakingException e =
        assertThrows(
            StakingException.class,
            () -> f.staking.redelegate(alice, addr(2), addr(1), tokens(1), f.block()));
    assertTrue(e.getMessage().contains("transitive"), e.getMessage());
    f.time = completion;
    f.endBlock();
    assertTrue(f.staking.redelegation(alice, addr(1), addr(2)).isEmpty());
    f.staking.redelegate(alice, addr(2), addr(1), tokens(1), f.block());
  }

  @Test
  void redelegationEntriesAreLimited() {
    f.staking.delegate(alice, addr(1), tokens(50), f.block());
    for (int i = 0; i < 7; i++) {
      f.staking.redelegate(alice, addr(1), addr(2), tokens(1), f.block());
      f.endBlock();
    }
    StakingException e =
        assertThrows(
            StakingException.class,
            () -> f.staking.redelegate(alice, addr(1), addr(2), tokens(1), f.block()));
    assertTrue(e.getMessage().contains("too many redelegation entries"), e.getMessage());
  }

  @Test
  void cancelUnbondingReturnsTokensToTheValidator() {
    f.staking.delegate(alice, addr(1), tokens(5), f.block());
    long h = f.height;
    f.staking.undelegate(alice, addr(1), tokens(4), f.block());
    f.endBlock();
    f.staking.cancelUnbondingDelegation(alice, addr(1), tokens(1), h, f.block());
    UnbondingEntry e = f.staking.unbondingDelegation(alice, addr(1)).orElseThrow().entries().get(0);
    assertEquals(tokens(3), e.balance());
    assertEquals(tokens(3), e.initialBalance());
    assertEquals(Dec.of(tokens(2)), f.staking.delegation(alice, addr(1)).orElseThrow().shares());
    assertEquals(tokens(3), pool(ModuleAccounts.NOT_BONDED_POOL));
    assertEquals(tokens(32), pool(ModuleAccounts.BONDED_POOL));
    // Cancelling the rest removes the entry.
    f.staking.cancelUnbondingDelegation(alice, addr(1), tokens(3), h, f.block());
    assertTrue(f.staking.unbondingDelegation(alice, addr(1)).isEmpty());
    assertEquals(BigInteger.ZERO, pool(ModuleAccounts.NOT_BONDED_POOL));
  }

  @Test
  void droppingBelowMinSelfDelegationJailsTheValidator() {
    Address op = addr(1);
    f.staking.editValidator(
        io.zgnode.staking.EditValidator.of(op).withMinSelfDelegation(tokens(10)), f.block());
    f.staking.undelegate(op, op, tokens(1), f.block());
    assertTrue(f.validator(1).jailed());
    var updates = f.endBlock();
    assertEquals(1, updates.size());
    assertEquals(0, updates.get(0).power());
    assertEquals(ValidatorStatus.UNBONDING, f.validator(1).status());
    StakingException e = assertThrows(StakingException.class, () -> f.staking.unjail(op));
    assertTrue(e.getMessage().contains("below its minimum"), e.getMessage());
    f.fund(op, tokens(1));
    f.staking.delegate(op, op, tokens(1), f.block());
    f.staking.unjail(op);
    assertFalse(f.validator(1).jailed());
    updates = f.endBlock();
    assertEquals(1, updates.size());
    assertEquals(10, updates.get(0).power());
    assertEquals(ValidatorStatus.BONDED, f.validator(1).status());
  }

  @Test
  void tokensFollowStatusChangesBetweenPools() {
    f.staking.jail(f.validator(2).consensusAddress());
    f.endBlock();
    assertEquals(tokens(10), pool(ModuleAccounts.BONDED_POOL));
    assertEquals(tokens(20), pool(ModuleAccounts.NOT_BONDED_POOL));
    // Delegating to an unbonding validator puts the tokens in the not-bonded pool.
    f.staking.delegate(alice, addr(2), tokens(5), f.block());
    assertEquals(tokens(25), pool(ModuleAccounts.NOT_BONDED_POOL));
    // Redelegating from it to a bonded validator completes with the source's unbonding.
    long completion = f.staking.redelegate(alice, addr(2), addr(1), tokens(5), f.block());
    assertEquals(f.validator(2).unbondingTime(), completion);
    assertEquals(tokens(15), pool(ModuleAccounts.BONDED_POOL));
    f.staking.unjail(addr(2));
    f.endBlock();
    assertEquals(tokens(35), pool(ModuleAccounts.BONDED_POOL));
    assertEquals(BigInteger.ZERO, pool(ModuleAccounts.NOT_BONDED_POOL));
  }
}
