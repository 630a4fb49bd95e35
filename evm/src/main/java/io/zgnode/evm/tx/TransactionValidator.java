package io.zgnode.evm.tx;

import io.zgnode.evm.crypto.Secp256k1;
import io.zgnode.evm.fork.Fork;
import io.zgnode.evm.tx.InvalidTransactionException.Reason;
import io.zgnode.evm.types.Hash;
import java.math.BigInteger;

/**
 * The validity rules that depend only on the transaction and the fork, not on state: what the
 * ethereum/tests TransactionTests check. Balance, nonce order, base fee and blob base fee are the
 * executor's business.
 */
public final class TransactionValidator {
  /** EIP-3860: the largest init code a creation may carry. */
  public static final int MAX_INITCODE_SIZE = 2 * 24_576;

  /** EIP-7825 (Osaka): the largest gas limit a transaction may have. */
  public static final long MAX_TX_GAS_LIMIT_OSAKA = 1L << 24;

  /** EIP-4844: the version byte of a KZG blob versioned hash. */
  public static final int VERSIONED_HASH_VERSION_KZG = 0x01;

  private static final int UINT256_BITS = 256;

  private TransactionValidator() {}

  /**
   * Checks the state-independent rules of {@code fork}, and that the transaction is for {@code
   * chainId} (a legacy transaction without EIP-155 is for every chain).
   *
   * @throws InvalidTransactionException with the first rule broken
   */
  public static void validateStatic(Transaction tx, Fork fork, BigInteger chainId) {
    if (chainId == null) {
      throw new IllegalArgumentException("chain id is required; use the two-argument overload");
    }
    if (tx.chainId() != null && !tx.chainId().equals(chainId)) {
      throw new InvalidTransactionException(
          Reason.INVALID_CHAIN_ID,
          "invalid chain id: transaction is for chain " + tx.chainId() + ", this is " + chainId);
    }
    validateStatic(tx, fork);
  }

  /**
   * Checks the state-independent rules of {@code fork}, except the chain id, which needs the
   * node's: use {@link #validateStatic(Transaction, Fork, BigInteger)} for admission.
   *
   * @throws InvalidTransactionException with the first rule broken
   */
  public static void validateStatic(Transaction tx, Fork fork) {
    if (tx == null || fork == null) {
      throw new IllegalArgumentException("transaction and fork are required");
    }
    TransactionType type = tx.type();
    if (!type.isSupportedIn(fork)) {
      throw new InvalidTransactionException(
          Reason.TYPE_NOT_SUPPORTED,
          "transaction type " + type + " is not supported before " + type.introducedIn());
    }
    if (tx.nonce() == -1L) {
      throw new InvalidTransactionException(
          Reason.NONCE_MAX, "nonce 2^64-1 is invalid: it could never be incremented (EIP-2681)");
    }
    if (tx.s().compareTo(Secp256k1.HALF_N) > 0) {
      throw new InvalidTransactionException(
          Reason.INVALID_SIGNATURE, "invalid signature: s is above N/2 (EIP-2)");
    }
    if (fork.isAtLeast(Fork.OSAKA)
        && Long.compareUnsigned(tx.gasLimit(), MAX_TX_GAS_LIMIT_OSAKA) > 0) {
      throw new InvalidTransactionException(
          Reason.GAS_LIMIT_ABOVE_CAP,
          "gas limit "
              + Long.toUnsignedString(tx.gasLimit())
              + " is above the transaction cap of "
              + MAX_TX_GAS_LIMIT_OSAKA
              + " (EIP-7825)");
    }
    if (Transaction.unsigned(tx.gasLimit()).multiply(tx.maxFeePerGas()).bitLength()
        > UINT256_BITS) {
      throw new InvalidTransactionException(
          Reason.FEE_CAP_OVERFLOW, "gasLimit * maxFeePerGas does not fit in 256 bits");
    }
    if (tx.maxPriorityFeePerGas().compareTo(tx.maxFeePerGas()) > 0) {
      throw new InvalidTransactionException(
          Reason.PRIORITY_FEE_ABOVE_MAX_FEE,
          "maxPriorityFeePerGas "
              + tx.maxPriorityFeePerGas()
              + " is above maxFeePerGas "
              + tx.maxFeePerGas());
    }
    if (tx.isContractCreation()
        && fork.isAtLeast(Fork.SHANGHAI)
        && tx.data().length > MAX_INITCODE_SIZE) {
      throw new InvalidTransactionException(
          Reason.INITCODE_TOO_LARGE,
          "init code of "
              + tx.data().length
              + " bytes is above the limit of "
              + MAX_INITCODE_SIZE
              + " (EIP-3860)");
    }
    long intrinsic = IntrinsicGas.intrinsicGas(tx, fork);
    if (intrinsic == Long.MAX_VALUE || Long.compareUnsigned(tx.gasLimit(), intrinsic) < 0) {
      throw new InvalidTransactionException(
          Reason.INTRINSIC_GAS_TOO_LOW,
          "intrinsic gas too low: gas limit "
              + Long.toUnsignedString(tx.gasLimit())
              + " is below the intrinsic gas "
              + intrinsic);
    }
    if (fork.isAtLeast(Fork.PRAGUE)) {
      long floor = IntrinsicGas.floorDataGas(tx);
      if (floor == Long.MAX_VALUE || Long.compareUnsigned(tx.gasLimit(), floor) < 0) {
        throw new InvalidTransactionException(
            Reason.INTRINSIC_GAS_TOO_LOW,
            "intrinsic gas too low: gas limit "
                + Long.toUnsignedString(tx.gasLimit())
                + " is below the calldata floor "
                + floor
                + " (EIP-7623)");
      }
    }
    if (type == TransactionType.BLOB) {
      validateBlobs(tx, fork);
    }
    if (type == TransactionType.SET_CODE && tx.authorizationList().isEmpty()) {
      throw new InvalidTransactionException(
          Reason.INVALID_AUTHORIZATION_LIST,
          "a set-code transaction needs at least one authorization (EIP-7702)");
    }
  }

  /** The most blobs one transaction may carry under {@code fork}. */
  public static int maxBlobsPerTransaction(Fork fork) {
    if (fork.isAtLeast(Fork.OSAKA)) {
      return 6; // EIP-7594 caps blobs per transaction.
    }
    if (fork.isAtLeast(Fork.PRAGUE)) {
      return 9; // EIP-7691: the per-block maximum bounds a single transaction.
    }
    return 6; // EIP-4844: the per-block maximum.
  }

  private static void validateBlobs(Transaction tx, Fork fork) {
    int count = tx.blobVersionedHashes().size();
    if (count == 0) {
      throw new InvalidTransactionException(
          Reason.INVALID_BLOBS, "a blob transaction needs at least one blob");
    }
    int max = maxBlobsPerTransaction(fork);
    if (count > max) {
      throw new InvalidTransactionException(
          Reason.INVALID_BLOBS,
          count + " blobs is above the limit of " + max + " per transaction in " + fork);
    }
    for (int i = 0; i < count; i++) {
      Hash h = tx.blobVersionedHashes().get(i);
      if ((h.bytesUnsafe()[0] & 0xff) != VERSIONED_HASH_VERSION_KZG) {
        throw new InvalidTransactionException(
            Reason.INVALID_BLOBS,
            "blobVersionedHashes["
                + i
                + "] has version "
                + (h.bytesUnsafe()[0] & 0xff)
                + ", expected "
                + VERSIONED_HASH_VERSION_KZG);
      }
    }
  }
}
