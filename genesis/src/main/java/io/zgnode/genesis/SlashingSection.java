package io.zgnode.genesis;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code app_state.slashing}: the slashing parameters as decimal-string fields ({@code
 * signed_blocks_window}, {@code min_signed_per_window}, {@code downtime_jail_duration} in seconds,
 * {@code slash_fraction_double_sign}, {@code slash_fraction_downtime}); a missing field takes the
 * slashing module's default.
 */
public record SlashingSection(Map<String, String> params) {
  public SlashingSection {
    params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
  }
}
