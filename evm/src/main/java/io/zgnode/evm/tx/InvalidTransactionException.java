package io.zgnode.evm.tx;

/**
 * A transaction that cannot be decoded, is invalid under the rules of a fork, or whose sender
 * cannot be recovered. The {@link Reason} is for programs; the message is for people.
 */
public final class InvalidTransactionException extends RuntimeException {
  /** Why a transaction was rejected. */
  public enum Reason {
    /** Malformed RLP: bad lengths, wrong item kinds, wrong field counts, trailing bytes. */
    MALFORMED_RLP,
    /** An integer field encoded with leading zero bytes (non-canonical). */
    LEADING_ZEROS,
    /** An unknown type byte, or a type the fork does not support yet. */
    TYPE_NOT_SUPPORTED,
    /** A nonce wider than 64 bits. */
    NONCE_TOO_LARGE,
    /** A nonce of 2^64-1, which could never be incremented (EIP-2681). */
    NONCE_MAX,
    /** A gas limit wider than 64 bits. */
    GAS_LIMIT_TOO_LARGE,
    /** A gas limit above the per-transaction cap of the fork (EIP-7825 from Osaka). */
    GAS_LIMIT_ABOVE_CAP,
    /** A fee field wider than 256 bits. */
    FEE_TOO_LARGE,
    /** A value wider than 256 bits. */
    VALUE_TOO_LARGE,
    /** A recipient that is not 20 bytes, or missing where the type requires one. */
    INVALID_ADDRESS,
    /** An access-list address that is not 20 bytes or a storage key that is not 32 bytes. */
    INVALID_ACCESS_LIST,
    /** A legacy v that encodes no valid chain id, or a chain id other than the node's. */
    INVALID_CHAIN_ID,
    /** v, yParity, r or s out of range, or a high s. */
    INVALID_SIGNATURE,
    /** A well-formed signature from which no public key recovers. */
    INVALID_SENDER,
    /** gasLimit * maxFeePerGas does not fit in 256 bits. */
    FEE_CAP_OVERFLOW,
    /** maxPriorityFeePerGas above maxFeePerGas. */
    PRIORITY_FEE_ABOVE_MAX_FEE,
    /** A gas limit below the intrinsic gas or the EIP-7623 calldata floor. */
    INTRINSIC_GAS_TOO_LOW,
    /** Contract-creation code above the EIP-3860 limit. */
    INITCODE_TOO_LARGE,
    /** A blob transaction without blobs, with too many, or with a bad versioned hash. */
    INVALID_BLOBS,
    /** A set-code transaction with an empty or malformed authorization list. */
    INVALID_AUTHORIZATION_LIST
  }

  private final Reason reason;

  public InvalidTransactionException(Reason reason, String message) {
    super(message);
    if (reason == null) {
      throw new IllegalArgumentException("reason is required");
    }
    this.reason = reason;
  }

  public InvalidTransactionException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    if (reason == null) {
      throw new IllegalArgumentException("reason is required");
    }
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
