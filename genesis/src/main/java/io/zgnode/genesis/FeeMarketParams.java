package io.zgnode.genesis;

import java.math.BigInteger;

/**
 * The EIP-1559 fee market. The base fee starts at {@code initialBaseFee}, moves by at most 1/{@code
 * baseFeeChangeDenominator} per block toward the gas target (limit / elasticity), and never falls
 * below {@code minBaseFee}, so a quiet chain keeps a price that deters spam.
 */
public record FeeMarketParams(
    long blockGasLimit,
    BigInteger initialBaseFee,
    BigInteger minBaseFee,
    int baseFeeChangeDenominator,
    int elasticityMultiplier,
    int maxTxBytes) {

  /** 100M gas: room for thousands of transfers per block at sub-second block times. */
  public static final long DEFAULT_BLOCK_GAS_LIMIT = 100_000_000L;

  public static final BigInteger ONE_GWEI = BigInteger.TEN.pow(9);

  /** geth's transaction size limit (4 x 32 KiB). */
  public static final int DEFAULT_MAX_TX_BYTES = 128 * 1024;

  public static FeeMarketParams defaults() {
    return new FeeMarketParams(
        DEFAULT_BLOCK_GAS_LIMIT, ONE_GWEI, ONE_GWEI, 8, 2, DEFAULT_MAX_TX_BYTES);
  }

  public FeeMarketParams {
    if (blockGasLimit < 21_000) {
      throw new GenesisException(
          "fee_market.block_gas_limit must be at least 21000, got " + blockGasLimit);
    }
    if (initialBaseFee.signum() < 0 || minBaseFee.signum() < 0) {
      throw new GenesisException("fee_market: base fees must not be negative");
    }
    if (initialBaseFee.compareTo(minBaseFee) < 0) {
      throw new GenesisException(
          "fee_market.initial_base_fee ("
              + initialBaseFee
              + ") is below fee_market.min_base_fee ("
              + minBaseFee
              + ")");
    }
    if (baseFeeChangeDenominator <= 0) {
      throw new GenesisException("fee_market.base_fee_change_denominator must be positive");
    }
    if (elasticityMultiplier <= 0) {
      throw new GenesisException("fee_market.elasticity_multiplier must be positive");
    }
    if (maxTxBytes < 1024) {
      throw new GenesisException("fee_market.max_tx_bytes must be at least 1024");
    }
  }

  public long gasTarget() {
    return blockGasLimit / elasticityMultiplier;
  }
}
