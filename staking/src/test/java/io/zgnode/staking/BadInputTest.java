package io.zgnode.staking;

import static io.zgnode.staking.Fixture.addr;
import static io.zgnode.staking.Fixture.consKey;
import static io.zgnode.staking.Fixture.tokens;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zgnode.evm.types.Address;
import io.zgnode.evm.types.Hash;
import io.zgnode.staking.math.Dec;
import io.zgnode.staking.validator.Description;
import java.math.BigInteger;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every refused operation throws a precise StakingException and leaves state and balances as they
 * were.
 */
class BadInputTest {
  private static final Address ALICE = addr(100);
  private static final Address NOBODY = addr(999);

  /**
   * A chain with validators 1 and 2 bonded; at height 2 alice delegated to 1, unbonded 2 tokens and
   * redelegated 2 tokens to 2.
   */
  private static Fixture setUp() {
    Fixture f = new Fixture(Fixture.params(100, 10, BigInteger.ZERO));
    f.createValidator(1, tokens(10));
    f.createValidator(2, tokens(10));
    f.endBlock();
    f.fund(ALICE, tokens(100));
    f.staking.delegate(ALICE, addr(1), tokens(10), f.block());
    f.staking.undelegate(ALICE, addr(1), tokens(2), f.block());
    f.staking.redelegate(ALICE, addr(1), addr(2), tokens(2), f.block());
    f.endBlock();
    return f;
  }

  private interface Op {
    void run(Fixture f);
  }

  private static CreateValidator create(
      int i,
      byte[] key,
      String self,
      String rate,
      String max,
      String change,
      String moniker,
      String minSelf) {
    return new CreateValidator(
        addr(i),
        key,
        new BigInteger(self),
        Dec.parse(rate),
        Dec.parse(max),
        Dec.parse(change),
        Description.ofMoniker(moniker),
        new BigInteger(minSelf));
  }

  private static Arguments bad(String message, Op op) {
    return Arguments.of(message, op);
  }

