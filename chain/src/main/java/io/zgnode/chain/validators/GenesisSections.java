package io.zgnode.chain.validators;

import io.zgnode.genesis.GenesisException;
import io.zgnode.genesis.GenesisValidator;
import io.zgnode.genesis.SlashingSection;
import io.zgnode.genesis.StakingSection;
import io.zgnode.slashing.params.SlashingParams;
import io.zgnode.staking.CreateValidator;
import io.zgnode.staking.math.Dec;
import io.zgnode.staking.params.StakingParams;
import io.zgnode.staking.validator.Description;
import java.util.Map;
import java.util.Set;

/**
 * Converts the genesis module's plain sections into the staking and slashing modules' types (the
 * genesis module may not depend on them), turning each failure into a {@link GenesisException} that
 * names the field.
 */
public final class GenesisSections {
  private static final Set<String> SLASHING_FIELDS =
      Set.of(
          "signed_blocks_window",
          "min_signed_per_window",
          "downtime_jail_duration",
          "slash_fraction_double_sign",
          "slash_fraction_downtime");

  private GenesisSections() {}

  /** The staking params of {@code section}, the defaults when it is null. */
  public static StakingParams stakingParams(StakingSection section) {
    if (section == null) {
      return StakingParams.DEFAULT;
    }
    try {
      return StakingParams.fromFields(section.params());
    } catch (IllegalArgumentException e) {
      throw new GenesisException("app_state.staking.params: " + e.getMessage(), e);
    }
  }

  /**
   * The slashing params of {@code section}, the defaults when it is null. {@code
   * downtime_jail_duration} is seconds, written "600" or, as Cosmos genesis files do, "600s".
   */
  public static SlashingParams slashingParams(SlashingSection section) {
    if (section == null) {
      return SlashingParams.DEFAULT;
    }
    Map<String, String> f = section.params();
    for (String k : f.keySet()) {
      if (!SLASHING_FIELDS.contains(k)) {
        throw new GenesisException(
            "app_state.slashing.params: unknown field '"
                + k
                + "' (known: "
                + SLASHING_FIELDS
                + ")");
      }
    }
    SlashingParams d = SlashingParams.DEFAULT;
    try {
      return new SlashingParams(
          longField(f, "signed_blocks_window", d.signedBlocksWindow()),
          decField(f, "min_signed_per_window", d.minSignedPerWindow()),
          longField(f, "downtime_jail_duration", d.downtimeJailDurationSeconds()),
          decField(f, "slash_fraction_double_sign", d.slashFractionDoubleSign()),
          decField(f, "slash_fraction_downtime", d.slashFractionDowntime()));
    } catch (IllegalArgumentException e) {
      throw new GenesisException("app_state.slashing.params: " + e.getMessage(), e);
    }
  }

  /** The create-validator request of genesis validator number {@code index}. */
  public static CreateValidator createValidator(GenesisValidator v, int index) {
    String where = "app_state.staking.validators[" + index + "]";
    return new CreateValidator(
        v.operator(),
        v.consensusPubKey(),
        v.selfDelegation(),
        dec(v.commissionRate(), where + ".commission.rate"),
        dec(v.commissionMaxRate(), where + ".commission.max_rate"),
        dec(v.commissionMaxChangeRate(), where + ".commission.max_change_rate"),
        new Description(v.moniker(), v.identity(), v.website(), v.securityContact(), v.details()),
        v.minSelfDelegation());
  }

  private static Dec dec(String text, String where) {
    try {
      return Dec.parse(text);
    } catch (IllegalArgumentException e) {
      throw new GenesisException(where + ": " + e.getMessage());
    }
  }

  private static long longField(Map<String, String> f, String name, long dflt) {
    String s = f.get(name);
    if (s == null) {
      return dflt;
    }
    String digits =
        name.equals("downtime_jail_duration") && s.endsWith("s")
            ? s.substring(0, s.length() - 1)
            : s;
    try {
      return Long.parseLong(digits);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be an integer, got '" + s + "'");
    }
  }

  private static Dec decField(Map<String, String> f, String name, Dec dflt) {
    String s = f.get(name);
    if (s == null) {
      return dflt;
    }
    try {
      return Dec.parse(s);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(name + ": " + e.getMessage());
    }
  }
}
