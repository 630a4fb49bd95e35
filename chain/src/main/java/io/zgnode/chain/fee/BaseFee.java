package io.zgnode.chain.fee;

import io.zgnode.genesis.FeeMarketParams;
import java.math.BigInteger;

/**
 * EIP-1559's base fee rule: the next block's base fee moves toward the gas target by at most
 * 1/denominator of the current one, with the chain's floor {@code minBaseFee}. Integer arithmetic
 * only, exactly as Ethereum computes it.
 */
public final class BaseFee {
  private BaseFee() {}

  public static BigInteger next(FeeMarketParams params, BigInteger parentBaseFee, long gasUsed) {
    long target = params.gasTarget();
    BigInteger next;
    if (gasUsed == target) {
      next = parentBaseFee;
    } else if (gasUsed > target) {
      BigInteger delta =
          parentBaseFee
              .multiply(BigInteger.valueOf(gasUsed - target))
              .divide(BigInteger.valueOf(target))
              .divide(BigInteger.valueOf(params.baseFeeChangeDenominator()));
      next = parentBaseFee.add(delta.max(BigInteger.ONE));
    } else {
      BigInteger delta =
          parentBaseFee
              .multiply(BigInteger.valueOf(target - gasUsed))
              .divide(BigInteger.valueOf(target))
              .divide(BigInteger.valueOf(params.baseFeeChangeDenominator()));
      next = parentBaseFee.subtract(delta);
    }
    return next.max(params.minBaseFee());
  }
}
