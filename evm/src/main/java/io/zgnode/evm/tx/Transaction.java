package io.zgnode.evm.tx;

import io.zgnode.evm.crypto.Keccak256;
import io.zgnode.evm.crypto.SenderRecovery;
import io.zgnode.evm.tx.InvalidTransactionException.Reason;
import io.zgnode.evm.types.Address;
import io.zgnode.evm.types.Hash;
import java.math.BigInteger;
import java.util.List;

/**
 * A signed Ethereum transaction of any supported type. Immutable. The network encoding, the hash,
 * the signing hash and the sender are computed on first use and cached; all getters and caches are
 * safe to use from several threads.
 *
 * <p>Instances come from {@link TransactionDecoder} (untrusted bytes, strictly checked) or {@link
 * TransactionBuilder} (local construction and signing). Decoding checks form and ranges only; the
 * rules that depend on the fork are in {@link TransactionValidator}.
 *
 * <p>Fields a type does not have read as: {@code chainId} null for a legacy transaction without
 * EIP-155, {@code maxFeePerBlobGas} null except for blob transactions, and empty lists.
 */
public final class Transaction {
  /** Gas per blob (EIP-4844). */
  public static final long GAS_PER_BLOB = 1L << 17;

  private final TransactionType type;
  private final BigInteger chainId;
  private final long nonce;
  private final BigInteger maxPriorityFeePerGas;
  private final BigInteger maxFeePerGas;
  private final long gasLimit;
  private final Address to;
  private final BigInteger value;
  private final byte[] data;
  private final List<AccessListEntry> accessList;
  private final BigInteger maxFeePerBlobGas;
  private final List<Hash> blobVersionedHashes;
  private final List<Authorization> authorizationList;
  private final BigInteger v;
  private final BigInteger r;
  private final BigInteger s;
  private final int yParity;

  // Caches. Encoding and hashes are pure functions of the fields, so a race only computes twice.
  private volatile byte[] encoded;
  private volatile Hash hash;
  private volatile Hash signingHash;
  // Recovery is costly, so it runs at most once: under this lock, with the outcome published
  // through the volatile field (an Address or the InvalidTransactionException to rethrow).
  private final Object senderLock = new Object();
  private volatile Object senderOutcome;

  Transaction(
      TransactionType type,
      BigInteger chainId,
      long nonce,
      BigInteger maxPriorityFeePerGas,
      BigInteger maxFeePerGas,
      long gasLimit,
      Address to,
      BigInteger value,
      byte[] data,
      List<AccessListEntry> accessList,
      BigInteger maxFeePerBlobGas,
      List<Hash> blobVersionedHashes,
      List<Authorization> authorizationList,
      BigInteger v,
      BigInteger r,
      BigInteger s,
      int yParity,
      byte[] encoded) {
    this.type = type;
    this.chainId = chainId;
    this.nonce = nonce;
    this.maxPriorityFeePerGas = maxPriorityFeePerGas;
    this.maxFeePerGas = maxFeePerGas;
    this.gasLimit = gasLimit;
    this.to = to;
    this.value = value;
    this.data = data;
    this.accessList = List.copyOf(accessList);
    this.maxFeePerBlobGas = maxFeePerBlobGas;
    this.blobVersionedHashes = List.copyOf(blobVersionedHashes);
    this.authorizationList = List.copyOf(authorizationList);
    this.v = v;
    this.r = r;
    this.s = s;
    this.yParity = yParity;
    this.encoded = encoded;
  }

  public TransactionType type() {
    return type;
  }

  /** The chain id; null only for a legacy transaction signed without EIP-155. */
  public BigInteger chainId() {
    return chainId;
  }

  /** The nonce, an unsigned 64-bit value (use {@link Long#toUnsignedString(long)} to print). */
  public long nonce() {
    return nonce;
  }

  /**
   * The gas price of a legacy or access-list transaction. Later types have no gas price; for them
   * this is {@link #maxFeePerGas()}, the most the sender may pay per gas.
   */
  public BigInteger gasPrice() {
    return maxFeePerGas;
  }

  /** The tip cap; equal to the gas price for legacy and access-list transactions. */
  public BigInteger maxPriorityFeePerGas() {
    return maxPriorityFeePerGas;
  }

  /** The fee cap; equal to the gas price for legacy and access-list transactions. */
  public BigInteger maxFeePerGas() {
    return maxFeePerGas;
  }

  /** The gas limit, an unsigned 64-bit value. */
  public long gasLimit() {
    return gasLimit;
  }

  /** The recipient, or null for a contract creation. */
  public Address to() {
    return to;
  }

  public BigInteger value() {
    return value;
  }

  /**
   * The call data or init code. The array is shared, not copied, because it can be large and is
   * read on hot paths: callers must treat it as read-only.
   */
  public byte[] data() {
    return data;
  }

  public List<AccessListEntry> accessList() {
    return accessList;
  }

