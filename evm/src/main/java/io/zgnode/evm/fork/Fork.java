package io.zgnode.evm.fork;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The Ethereum forks whose rules zgnode can execute, oldest first. zgnode starts at London, so
 * everything before it (Frontier to Berlin) is deliberately absent.
 */
public enum Fork {
  LONDON("London"),
  PARIS("Paris"),
  SHANGHAI("Shanghai"),
  CANCUN("Cancun"),
  PRAGUE("Prague"),
  OSAKA("Osaka");

  private final String displayName;

  Fork(String displayName) {
    this.displayName = displayName;
  }

  /** The name the ethereum/tests fixtures use for this fork. */
  public String displayName() {
    return displayName;
  }

  /** Whether this fork includes every rule of {@code other}, i.e. comes at or after it. */
  public boolean isAtLeast(Fork other) {
    return compareTo(other) >= 0;
  }

  /**
   * Parses a fork name, ignoring case. Besides the enum names it accepts "Merge", the old name of
   * Paris that some fixtures use.
   *
   * @throws IllegalArgumentException for an unknown or unsupported name, listing the valid ones
   */
  public static Fork fromName(String name) {
    if (name == null) {
      throw new IllegalArgumentException("fork name is missing; valid names: " + validNames());
    }
    String key = name.trim();
    if (key.equalsIgnoreCase("Merge")) {
      return PARIS;
    }
    for (Fork f : values()) {
      if (f.name().equalsIgnoreCase(key)) {
        return f;
      }
    }
    throw new IllegalArgumentException(
        "unknown or unsupported fork '" + name + "'; valid names: " + validNames());
  }

  private static String validNames() {
    return Arrays.stream(values()).map(Fork::displayName).collect(Collectors.joining(", "))
        + " (and Merge for Paris)";
  }

  @Override
  public String toString() {
    return displayName;
  }
}
