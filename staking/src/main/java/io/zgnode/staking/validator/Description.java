package io.zgnode.staking.validator;

import io.zgnode.staking.StakingException;
import java.util.Objects;

/** A validator's public description, with the Cosmos SDK's length limits. */
public record Description(
    String moniker, String identity, String website, String securityContact, String details) {
  public static final int MAX_MONIKER = 70;
  public static final int MAX_IDENTITY = 3000;
  public static final int MAX_WEBSITE = 140;
  public static final int MAX_SECURITY_CONTACT = 140;
  public static final int MAX_DETAILS = 280;

  public Description {
    moniker = Objects.requireNonNullElse(moniker, "");
    identity = Objects.requireNonNullElse(identity, "");
    website = Objects.requireNonNullElse(website, "");
    securityContact = Objects.requireNonNullElse(securityContact, "");
    details = Objects.requireNonNullElse(details, "");
  }

  public static Description ofMoniker(String moniker) {
    return new Description(moniker, "", "", "", "");
  }

  /** Throws a {@link StakingException} naming the first field that breaks a limit. */
  public void validate() {
    if (moniker.isBlank()) {
      throw new StakingException("invalid description: moniker must not be empty");
    }
    checkLength("moniker", moniker, MAX_MONIKER);
    checkLength("identity", identity, MAX_IDENTITY);
    checkLength("website", website, MAX_WEBSITE);
    checkLength("security contact", securityContact, MAX_SECURITY_CONTACT);
    checkLength("details", details, MAX_DETAILS);
  }

  private static void checkLength(String name, String value, int max) {
    if (value.length() > max) {
      throw new StakingException(
          "invalid description: "
              + name
              + " is "
              + value.length()
              + " characters, at most "
              + max
              + " allowed");
    }
  }

  /** This description with each non-null field of {@code edit} replacing the current one. */
  public Description merge(
      String moniker, String identity, String website, String securityContact, String details) {
    return new Description(
        moniker != null ? moniker : this.moniker,
        identity != null ? identity : this.identity,
        website != null ? website : this.website,
        securityContact != null ? securityContact : this.securityContact,
        details != null ? details : this.details);
  }
}
