package io.zgnode.chain.block;

import io.zgnode.evm.rlp.RlpException;
import io.zgnode.evm.rlp.RlpReader;
import io.zgnode.evm.rlp.RlpWriter;
import io.zgnode.evm.types.Address;
import io.zgnode.evm.types.Hash;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Objects;

/**
 * The Ethereum-style header of one height. Its keccak256 of {@link #rlp()} is the block hash the
 * JSON-RPC reports, so every {@code parentHash} equals the previous block's hash. Post-merge fields
 * carry their post-merge constants (ommers hash of the empty list, zero difficulty, zero nonce);
 * fields a fork introduced are null before that fork and encoded from it on, as Ethereum does.
 *
 * <p>A value class rather than a record so that the hash can be computed once per instance; the
 * constructor and accessors are those of the record it replaced. Immutable: the byte arrays are
 * copied in and out.
 */
public final class EthHeader {
  /** keccak256(rlp([])): the ommers hash of every post-merge block. */
  public static final Hash EMPTY_OMMERS_HASH =
      Hash.fromHex("0x1dcc4de8dec75d7aab85b567b6ccd41ad312451b948a7413f0a142fd40d49347");

  /** sha256 of the empty string: EIP-7685's requests hash of a block without requests. */
  public static final Hash EMPTY_REQUESTS_HASH =
      Hash.fromHex("0xe3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");

  /** The size of {@link #logsBloom()}. */
  public static final int BLOOM_BYTES = 256;

  private static final byte[] ZERO_NONCE = new byte[8];

  private final Hash parentHash;
  private final Address coinbase;
  private final Hash stateRoot;
  private final Hash transactionsRoot;
  private final Hash receiptsRoot;
  private final byte[] logsBloom;
  private final long number;
  private final long gasLimit;
  private final long gasUsed;
  private final long timestamp;
  private final byte[] extraData;
  private final Hash mixHash;
  private final BigInteger baseFeePerGas;
  private final Hash withdrawalsRoot;
  private final Long blobGasUsed;
  private final Long excessBlobGas;
  private final Hash parentBeaconBlockRoot;
  private final Hash requestsHash;

  /** Computed on first use; a race computes the same value twice, which is harmless. */
  private volatile Hash hash;

  /**
   * @throws IllegalArgumentException when a required field is null, the bloom is not 256 bytes, or
   *     the fork fields are not a valid prefix (Shanghai's, then Cancun's three, then Prague's)
   */
  public EthHeader(
      Hash parentHash,
      Address coinbase,
      Hash stateRoot,
      Hash transactionsRoot,
      Hash receiptsRoot,
      byte[] logsBloom,
      long number,
      long gasLimit,
      long gasUsed,
      long timestamp,
      byte[] extraData,
      Hash mixHash,
      BigInteger baseFeePerGas,
      Hash withdrawalsRoot,
      Long blobGasUsed,
      Long excessBlobGas,
      Hash parentBeaconBlockRoot,
      Hash requestsHash) {
    this.parentHash = required(parentHash, "parentHash");
    this.coinbase = required(coinbase, "coinbase");
    this.stateRoot = required(stateRoot, "stateRoot");
    this.transactionsRoot = required(transactionsRoot, "transactionsRoot");
    this.receiptsRoot = required(receiptsRoot, "receiptsRoot");
    required(logsBloom, "logsBloom");
    if (logsBloom.length != BLOOM_BYTES) {
      throw new IllegalArgumentException(
          "logsBloom must have " + BLOOM_BYTES + " bytes, got " + logsBloom.length);
    }
    this.logsBloom = logsBloom.clone();
    this.number = number;
    this.gasLimit = gasLimit;
    this.gasUsed = gasUsed;
    this.timestamp = timestamp;
    this.extraData = required(extraData, "extraData").clone();
    this.mixHash = required(mixHash, "mixHash");
    this.baseFeePerGas = required(baseFeePerGas, "baseFeePerGas");
    if (baseFeePerGas.signum() < 0) {
      throw new IllegalArgumentException("baseFeePerGas must not be negative: " + baseFeePerGas);
    }
    boolean cancun = blobGasUsed != null;
    if ((excessBlobGas != null) != cancun || (parentBeaconBlockRoot != null) != cancun) {
      throw new IllegalArgumentException(
          "blobGasUsed, excessBlobGas and parentBeaconBlockRoot come together (Cancun): got "
              + blobGasUsed
              + ", "
              + excessBlobGas
              + ", "
              + parentBeaconBlockRoot);
    }
    if (cancun && withdrawalsRoot == null) {
      throw new IllegalArgumentException("a Cancun header needs withdrawalsRoot (Shanghai)");
    }
    if (requestsHash != null && !cancun) {
      throw new IllegalArgumentException("a Prague header (requestsHash) needs the Cancun fields");
    }
    this.withdrawalsRoot = withdrawalsRoot;
    this.blobGasUsed = blobGasUsed;
    this.excessBlobGas = excessBlobGas;
    this.parentBeaconBlockRoot = parentBeaconBlockRoot;
    this.requestsHash = requestsHash;
  }

