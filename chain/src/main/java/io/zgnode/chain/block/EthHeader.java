package io.zgnode.chain.block;

import io.zgnode.evm.types.Address;
import io.zgnode.evm.types.Hash;
import java.math.BigInteger;

/**
 * The Ethereum-style header of one height. Its keccak256 of {@link #rlp()} is the block hash the
 * JSON-RPC reports, so every {@code parentHash} equals the previous block's hash. Post-merge fields
 * carry their post-merge constants (ommers hash of the empty list, zero difficulty, zero nonce);
 * fields a fork introduced are null before that fork and encoded from it on, as Ethereum does.
 *
 * @param withdrawalsRoot Shanghai on (the empty trie root: this chain has no withdrawals), else
 *     null
 * @param blobGasUsed Cancun on (0), else null
 * @param excessBlobGas Cancun on (0), else null
 * @param parentBeaconBlockRoot Cancun on (zero hash), else null
 * @param requestsHash Prague on (sha256 of nothing: no execution-layer requests), else null
 */
public record EthHeader(
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

  /** The header's RLP as Ethereum encodes it. */
  public byte[] rlp() {
    throw new UnsupportedOperationException("TODO");
  }

  /** keccak256 of {@link #rlp()}; computed once per instance. */
  public Hash hash() {
    throw new UnsupportedOperationException("TODO");
  }

  /** Decodes {@link #rlp()}; throws {@link io.zgnode.evm.rlp.RlpException} on bad input. */
  public static EthHeader decode(byte[] rlp) {
    throw new UnsupportedOperationException("TODO");
  }
}
