package io.zgnode.staking.params;

import io.zgnode.staking.math.Dec;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The staking and distribution parameters, fixed in genesis.
 *
 * <p>JSON shape of {@code app_state["staking"]["params"]} (numbers as decimal strings, as Cosmos
 * genesis files write them; this module has no JSON library, so genesis maps the object through
 * {@link #toFields()} / {@link #fromFields(Map)}):
 *
 * <pre>
 * {"unbonding_time": "1814400", "max_validators": "125", "max_entries": "7",
 *  "bond_denom": "azgn", "min_commission_rate": "0.000000000000000000",
 *  "block_reward": "1000000000000000000", "community_tax": "0.000000000000000000",
 *  "power_history_blocks": "100000"}
 * </pre>
 *
 * @param unbondingTime seconds an undelegation, redelegation or unbonding validator waits
 * @param maxValidators the size of the bonded set (0G used 125)
 * @param maxEntries unbonding (or redelegation) entries per delegator/validator pair
 * @param bondDenom a label for the staked token (the EVM native token, 18 decimals)
 * @param minCommissionRate the lowest commission rate a validator may set
 * @param blockReward tokens minted every block into the distribution account and split across the
 *     bonded validators with the block's fees (0 for none)
 * @param communityTax the fraction of each block's rewards kept in the community pool
 * @param powerHistoryBlocks how many blocks of validator power history are kept for slashing at an
 *     infraction height (at least the evidence max age in blocks)
 */
public record StakingParams(
    long unbondingTime,
    int maxValidators,
    int maxEntries,
    String bondDenom,
    Dec minCommissionRate,
    BigInteger blockReward,
    Dec communityTax,
    long powerHistoryBlocks) {

  private static final Pattern DENOM = Pattern.compile("[a-zA-Z][a-zA-Z0-9/:._-]{2,127}");

  /** 21 days, the Cosmos SDK default. */
  public static final long DEFAULT_UNBONDING_TIME = 21L * 24 * 3600;

  public static final StakingParams DEFAULT =
      new StakingParams(
          DEFAULT_UNBONDING_TIME,
          125,
          7,
          "azgn",
          Dec.ZERO,
          BigInteger.TEN.pow(18),
          Dec.ZERO,
          100_000);

  public StakingParams {
    Objects.requireNonNull(bondDenom, "bondDenom");
    Objects.requireNonNull(minCommissionRate, "minCommissionRate");
    Objects.requireNonNull(blockReward, "blockReward");
    Objects.requireNonNull(communityTax, "communityTax");
  }

  /** Fails with a message naming the first invalid parameter. */
  public void validate() {
    if (unbondingTime <= 0) {
      throw invalid("unbonding_time must be a positive number of seconds, got " + unbondingTime);
    }
    if (maxValidators <= 0 || maxValidators > 10_000) {
      throw invalid("max_validators must be between 1 and 10000, got " + maxValidators);
    }
    if (maxEntries <= 0 || maxEntries > 1_000) {
      throw invalid("max_entries must be between 1 and 1000, got " + maxEntries);
    }
    if (!DENOM.matcher(bondDenom).matches()) {
      throw invalid(
          "bond_denom '"
              + bondDenom
              + "' is not a valid denomination (3-128 characters: a letter, then letters, digits,"
              + " '/', ':', '.', '_' or '-')");
    }
    requireFraction("min_commission_rate", minCommissionRate);
    if (blockReward.signum() < 0) {
      throw invalid("block_reward must not be negative, got " + blockReward);
    }
    requireFraction("community_tax", communityTax);
    if (powerHistoryBlocks <= 0) {
      throw invalid("power_history_blocks must be positive, got " + powerHistoryBlocks);
    }
  }

  private static void requireFraction(String name, Dec d) {
    if (d.isNegative() || d.gt(Dec.ONE)) {
      throw invalid(name + " must be between 0 and 1, got " + d);
    }
  }

  private static IllegalArgumentException invalid(String message) {
    return new IllegalArgumentException("staking params: " + message);
  }

  /** The JSON fields in their canonical order, values as strings. */
  public Map<String, String> toFields() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("unbonding_time", Long.toString(unbondingTime));
    m.put("max_validators", Integer.toString(maxValidators));
    m.put("max_entries", Integer.toString(maxEntries));
    m.put("bond_denom", bondDenom);
    m.put("min_commission_rate", minCommissionRate.toString());
    m.put("block_reward", blockReward.toString());
    m.put("community_tax", communityTax.toString());
    m.put("power_history_blocks", Long.toString(powerHistoryBlocks));
    return m;
  }

  /**
   * Reads the JSON fields; a missing field takes its default, an unknown one is refused. The result
   * is validated.
   */
  public static StakingParams fromFields(Map<String, String> fields) {
    for (String k : fields.keySet()) {
      if (!DEFAULT.toFields().containsKey(k)) {
        throw invalid("unknown field '" + k + "'");
      }
    }
    StakingParams d = DEFAULT;
    StakingParams p =
        new StakingParams(
            parseLong(fields, "unbonding_time", d.unbondingTime),
            (int) parseLong(fields, "max_validators", d.maxValidators),
            (int) parseLong(fields, "max_entries", d.maxEntries),
            fields.getOrDefault("bond_denom", d.bondDenom),
            parseDec(fields, "min_commission_rate", d.minCommissionRate),
            parseInteger(fields, "block_reward", d.blockReward),
            parseDec(fields, "community_tax", d.communityTax),
            parseLong(fields, "power_history_blocks", d.powerHistoryBlocks));
    p.validate();
    return p;
  }

  private static long parseLong(Map<String, String> f, String name, long def) {
    String s = f.get(name);
    if (s == null) {
      return def;
    }
    try {
      long v = Long.parseLong(s);
      if (v > Integer.MAX_VALUE
          && !name.equals("unbonding_time")
          && !name.equals("power_history_blocks")) {
        throw invalid(name + " is too large: " + s);
      }
      return v;
    } catch (NumberFormatException e) {
      throw invalid(name + " must be an integer, got '" + s + "'");
    }
  }

  private static BigInteger parseInteger(Map<String, String> f, String name, BigInteger def) {
    String s = f.get(name);
    if (s == null) {
      return def;
    }
    try {
      return new BigInteger(s);
    } catch (NumberFormatException e) {
      throw invalid(name + " must be an integer, got '" + s + "'");
    }
  }

  private static Dec parseDec(Map<String, String> f, String name, Dec def) {
    String s = f.get(name);
    if (s == null) {
      return def;
    }
    try {
      return Dec.parse(s);
    } catch (NumberFormatException e) {
      throw invalid(name + ": " + e.getMessage());
    }
  }
}
