package io.zgnode.genesis;

import io.zgnode.evm.types.Address;
import java.math.BigInteger;
import java.util.Objects;

/**
 * One validator created at genesis ({@code app_state.staking.validators[i]}): the operator's EVM
 * address (it pays the self-delegation from its genesis balance), its ed25519 consensus key, and
 * its commission and description. Decimal rates stay strings here: this module knows no staking
 * arithmetic, the chain converts and checks them (range, max, max change).
 *
 * @param consensusPubKey the raw ed25519 public key, 32 bytes (base64 in JSON)
 * @param selfDelegation tokens in the smallest unit, positive
 * @param minSelfDelegation tokens in the smallest unit, positive, at most {@code selfDelegation}
 */
public record GenesisValidator(
    Address operator,
    byte[] consensusPubKey,
    BigInteger selfDelegation,
    String commissionRate,
    String commissionMaxRate,
    String commissionMaxChangeRate,
    String moniker,
    String identity,
    String website,
    String securityContact,
    String details,
    BigInteger minSelfDelegation) {
  /** The length of an ed25519 public key. */
  public static final int KEY_LENGTH = 32;

  /** The rates a Cosmos gentx uses when none are given. */
  public static final String DEFAULT_RATE = "0.100000000000000000";

  public static final String DEFAULT_MAX_RATE = "0.200000000000000000";
  public static final String DEFAULT_MAX_CHANGE_RATE = "0.010000000000000000";

  public GenesisValidator {
    Objects.requireNonNull(operator, "operator");
    Objects.requireNonNull(consensusPubKey, "consensusPubKey");
    Objects.requireNonNull(selfDelegation, "selfDelegation");
    Objects.requireNonNull(minSelfDelegation, "minSelfDelegation");
    consensusPubKey = consensusPubKey.clone();
    commissionRate = Objects.requireNonNullElse(commissionRate, DEFAULT_RATE);
    commissionMaxRate = Objects.requireNonNullElse(commissionMaxRate, DEFAULT_MAX_RATE);
    commissionMaxChangeRate =
        Objects.requireNonNullElse(commissionMaxChangeRate, DEFAULT_MAX_CHANGE_RATE);
    moniker = Objects.requireNonNullElse(moniker, "");
    identity = Objects.requireNonNullElse(identity, "");
    website = Objects.requireNonNullElse(website, "");
    securityContact = Objects.requireNonNullElse(securityContact, "");
    details = Objects.requireNonNullElse(details, "");
  }

  /** A validator with the default commission and a minimum self-delegation of 1. */
  public static GenesisValidator of(
      Address operator, byte[] consensusPubKey, BigInteger selfDelegation, String moniker) {
    return new GenesisValidator(
        operator,
        consensusPubKey,
        selfDelegation,
        null,
        null,
        null,
        moniker,
        null,
        null,
        null,
        null,
        BigInteger.ONE);
  }

  @Override
  public byte[] consensusPubKey() {
    return consensusPubKey.clone();
  }
}
