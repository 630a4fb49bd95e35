package io.zgnode.staking;

import static io.zgnode.staking.Fixture.addr;
import static io.zgnode.staking.Fixture.tokens;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zgnode.evm.types.Address;
import io.zgnode.staking.delegation.UnbondingEntry;
import io.zgnode.staking.math.Dec;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The SDK rule: an unbonding or redelegation entry is slashed when it was created at or after the
 * infraction height (its stake was still bonded when the fault happened) and is not yet mature;
 * entries created before the infraction height had already left and are not slashed.
 */
class SlashTest {
  private Fixture f;
  private final Address alice = addr(100);
  private byte[] cons1;

  @BeforeEach
  void setUp() {
    f = new Fixture(Fixture.params(1000, 10, BigInteger.ZERO));
    f.createValidator(1, tokens(50));
    f.createValidator(2, tokens(10));
    f.fund(alice, tokens(50));
    f.staking.delegate(alice, addr(1), tokens(50), f.block());
    f.endBlock();
    cons1 = f.validator(1).consensusAddress();
  }

  @Test
  void slashesEntriesFromTheInfractionHeightOnAndThenTheValidator() {
    long h0 = f.height;
    f.staking.undelegate(alice, addr(1), tokens(10), f.block()); // entry A, before the fault
    f.endBlock();
    long infraction = f.height; // val1 has 90 tokens: power 90
    f.endBlock();
    long h2 = f.height;
    f.staking.undelegate(alice, addr(1), tokens(20), f.block()); // entry B, after the fault
    f.staking.redelegate(alice, addr(1), addr(2), tokens(10), f.block()); // entry R
    f.endBlock();
    BigInteger burnedBefore = f.bank.burned();

    // amount = 90 power * 10^18 * 0.1 = 9 tokens:
    //   entry A (created at h0 < infraction): not slashed, stays 10;
    //   entry B: 0.1 * 20 = 2 tokens -> balance 18;
    //   redelegation R: 0.1 * 10 = 1 token, taken by unbonding 0.1 of its 10 destination shares;
    //   the remaining 9 - 2 - 1 = 6 tokens from val1: 60 -> 54.
    BigInteger burned = f.staking.slash(cons1, infraction, 90, Dec.parse("0.1"), f.block());
    assertEquals(tokens(9), burned);
    assertEquals(tokens(9), f.bank.burned().subtract(burnedBefore));
    List<UnbondingEntry> entries =
        f.staking.unbondingDelegation(alice, addr(1)).orElseThrow().entries();
    assertEquals(h0, entries.get(0).creationHeight());
    assertEquals(tokens(10), entries.get(0).balance());
    assertEquals(h2, entries.get(1).creationHeight());
    assertEquals(tokens(18), entries.get(1).balance());
    assertEquals(tokens(20), entries.get(1).initialBalance());
    assertEquals(tokens(19), f.validator(2).tokens());
    assertEquals(Dec.of(tokens(9)), f.staking.delegation(alice, addr(2)).orElseThrow().shares());
    assertEquals(tokens(54), f.validator(1).tokens());
    // Pro rata: 60 shares now worth 54 tokens, 0.9 each (operator 50 -> 45, alice 10 -> 9).
    assertEquals(Dec.of(tokens(60)), f.validator(1).delegatorShares());
    Dec op = f.staking.delegation(addr(1), addr(1)).orElseThrow().shares();
    assertEquals(Dec.of(tokens(45)), f.validator(1).tokensFromShares(op));
    // Pools: bonded 54 (val1) + 19 (val2); not bonded 10 + 18 of entries.
    assertEquals(tokens(73), f.bank.balance(ModuleAccounts.BONDED_POOL));
    assertEquals(tokens(28), f.bank.balance(ModuleAccounts.NOT_BONDED_POOL));
  }

  @Test
  void slashAtTheCurrentHeightSkipsEntries() {
    f.staking.undelegate(alice, addr(1), tokens(10), f.block());
    BigInteger burned = f.staking.slash(cons1, f.height, 90, Dec.parse("0.1"), f.block());
    assertEquals(tokens(9), burned);
    assertEquals(tokens(81), f.validator(1).tokens());
    assertEquals(
        tokens(10),
        f.staking.unbondingDelegation(alice, addr(1)).orElseThrow().entries().get(0).balance());
  }

  @Test
  void matureEntriesAreNotSlashed() {
    long infraction = f.height;
    f.endBlock();
    f.staking.undelegate(alice, addr(1), tokens(10), f.block());
    long completion =
        f.staking
            .unbondingDelegation(alice, addr(1))
            .orElseThrow()
            .entries()
            .get(0)
            .completionTime();
    f.endBlock();
    // Evidence arrives in a block whose time is past the entry's completion, before end block.
    f.time = completion;
    f.staking.slash(cons1, infraction, 100, Dec.parse("0.1"), f.block());
    assertEquals(
        tokens(10),
        f.staking.unbondingDelegation(alice, addr(1)).orElseThrow().entries().get(0).balance());
    assertEquals(tokens(80), f.validator(1).tokens());
  }

  @Test
  void slashIsCappedAtTheValidatorsTokens() {
    // Power 1000 at the infraction (say, before a large undelegation): 100% would be 1000 tokens.
    BigInteger burned = f.staking.slash(cons1, f.height, 1000, Dec.ONE, f.block());
    assertEquals(tokens(100), burned);
    assertEquals(BigInteger.ZERO, f.validator(1).tokens());
    // Shares without tokens: new delegations are refused.
    StakingException e =
        assertThrows(
            StakingException.class, () -> f.staking.delegate(alice, addr(1), tokens(1), f.block()));
    assertTrue(e.getMessage().contains("no tokens"), e.getMessage());
  }

  @Test
  void unknownValidatorIsIgnoredAndUnbondedIsRefused() {
    assertEquals(
        BigInteger.ZERO, f.staking.slash(new byte[20], 1, 10, Dec.parse("0.1"), f.block()));
    f.createValidator(3, tokens(1));
    StakingException e =
        assertThrows(
            StakingException.class,
            () ->
                f.staking.slash(
                    f.validator(3).consensusAddress(), 1, 1, Dec.parse("0.1"), f.block()));
    assertTrue(e.getMessage().contains("unbonded"), e.getMessage());
  }

  @Test
  void slashingAnUnbondingValidatorBurnsFromTheNotBondedPool() {
    f.staking.jail(cons1);
    f.endBlock();
    BigInteger notBonded = f.bank.balance(ModuleAccounts.NOT_BONDED_POOL);
    f.staking.slash(cons1, f.height - 1, 100, Dec.parse("0.05"), f.block());
    assertEquals(notBonded.subtract(tokens(5)), f.bank.balance(ModuleAccounts.NOT_BONDED_POOL));
    assertEquals(tokens(95), f.validator(1).tokens());
  }
}
