package io.zgnode.state.store;

import io.zgnode.state.db.Families;
import java.util.Objects;

/**
 * An extra write that a commit adds to its batch, in a column family outside the state's own (for
 * example blocks, receipts, indexes). The family is created on first use.
 */
public record Put(String family, byte[] key, byte[] value) {
  public Put {
    Objects.requireNonNull(family, "family");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    if (Families.STATE.contains(family)) {
      throw new IllegalArgumentException(
          "column family '" + family + "' belongs to the state; extras must use their own family");
    }
  }
}