  static Stream<Arguments> cases() {
    String t = tokens(1).toString();
    return Stream.of(
        bad(
            "operator address is missing",
            f ->
                f.staking.createValidator(
                    new CreateValidator(
                        null,
                        consKey(3),
                        tokens(1),
                        Dec.ZERO,
                        Dec.ONE,
                        Dec.ZERO,
                        Description.ofMoniker("x"),
                        BigInteger.ONE),
                    f.block())),
        bad(
            "32 bytes, got 31",
            f ->
                f.staking.createValidator(
                    create(3, new byte[31], t, "0.1", "0.2", "0.01", "m", "1"), f.block())),
        bad(
            "32 bytes, got 33",
            f ->
                f.staking.createValidator(
                    create(3, new byte[33], t, "0.1", "0.2", "0.01", "m", "1"), f.block())),
        bad(
            "already used by validator",
            f ->
                f.staking.createValidator(
                    create(3, consKey(1), t, "0.1", "0.2", "0.01", "m", "1"), f.block())),
        bad(
            "validator already exists",
            f ->
                f.staking.createValidator(
                    create(1, consKey(3), t, "0.1", "0.2", "0.01", "m", "1"), f.block())),
        bad(
            "cannot be more than the max rate",
            f ->
                f.staking.createValidator(
                    create(3, consKey(3), t, "0.3", "0.2", "0.01", "m", "1"), f.block())),
        bad(
            "cannot be more than 100%",
            f ->
                f.staking.createValidator(
                    create(3, consKey(3), t, "0.3", "1.5", "0.01", "m", "1"), f.block())),
        bad(
            "rate must not be negative",
            f ->
                f.staking.createValidator(
                    create(3, consKey(3), t, "-0.1", "0.2", "0.01", "m", "1"), f.block())),
        bad(
            "max change rate 0.300000000000000000 cannot be more",
            f ->
                f.staking.createValidator(
                    create(3, consKey(3), t, "0.1", "0.2", "0.3", "m", "1"), f.block())),
        bad(
            "minimum self delegation must be a positive",
            f ->
                f.staking.createValidator(
                    create(3, consKey(3), t, "0.1", "0.2", "0.01", "m", "0"), f.block())),
        bad(
            "self delegation amount must be positive",
            f ->
                f.staking.createValidator(
                    create(3, consKey(3), "0", "0.1", "0.2", "0.01", "m", "1"), f.block())),
        bad(
            "self delegation amount must be positive",
            f ->
                f.staking.createValidator(
                    create(3, consKey(3), "-5", "0.1", "0.2", "0.01", "m", "1"), f.block())),
        bad(
            "below the minimum self delegation",
            f ->
                f.staking.createValidator(
                    create(3, consKey(3), "5", "0.1", "0.2", "0.01", "m", "6"), f.block())),
        bad(
            "insufficient funds",
            f ->
                f.staking.createValidator(
                    create(3, consKey(3), t, "0.1", "0.2", "0.01", "m", "1"), f.block())),
        bad(
            "moniker must not be empty",
            f ->
                f.staking.createValidator(
                    create(3, consKey(3), t, "0.1", "0.2", "0.01", "", "1"), f.block())),
        bad(
            "moniker is 71 characters",
            f ->
                f.staking.createValidator(
                    create(3, consKey(3), t, "0.1", "0.2", "0.01", "m".repeat(71), "1"),
                    f.block())),
        bad(
            "details is 281 characters",
            f ->
                f.staking.createValidator(
                    new CreateValidator(
                        addr(3),
                        consKey(3),
                        tokens(1),
                        Dec.ZERO,
                        Dec.ONE,
                        Dec.ZERO,
                        new Description("m", "", "", "", "d".repeat(281)),
                        BigInteger.ONE),
                    f.block())),
        bad(
            "does not exist",
            f -> f.staking.editValidator(EditValidator.of(NOBODY).withMoniker("x"), f.block())),
        bad(
            "more than once in 24h",
            f ->
                f.staking.editValidator(
                    EditValidator.of(addr(1)).withCommissionRate(Dec.parse("0.11")), f.block())),
        bad(
            "moniker is 71",
            f ->
                f.staking.editValidator(
                    EditValidator.of(addr(1)).withMoniker("m".repeat(71)), f.block())),
        bad(
            "can only be increased",
            f ->
                f.staking.editValidator(
                    EditValidator.of(addr(1)).withMinSelfDelegation(BigInteger.ONE), f.block())),
        bad(
            "more than the validator's tokens",
            f ->
                f.staking.editValidator(
                    EditValidator.of(addr(1)).withMinSelfDelegation(tokens(1000)), f.block())),
        bad("does not exist", f -> f.staking.delegate(ALICE, NOBODY, tokens(1), f.block())),
        bad(
            "must be positive, got 0",
            f -> f.staking.delegate(ALICE, addr(1), BigInteger.ZERO, f.block())),
        bad(
            "must be positive, got -1",
            f -> f.staking.delegate(ALICE, addr(1), BigInteger.ONE.negate(), f.block())),
        bad("insufficient funds", f -> f.staking.delegate(ALICE, addr(1), tokens(1000), f.block())),
        bad(
            "delegator address is missing",
            f -> f.staking.delegate(null, addr(1), tokens(1), f.block())),
        bad("does not exist", f -> f.staking.undelegate(ALICE, NOBODY, tokens(1), f.block())),
        bad("no delegation of", f -> f.staking.undelegate(NOBODY, addr(1), tokens(1), f.block())),
        bad(
            "must be positive",
            f -> f.staking.undelegate(ALICE, addr(1), BigInteger.ZERO, f.block())),
        bad(
            "more than the delegation holds",
            f -> f.staking.undelegate(ALICE, addr(1), tokens(7), f.block())),
        bad(
            "same validator",
            f -> f.staking.redelegate(ALICE, addr(1), addr(1), tokens(1), f.block())),
        bad(
            "does not exist",
            f -> f.staking.redelegate(ALICE, NOBODY, addr(1), tokens(1), f.block())),
        bad(
            "does not exist",
            f -> f.staking.redelegate(ALICE, addr(1), NOBODY, tokens(1), f.block())),
        bad(
            "more than the delegation holds",
            f -> f.staking.redelegate(ALICE, addr(1), addr(2), tokens(7), f.block())),
        bad("transitive", f -> f.staking.redelegate(ALICE, addr(2), addr(1), tokens(1), f.block())),
        bad(
            "must be positive",
            f -> f.staking.redelegate(ALICE, addr(1), addr(2), BigInteger.ZERO, f.block())),
        bad(
            "does not exist",
            f -> f.staking.cancelUnbondingDelegation(ALICE, NOBODY, tokens(1), 1, f.block())),
        bad(
            "no unbonding delegation",
            f -> f.staking.cancelUnbondingDelegation(ALICE, addr(2), tokens(1), 1, f.block())),
        bad(
            "no unbonding entry in progress created at height 7",
            f -> f.staking.cancelUnbondingDelegation(ALICE, addr(1), tokens(1), 7, f.block())),
        bad(
            "greater than the unbonding entry balance",
            f -> f.staking.cancelUnbondingDelegation(ALICE, addr(1), tokens(3), 2, f.block())),
        bad(
            "must be positive",
            f ->
                f.staking.cancelUnbondingDelegation(ALICE, addr(1), BigInteger.ZERO, 1, f.block())),
        bad(
            "creation height must be positive",
            f -> f.staking.cancelUnbondingDelegation(ALICE, addr(1), tokens(1), 0, f.block())),
        bad("no delegation of", f -> f.staking.withdrawRewards(NOBODY, addr(1), f.block())),
        bad("does not exist", f -> f.staking.withdrawRewards(ALICE, NOBODY, f.block())),
        bad("no validator commission", f -> f.staking.withdrawCommission(addr(1), f.block())),
        bad("20 bytes, got 19", f -> f.staking.slash(new byte[19], 1, 1, Dec.ONE, f.block())),
        bad(
            "between 0 and 1",
            f ->
                f.staking.slash(
                    f.validator(1).consensusAddress(), 1, 1, Dec.parse("1.01"), f.block())),
        bad(
            "between 0 and 1",
            f ->
                f.staking.slash(
                    f.validator(1).consensusAddress(), 1, 1, Dec.parse("-0.1"), f.block())),
        bad(
            "in the future",
            f -> f.staking.slash(f.validator(1).consensusAddress(), 100, 1, Dec.ONE, f.block())),
        bad("no validator with consensus address", f -> f.staking.jail(new byte[20])),
        bad("is not jailed", f -> f.staking.unjail(addr(1))),
        bad("does not exist", f -> f.staking.unjail(NOBODY)));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("cases")
  void refusedWithoutChange(String message, Op op) {
    Fixture f = setUp();
    Hash root = f.updater.computeRoot();
    Map<Address, BigInteger> balances = f.bank.snapshot();
    Executable call = () -> op.run(f);
    StakingException e = assertThrows(StakingException.class, call);
    assertTrue(e.getMessage().contains(message), "message: " + e.getMessage());
    assertEquals(root, f.updater.computeRoot(), "module state changed");
    assertEquals(balances, f.bank.snapshot(), "balances changed");
  }

  @ParameterizedTest(name = "jailed: {0}")
  @MethodSource("jailedCases")
  void refusedForJailedValidators(String message, Op op) {
    Fixture f = setUp();
    f.staking.jail(f.validator(1).consensusAddress());
    Hash root = f.updater.computeRoot();
    StakingException e = assertThrows(StakingException.class, () -> op.run(f));
    assertTrue(e.getMessage().contains(message), "message: " + e.getMessage());
    assertEquals(root, f.updater.computeRoot());
  }

  static Stream<Arguments> jailedCases() {
    return Stream.of(
        bad("already jailed", f -> f.staking.jail(f.validator(1).consensusAddress())),
        bad(
            "jailed validator",
            f -> f.staking.cancelUnbondingDelegation(ALICE, addr(1), tokens(1), 1, f.block())));
  }
}
