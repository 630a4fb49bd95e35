package io.zgnode.evm.tx;

import io.zgnode.evm.crypto.Secp256k1;
import io.zgnode.evm.types.Address;
import io.zgnode.evm.types.Hash;
import java.math.BigInteger;
import java.util.List;

/**
 * Builds and signs transactions of every type, for tests, tools and benchmarks. Not thread-safe; a
 * builder may sign several transactions (e.g. with increasing nonces).
 *
 * <pre>{@code
 * Transaction tx = TransactionBuilder.eip1559()
 *     .chainId(16600).nonce(0).maxPriorityFeePerGas(1).maxFeePerGas(2_000_000_000L)
 *     .gasLimit(21_000).to(recipient).value(1).sign(privateKey);
 * }</pre>
 *
 * <p>Defaults: nonce 0, value 0, empty data and lists. The fees, the gas limit and (for typed
 * transactions) the chain id must be set. A legacy transaction without a chain id is signed without
 * EIP-155.
 */
public final class TransactionBuilder {
  private final TransactionType type;
  private BigInteger chainId;
  private long nonce;
  private BigInteger gasPrice;
  private BigInteger maxPriorityFeePerGas;
  private BigInteger maxFeePerGas;
  private Long gasLimit;
  private Address to;
  private BigInteger value = BigInteger.ZERO;
  private byte[] data = new byte[0];
  private List<AccessListEntry> accessList = List.of();
  private BigInteger maxFeePerBlobGas;
  private List<Hash> blobVersionedHashes = List.of();
  private List<Authorization> authorizationList = List.of();

  private TransactionBuilder(TransactionType type) {
    this.type = type;
  }

  public static TransactionBuilder of(TransactionType type) {
    if (type == null) {
      throw new IllegalArgumentException("transaction type is required");
    }
    return new TransactionBuilder(type);
  }

  public static TransactionBuilder legacy() {
    return of(TransactionType.LEGACY);
  }

  public static TransactionBuilder accessList() {
    return of(TransactionType.ACCESS_LIST);
  }

  public static TransactionBuilder eip1559() {
    return of(TransactionType.EIP1559);
  }

  public static TransactionBuilder blob() {
    return of(TransactionType.BLOB);
  }

  public static TransactionBuilder setCode() {
    return of(TransactionType.SET_CODE);
  }

  /** The chain id; null (the default) makes a legacy transaction without EIP-155. */
  public TransactionBuilder chainId(BigInteger chainId) {
    this.chainId = chainId == null ? null : uint256(chainId, "chainId");
    return this;
  }

  public TransactionBuilder chainId(long chainId) {
    return chainId(BigInteger.valueOf(chainId));
  }

  /** The nonce, as an unsigned 64-bit value. */
  public TransactionBuilder nonce(long nonce) {
    this.nonce = nonce;
    return this;
  }

  /** The gas price of a legacy or access-list transaction. */
  public TransactionBuilder gasPrice(BigInteger gasPrice) {
    this.gasPrice = uint256(gasPrice, "gasPrice");
    return this;
  }

  public TransactionBuilder gasPrice(long gasPrice) {
    return gasPrice(BigInteger.valueOf(gasPrice));
  }

  public TransactionBuilder maxPriorityFeePerGas(BigInteger fee) {
    this.maxPriorityFeePerGas = uint256(fee, "maxPriorityFeePerGas");
    return this;
  }

  public TransactionBuilder maxPriorityFeePerGas(long fee) {
    return maxPriorityFeePerGas(BigInteger.valueOf(fee));
  }

  public TransactionBuilder maxFeePerGas(BigInteger fee) {
    this.maxFeePerGas = uint256(fee, "maxFeePerGas");
    return this;
  }

  public TransactionBuilder maxFeePerGas(long fee) {
    return maxFeePerGas(BigInteger.valueOf(fee));
  }

  /** The gas limit, as an unsigned 64-bit value. */
  public TransactionBuilder gasLimit(long gasLimit) {
    this.gasLimit = gasLimit;
    return this;
  }

  /** The recipient; null (the default) creates a contract. */
  public TransactionBuilder to(Address to) {
    this.to = to;
    return this;
  }

  public TransactionBuilder value(BigInteger value) {
    this.value = uint256(value, "value");
    return this;
  }

  public TransactionBuilder value(long value) {
    return value(BigInteger.valueOf(value));
  }

  /** The call data or init code (copied). */
  public TransactionBuilder data(byte[] data) {
    if (data == null) {
      throw new IllegalArgumentException("data must not be null (use an empty array)");
    }
    this.data = data.clone();
    return this;
  }

