package io.zgnode.chain.receipt;

import io.zgnode.evm.rlp.RlpWriter;
import io.zgnode.evm.types.Address;
import io.zgnode.evm.types.Hash;
import io.zgnode.evm.world.Log;
import java.math.BigInteger;
import java.util.List;

/**
 * What the JSON-RPC layer needs to answer eth_getTransactionReceipt, kept at Commit beside the
 * state: the consensus receipt fields (EIP-2718 type, status, cumulative gas, bloom, logs) and the
 * context a client expects (where it was included, who sent it, the created contract, the price).
 */
public record Receipt(
    Hash txHash,
    long height,
    int index,
    int txType,
    boolean success,
    long gasUsed,
    long cumulativeGasUsed,
    BigInteger effectiveGasPrice,
    Address from,
    Address to,
    Address contractAddress,
    List<Log> logs,
    int firstLogIndex) {

  public Receipt {
    logs = List.copyOf(logs);
  }

  public byte[] bloom() {
    return LogsBloom.of(logs);
  }

  /**
   * The receipt as Ethereum encodes it in the receipts trie: {@code rlp([status, cumulativeGasUsed,
   * bloom, logs])}, prefixed by the type byte for typed transactions.
   */
  public byte[] consensusEncoding() {
    return consensusEncoding(bloom());
  }

  /**
   * {@link #consensusEncoding()} with the receipt's {@link #bloom()} already computed (it costs a
   * keccak per address and topic, and block assembly needs it anyway for the header's bloom).
   *
   * @throws IllegalArgumentException when {@code bloom} is not 256 bytes
   */
  public byte[] consensusEncoding(byte[] bloom) {
    if (bloom.length != LogsBloom.BYTES) {
      throw new IllegalArgumentException(
          "a receipt bloom has " + LogsBloom.BYTES + " bytes, got " + bloom.length);
    }
    RlpWriter w = new RlpWriter(256 + 64 * logs.size());
    w.startList();
    w.writeLong(success ? 1 : 0);
    w.writeLong(cumulativeGasUsed);
    w.writeBytes(bloom);
    Log.writeRlp(w, logs);
    w.endList();
    byte[] body = w.toByteArray();
    if (txType == 0) {
      return body;
    }
    byte[] typed = new byte[body.length + 1];
    typed[0] = (byte) txType;
    System.arraycopy(body, 0, typed, 1, body.length);
    return typed;
  }
}