  private static <T> T required(T value, String name) {
    if (value == null) {
      throw new IllegalArgumentException("header field " + name + " must not be null");
    }
    return value;
  }

  public Hash parentHash() {
    return parentHash;
  }

  public Address coinbase() {
    return coinbase;
  }

  public Hash stateRoot() {
    return stateRoot;
  }

  public Hash transactionsRoot() {
    return transactionsRoot;
  }

  public Hash receiptsRoot() {
    return receiptsRoot;
  }

  /** A copy of the 256-byte bloom. */
  public byte[] logsBloom() {
    return logsBloom.clone();
  }

  /** Whether the bloom is all zeros, i.e. the block has no logs; without copying the bloom. */
  public boolean hasEmptyBloom() {
    for (byte b : logsBloom) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  public long number() {
    return number;
  }

  public long gasLimit() {
    return gasLimit;
  }

  public long gasUsed() {
    return gasUsed;
  }

  public long timestamp() {
    return timestamp;
  }

  /** A copy of the extra data. */
  public byte[] extraData() {
    return extraData.clone();
  }

  public Hash mixHash() {
    return mixHash;
  }

  public BigInteger baseFeePerGas() {
    return baseFeePerGas;
  }

  /** Shanghai on (the empty trie root: this chain has no withdrawals), else null. */
  public Hash withdrawalsRoot() {
    return withdrawalsRoot;
  }

  /** Cancun on (0), else null. */
  public Long blobGasUsed() {
    return blobGasUsed;
  }

  /** Cancun on (0), else null. */
  public Long excessBlobGas() {
    return excessBlobGas;
  }

  /** Cancun on (zero hash), else null. */
  public Hash parentBeaconBlockRoot() {
    return parentBeaconBlockRoot;
  }

  /** Prague on (sha256 of nothing: no execution-layer requests), else null. */
  public Hash requestsHash() {
    return requestsHash;
  }

  /** The header's RLP as Ethereum encodes it. */
  public byte[] rlp() {
    RlpWriter w = new RlpWriter(640);
    w.startList();
    w.writeBytes(parentHash.bytesUnsafe());
    w.writeBytes(EMPTY_OMMERS_HASH.bytesUnsafe());
    w.writeBytes(coinbase.bytesUnsafe());
    w.writeBytes(stateRoot.bytesUnsafe());
    w.writeBytes(transactionsRoot.bytesUnsafe());
    w.writeBytes(receiptsRoot.bytesUnsafe());
    w.writeBytes(logsBloom);
    w.writeLong(0); // difficulty: zero since the merge
    w.writeLong(number);
    w.writeLong(gasLimit);
    w.writeLong(gasUsed);
    w.writeLong(timestamp);
    w.writeBytes(extraData);
    w.writeBytes(mixHash.bytesUnsafe());
    w.writeBytes(ZERO_NONCE);
    w.writeBigInteger(baseFeePerGas);
    if (withdrawalsRoot != null) {
      w.writeBytes(withdrawalsRoot.bytesUnsafe());
    }
    if (blobGasUsed != null) {
      w.writeLong(blobGasUsed);
      w.writeLong(excessBlobGas);
      w.writeBytes(parentBeaconBlockRoot.bytesUnsafe());
    }
    if (requestsHash != null) {
      w.writeBytes(requestsHash.bytesUnsafe());
    }
    w.endList();
    return w.toByteArray();
  }

  /** keccak256 of {@link #rlp()}; computed once per instance. */
  public Hash hash() {
    Hash h = hash;
    if (h == null) {
      h = Hash.keccak(rlp());
      hash = h;
    }
    return h;
  }

  /**
   * Decodes {@link #rlp()}; throws {@link io.zgnode.evm.rlp.RlpException} on bad input, including a
   * pre-merge header (non-zero difficulty or nonce, or ommers) that this chain cannot represent.
   */
  public static EthHeader decode(byte[] rlp) {
    if (rlp == null) {
      throw new RlpException("header: no bytes");
    }
    RlpReader r = RlpReader.ofSingleItem(rlp).readList();
    Hash parent = Hash.wrapOwned(r.readBytes(32, "parentHash"));
    Hash ommers = Hash.wrapOwned(r.readBytes(32, "ommersHash"));
    if (!ommers.equals(EMPTY_OMMERS_HASH)) {
      throw new RlpException("header: ommersHash " + ommers + " is not the empty list's");
    }
    Address coinbase = Address.wrap(r.readBytes(20, "coinbase"));
    Hash stateRoot = Hash.wrapOwned(r.readBytes(32, "stateRoot"));
    Hash txRoot = Hash.wrapOwned(r.readBytes(32, "transactionsRoot"));
    Hash receiptsRoot = Hash.wrapOwned(r.readBytes(32, "receiptsRoot"));
    byte[] bloom = r.readBytes(BLOOM_BYTES, "logsBloom");
    if (r.readBigInteger(32, "difficulty").signum() != 0) {
      throw new RlpException("header: non-zero difficulty (a pre-merge header)");
    }
    long number = r.readLong("number");
    long gasLimit = r.readLong("gasLimit");
    long gasUsed = r.readLong("gasUsed");
    long timestamp = r.readLong("timestamp");
    byte[] extra = r.readBytes();
    Hash mix = Hash.wrapOwned(r.readBytes(32, "mixHash"));
    if (!Arrays.equals(r.readBytes(8, "nonce"), ZERO_NONCE)) {
      throw new RlpException("header: non-zero nonce (a pre-merge header)");
    }
    if (!r.hasNext()) {
      throw new RlpException("header: no baseFeePerGas (a pre-London header)");
    }
    BigInteger baseFee = r.readBigInteger(32, "baseFeePerGas");
    Hash withdrawals = r.hasNext() ? Hash.wrapOwned(r.readBytes(32, "withdrawalsRoot")) : null;
    Long blobGasUsed = null;
    Long excessBlobGas = null;
    Hash beaconRoot = null;
    if (r.hasNext()) {
      blobGasUsed = r.readLong("blobGasUsed");
      excessBlobGas = r.readLong("excessBlobGas");
      beaconRoot = Hash.wrapOwned(r.readBytes(32, "parentBeaconBlockRoot"));
    }
    Hash requests = r.hasNext() ? Hash.wrapOwned(r.readBytes(32, "requestsHash")) : null;
    r.requireEnd("header");
    return new EthHeader(
        parent,
        coinbase,
        stateRoot,
        txRoot,
        receiptsRoot,
        bloom,
        number,
        gasLimit,
        gasUsed,
        timestamp,
        extra,
        mix,
        baseFee,
        withdrawals,
        blobGasUsed,
        excessBlobGas,
        beaconRoot,
        requests);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EthHeader h
        && number == h.number
        && gasLimit == h.gasLimit
        && gasUsed == h.gasUsed
        && timestamp == h.timestamp
        && parentHash.equals(h.parentHash)
        && coinbase.equals(h.coinbase)
        && stateRoot.equals(h.stateRoot)
        && transactionsRoot.equals(h.transactionsRoot)
        && receiptsRoot.equals(h.receiptsRoot)
        && Arrays.equals(logsBloom, h.logsBloom)
        && Arrays.equals(extraData, h.extraData)
        && mixHash.equals(h.mixHash)
        && baseFeePerGas.equals(h.baseFeePerGas)
        && Objects.equals(withdrawalsRoot, h.withdrawalsRoot)
        && Objects.equals(blobGasUsed, h.blobGasUsed)
        && Objects.equals(excessBlobGas, h.excessBlobGas)
        && Objects.equals(parentBeaconBlockRoot, h.parentBeaconBlockRoot)
        && Objects.equals(requestsHash, h.requestsHash);
  }

  @Override
  public int hashCode() {
    return Objects.hash(parentHash, stateRoot, transactionsRoot, number, timestamp);
  }

  @Override
  public String toString() {
    return "EthHeader[number="
        + Long.toUnsignedString(number)
        + ", hash="
        + hash()
        + ", parentHash="
        + parentHash
        + ", stateRoot="
        + stateRoot
        + ", gasUsed="
        + Long.toUnsignedString(gasUsed)
        + ", timestamp="
        + Long.toUnsignedString(timestamp)
        + "]";
  }
}
