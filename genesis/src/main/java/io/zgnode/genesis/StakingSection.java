package io.zgnode.genesis;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code app_state.staking}: the staking parameters as the decimal-string fields the staking module
 * reads ({@code StakingParams.fromFields}; a missing field takes its default) and the validators
 * created at genesis, in file order (the order they are created in).
 */
public record StakingSection(Map<String, String> params, List<GenesisValidator> validators) {
  public StakingSection {
    params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    validators = List.copyOf(validators);
  }
}