  /** The blob fee cap of a blob transaction; null for other types. */
  public BigInteger maxFeePerBlobGas() {
    return maxFeePerBlobGas;
  }

  public List<Hash> blobVersionedHashes() {
    return blobVersionedHashes;
  }

  public List<Authorization> authorizationList() {
    return authorizationList;
  }

  /** The signature's v as encoded: 27/28 or chainId*2+35/36 for legacy, the y parity otherwise. */
  public BigInteger v() {
    return v;
  }

  public BigInteger r() {
    return r;
  }

  public BigInteger s() {
    return s;
  }

  /** The parity of the signature's R point: the recovery id, 0 or 1. */
  public int yParity() {
    return yParity;
  }

  public boolean isContractCreation() {
    return to == null;
  }

  /** Whether the signature commits to a chain id (every typed and every EIP-155 transaction). */
  public boolean isReplayProtected() {
    return chainId != null;
  }

  /**
   * The canonical network encoding: the RLP list for legacy, {@code type || rlp(payload)}
   * otherwise. The array is shared, not copied: callers must treat it as read-only.
   */
  public byte[] encoded() {
    byte[] e = encoded;
    if (e == null) {
      e = TransactionEncoder.encode(this);
      encoded = e;
    }
    return e;
  }

  public int encodedSize() {
    return encoded().length;
  }

  /** keccak256 of {@link #encoded()}: the transaction hash. */
  public Hash hash() {
    Hash h = hash;
    if (h == null) {
      h = Hash.wrapOwned(Keccak256.hash(encoded()));
      hash = h;
    }
    return h;
  }

  /** The hash the sender signed (EIP-155 or pre-155 for legacy, type-prefixed otherwise). */
  public Hash signingHash() {
    Hash h = signingHash;
    if (h == null) {
      h = Hash.wrapOwned(Keccak256.hash(TransactionEncoder.signingPayload(this)));
      signingHash = h;
    }
    return h;
  }

  /**
   * The address that signed this transaction, recovered on first call and cached (a failure is
   * cached too).
   *
   * @throws InvalidTransactionException with reason INVALID_SENDER when no key recovers
   */
  public Address sender() {
    Object outcome = senderOutcome;
    if (outcome == null) {
      synchronized (senderLock) {
        outcome = senderOutcome;
        if (outcome == null) {
          outcome = recoverSender();
          senderOutcome = outcome;
        }
      }
    }
    if (outcome instanceof Address a) {
      return a;
    }
    InvalidTransactionException cached = (InvalidTransactionException) outcome;
    throw new InvalidTransactionException(cached.reason(), cached.getMessage());
  }

  private Object recoverSender() {
    Address a = SenderRecovery.recoverAddress(signingHash().bytesUnsafe(), r, s, yParity);
    if (a == null) {
      return new InvalidTransactionException(
          Reason.INVALID_SENDER,
          "invalid sender: no public key recovers from the signature of transaction " + hash());
    }
    return a;
  }

  /**
   * The price per gas the sender pays at this base fee: the gas price for legacy and access-list
   * transactions, min(maxFeePerGas, baseFee + maxPriorityFeePerGas) otherwise. Whether the fee cap
   * covers the base fee at all is for the caller to check.
   */
  public BigInteger effectiveGasPrice(BigInteger baseFee) {
    if (!type.hasDynamicFee()) {
      return maxFeePerGas;
    }
    if (baseFee == null) {
      throw new IllegalArgumentException("a base fee is required for a " + type + " transaction");
    }
    return maxFeePerGas.min(baseFee.add(maxPriorityFeePerGas));
  }

  /** The blob gas this transaction consumes: 2^17 per blob. */
  public long blobGas() {
    return GAS_PER_BLOB * blobVersionedHashes.size();
  }

  /**
   * The most this transaction can cost its sender: gasLimit * maxFeePerGas + value, plus blobGas *
   * maxFeePerBlobGas for blob transactions. The balance must cover it up front.
   */
  public BigInteger maxCost() {
    BigInteger cost = unsigned(gasLimit).multiply(maxFeePerGas).add(value);
    if (maxFeePerBlobGas != null) {
      cost = cost.add(BigInteger.valueOf(blobGas()).multiply(maxFeePerBlobGas));
    }
    return cost;
  }

  static BigInteger unsigned(long x) {
    return x >= 0 ? BigInteger.valueOf(x) : BigInteger.valueOf(x).add(BigInteger.ONE.shiftLeft(64));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Transaction t && hash().equals(t.hash());
  }

  @Override
  public int hashCode() {
    return hash().hashCode();
  }

  @Override
  public String toString() {
    return "Transaction["
        + type
        + " hash="
        + hash()
        + " nonce="
        + Long.toUnsignedString(nonce)
        + " to="
        + (to == null ? "create" : to.toHex())
        + " value="
        + value
        + " gasLimit="
        + Long.toUnsignedString(gasLimit)
        + " data="
        + data.length
        + " bytes]";
  }
}
