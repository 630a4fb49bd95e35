package io.zgnode.staking.params;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StakingParamsTest {
  @Test
  void defaultsAreValidAndRoundTripThroughTheJsonFields() {
    StakingParams.DEFAULT.validate();
    assertEquals(StakingParams.DEFAULT, StakingParams.fromFields(StakingParams.DEFAULT.toFields()));
    assertEquals("1814400", StakingParams.DEFAULT.toFields().get("unbonding_time"));
    assertEquals("0.000000000000000000", StakingParams.DEFAULT.toFields().get("community_tax"));
    assertEquals(StakingParams.DEFAULT, StakingParams.fromFields(Map.of()));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "unbonding_time|0|unbonding_time must be a positive",
        "max_validators|0|max_validators must be between 1 and 10000",
        "max_entries|-1|max_entries must be between",
        "bond_denom|x|bond_denom 'x' is not a valid denomination",
        "min_commission_rate|1.5|min_commission_rate must be between 0 and 1",
        "community_tax|-0.1|community_tax must be between 0 and 1",
        "block_reward|-1|block_reward must not be negative",
        "block_reward|ten|block_reward must be an integer",
        "power_history_blocks|0|power_history_blocks must be positive",
        "community_tax|0.1234567890123456789|more than 18 decimal places",
        "max_validatorz|5|unknown field 'max_validatorz'"
      })
  void invalidFieldsAreNamed(String field, String value, String message) {
    Map<String, String> fields = new HashMap<>(StakingParams.DEFAULT.toFields());
    fields.put(field, value);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> StakingParams.fromFields(fields));
    assertTrue(e.getMessage().startsWith("staking params: "), e.getMessage());
    assertTrue(e.getMessage().contains(message), e.getMessage());
  }
}
