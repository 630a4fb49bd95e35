package io.zgnode.staking.validator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zgnode.evm.types.Address;
import io.zgnode.staking.math.Dec;
import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ShareArithmeticTest {
  private static Validator validator(long tokens, String shares) {
    return new Validator(
        Address.fromLong(1),
        ConsensusKey.ed25519(new byte[32]),
        false,
        ValidatorStatus.BONDED,
        BigInteger.valueOf(tokens),
        Dec.parse(shares),
        Description.ofMoniker("v"),
        0,
        0,
        new Commission(Dec.ZERO, Dec.ONE, Dec.ONE, 0),
        BigInteger.ONE);
  }

  @Test
  void firstDelegationPricesOneToOne() {
    Validator v = validator(0, "0");
    Validator.Added a = v.addTokensFromDelegation(BigInteger.valueOf(100));
    assertEquals(Dec.of(100), a.issuedShares());
    assertEquals(BigInteger.valueOf(100), a.validator().tokens());
  }

  @Test
  void sharesAfterASlashAreTruncated() {
    // 150 shares backed by 135 tokens (a 10% slash of 150): rate 0.9 token per share.
    Validator v = validator(135, "150");
    // 100 tokens buy 150 * 100 / 135 = 111.1111111111111111111... shares, truncated to 18 digits.
    Validator.Added a = v.addTokensFromDelegation(BigInteger.valueOf(100));
    assertEquals(Dec.parse("111.111111111111111111"), a.issuedShares());
    Validator after = a.validator();
    assertEquals(BigInteger.valueOf(235), after.tokens());
    assertEquals(Dec.parse("261.111111111111111111"), after.delegatorShares());
    // Back out: 111.111111111111111111 * 235 / 261.111111111111111111 = 99.99999999999999999994...
    // Quo rounds the 19th digit half to even -> 100.000000000000000000 -> 100 tokens.
    assertEquals(Dec.parse("100"), after.tokensFromShares(a.issuedShares()));
    // The truncated variant (used for reward stakes) stays below: 99.999999999999999999.
    assertEquals(
        Dec.parse("99.999999999999999999"), after.tokensFromSharesTruncated(a.issuedShares()));
    Validator.Removed r = after.removeDelegatorShares(a.issuedShares());
    assertEquals(BigInteger.valueOf(100), r.tokens());
    assertEquals(BigInteger.valueOf(135), r.validator().tokens());
    assertEquals(Dec.parse("150"), r.validator().delegatorShares());
  }

  @Test
  void truncationKeepsTheDustInTheValidator() {
    // 3 tokens for 7 shares: 1 share is worth 3/7 = 0.428571428571428571 (rounded at 18 digits),
    // so removing 1 share pays 0 tokens and the dust stays with the other shares.
    Validator v = validator(3, "7");
    Validator.Removed r = v.removeDelegatorShares(Dec.ONE);
    assertEquals(BigInteger.ZERO, r.tokens());
    assertEquals(BigInteger.valueOf(3), r.validator().tokens());
    assertEquals(Dec.of(6), r.validator().delegatorShares());
    // The last shares take every remaining token.
    Validator.Removed last = r.validator().removeDelegatorShares(Dec.of(6));
    assertEquals(BigInteger.valueOf(3), last.tokens());
    assertTrue(last.validator().tokens().signum() == 0);
  }

  @Test
  void sharesFromTokensTruncates() {
    // 10 shares for 7 tokens: 1 token buys 10/7 = 1.428571428571428571(428...) shares.
    Validator v = validator(7, "10");
    assertEquals(Dec.parse("1.428571428571428571"), v.sharesFromTokens(BigInteger.ONE));
  }

  @Test
  void roundTripNeverPaysMoreThanDelegated() {
    SplittableRandom rnd = new SplittableRandom(7);
    for (int i = 0; i < 2000; i++) {
      long tokens = 1 + rnd.nextLong(1_000_000_000_000L);
      // Shares at least the tokens (slashes only lower the rate).
      Dec shares = Dec.of(tokens).add(Dec.ofRaw(BigInteger.valueOf(rnd.nextLong(1L << 62))));
      Validator v = validator(tokens, shares.toString());
      BigInteger amount = BigInteger.valueOf(1 + rnd.nextLong(1_000_000_000L));
      Validator.Added a = v.addTokensFromDelegation(amount);
      Validator.Removed r = a.validator().removeDelegatorShares(a.issuedShares());
      assertTrue(r.tokens().compareTo(amount) <= 0, "paid more than delegated");
      assertTrue(
          r.tokens().compareTo(amount.subtract(BigInteger.ONE)) >= 0,
          "lost more than one unit: " + amount + " -> " + r.tokens());
    }
  }

  @Test
  void powerIsTokensOverTenToTheEighteen() {
    BigInteger t = BigInteger.TEN.pow(18);
    assertEquals(0, validator(0, "0").withTokens(t.subtract(BigInteger.ONE)).potentialPower());
    assertEquals(1, validator(0, "0").withTokens(t).potentialPower());
    assertEquals(
        12, validator(0, "0").withTokens(t.multiply(BigInteger.valueOf(12))).consensusPower());
  }
}