  public TransactionBuilder accessList(List<AccessListEntry> accessList) {
    this.accessList = List.copyOf(accessList);
    return this;
  }

  public TransactionBuilder maxFeePerBlobGas(BigInteger fee) {
    this.maxFeePerBlobGas = uint256(fee, "maxFeePerBlobGas");
    return this;
  }

  public TransactionBuilder maxFeePerBlobGas(long fee) {
    return maxFeePerBlobGas(BigInteger.valueOf(fee));
  }

  public TransactionBuilder blobVersionedHashes(List<Hash> hashes) {
    this.blobVersionedHashes = List.copyOf(hashes);
    return this;
  }

  public TransactionBuilder authorizationList(List<Authorization> authorizations) {
    this.authorizationList = List.copyOf(authorizations);
    return this;
  }

  /** Signs with a private key (deterministic nonce, low s). */
  public Transaction sign(BigInteger privateKey) {
    Transaction unsigned = assemble(BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, 0);
    Secp256k1.Signature sig = Secp256k1.sign(unsigned.signingHash().bytesUnsafe(), privateKey);
    return assemble(vFor(sig.recoveryId()), sig.r(), sig.s(), sig.recoveryId());
  }

  /**
   * Attaches a given signature without checking it, for building test vectors (including invalid
   * ones). {@code yParity} is 0 or 1; v is derived from it for legacy transactions.
   */
  public Transaction withSignature(int yParity, BigInteger r, BigInteger s) {
    if (yParity != 0 && yParity != 1) {
      throw new IllegalArgumentException("yParity must be 0 or 1, got " + yParity);
    }
    return assemble(vFor(yParity), uint256(r, "r"), uint256(s, "s"), yParity);
  }

  private BigInteger vFor(int yParity) {
    if (type != TransactionType.LEGACY) {
      return BigInteger.valueOf(yParity);
    }
    if (chainId == null) {
      return BigInteger.valueOf(27L + yParity);
    }
    return chainId.shiftLeft(1).add(BigInteger.valueOf(35L + yParity));
  }

  private Transaction assemble(BigInteger v, BigInteger r, BigInteger s, int yParity) {
    if (gasLimit == null) {
      throw new IllegalStateException("gasLimit is required");
    }
    BigInteger priority;
    BigInteger max;
    if (type.hasDynamicFee()) {
      if (maxFeePerGas == null || maxPriorityFeePerGas == null) {
        throw new IllegalStateException(
            type + " transaction needs maxFeePerGas and maxPriorityFeePerGas");
      }
      if (gasPrice != null) {
        throw new IllegalStateException(type + " transaction has no gasPrice; use the fee caps");
      }
      priority = maxPriorityFeePerGas;
      max = maxFeePerGas;
    } else {
      if (gasPrice == null) {
        throw new IllegalStateException(type + " transaction needs a gasPrice");
      }
      if (maxFeePerGas != null || maxPriorityFeePerGas != null) {
        throw new IllegalStateException(type + " transaction has no fee caps; use gasPrice");
      }
      priority = gasPrice;
      max = gasPrice;
    }
    if (type != TransactionType.LEGACY && chainId == null) {
      throw new IllegalStateException(type + " transaction needs a chainId");
    }
    if (type == TransactionType.LEGACY && !accessList.isEmpty()) {
      throw new IllegalStateException("a legacy transaction has no access list");
    }
    boolean blob = type == TransactionType.BLOB;
    boolean setCode = type == TransactionType.SET_CODE;
    if ((blob || setCode) && to == null) {
      throw new IllegalStateException(type + " transaction cannot create a contract: set 'to'");
    }
    if (blob != (maxFeePerBlobGas != null)) {
      throw new IllegalStateException("maxFeePerBlobGas is set exactly for blob transactions");
    }
    if (!blob && !blobVersionedHashes.isEmpty()) {
      throw new IllegalStateException("only blob transactions carry blob hashes");
    }
    if (!setCode && !authorizationList.isEmpty()) {
      throw new IllegalStateException("only set-code transactions carry authorizations");
    }
    return new Transaction(
        type,
        chainId,
        nonce,
        priority,
        max,
        gasLimit,
        to,
        value,
        data,
        accessList,
        maxFeePerBlobGas,
        blobVersionedHashes,
        authorizationList,
        v,
        r,
        s,
        yParity,
        null);
  }

  private static BigInteger uint256(BigInteger v, String what) {
    if (v == null || v.signum() < 0 || v.bitLength() > 256) {
      throw new IllegalArgumentException(what + " must be an unsigned 256-bit integer: " + v);
    }
    return v;
  }
}
