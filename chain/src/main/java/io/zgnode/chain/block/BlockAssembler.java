package io.zgnode.chain.block;

import io.zgnode.chain.receipt.LogsBloom;
import io.zgnode.chain.receipt.Receipt;
import io.zgnode.evm.fork.Fork;
import io.zgnode.evm.rlp.Rlp;
import io.zgnode.evm.types.Address;
import io.zgnode.evm.types.Hash;
import io.zgnode.state.trie.MerklePatriciaTrie;
import io.zgnode.state.trie.NodeStore;
import java.math.BigInteger;
import java.util.List;

/**
 * Builds the Ethereum header of a height from what its execution produced: the roots of its
 * transactions and receipts tries, the union of the receipts' blooms, and the fork's fields with
 * the values a chain without withdrawals, blobs or requests has.
 */
public final class BlockAssembler {
  private BlockAssembler() {}

  /**
   * The root of the trie Ethereum builds over a block's list (transactions, receipts): key {@code
   * rlp(index)}, value the item's bytes. A plain trie, not the secure (key-hashed) one.
   */
  public static Hash indexedRoot(List<byte[]> values) {
    if (values.isEmpty()) {
      return Hash.EMPTY_TRIE;
    }
    MerklePatriciaTrie trie = new MerklePatriciaTrie(NodeStore.EMPTY);
    byte[][] keys = new byte[values.size()][];
    byte[][] items = new byte[values.size()][];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = Rlp.encodeLong(i);
      items[i] = values.get(i);
    }
    trie.putAll(keys, items);
    return trie.rootHash();
  }

  /**
   * The header of an executed block.
   *
   * @param rawTxs the envelopes of the included transactions (those with a receipt), in order
   * @param receipts their receipts, in the same order
   * @param baseFee the base fee the block ran with
   */
  public static EthHeader header(
      Fork fork,
      Hash parentHash,
      Address coinbase,
      Hash stateRoot,
      List<byte[]> rawTxs,
      List<Receipt> receipts,
      long number,
      long gasLimit,
      long gasUsed,
      long timestamp,
      Hash mixHash,
      BigInteger baseFee) {
    if (rawTxs.size() != receipts.size()) {
      throw new IllegalArgumentException(
          rawTxs.size() + " transactions but " + receipts.size() + " receipts");
    }
    byte[] bloom = new byte[LogsBloom.BYTES];
    byte[][] encoded = new byte[receipts.size()][];
    for (int i = 0; i < encoded.length; i++) {
      Receipt r = receipts.get(i);
      byte[] b = r.bloom();
      LogsBloom.merge(bloom, b);
      encoded[i] = r.consensusEncoding(b);
    }
    return withForkFields(
        fork,
        parentHash,
        coinbase,
        stateRoot,
        indexedRoot(rawTxs),
        indexedRoot(List.of(encoded)),
        bloom,
        number,
        gasLimit,
        gasUsed,
        timestamp,
        mixHash,
        baseFee);
  }

  /** The genesis header: no parent, no transactions, the genesis state. */
  public static EthHeader genesis(
      Fork fork, Hash stateRoot, long number, long gasLimit, long timestamp, BigInteger baseFee) {
    return withForkFields(
        fork,
        Hash.ZERO,
        Address.ZERO,
        stateRoot,
        Hash.EMPTY_TRIE,
        Hash.EMPTY_TRIE,
        new byte[LogsBloom.BYTES],
        number,
        gasLimit,
        0,
        timestamp,
        Hash.ZERO,
        baseFee);
  }

  private static EthHeader withForkFields(
      Fork fork,
      Hash parentHash,
      Address coinbase,
      Hash stateRoot,
      Hash txRoot,
      Hash receiptsRoot,
      byte[] bloom,
      long number,
      long gasLimit,
      long gasUsed,
      long timestamp,
      Hash mixHash,
      BigInteger baseFee) {
    boolean shanghai = fork.isAtLeast(Fork.SHANGHAI);
    boolean cancun = fork.isAtLeast(Fork.CANCUN);
    boolean prague = fork.isAtLeast(Fork.PRAGUE);
    return new EthHeader(
        parentHash,
        coinbase,
        stateRoot,
        txRoot,
        receiptsRoot,
        bloom,
        number,
        gasLimit,
        gasUsed,
        timestamp,
        new byte[0],
        mixHash,
        baseFee,
        shanghai ? Hash.EMPTY_TRIE : null,
        cancun ? 0L : null,
        cancun ? 0L : null,
        cancun ? Hash.ZERO : null,
        prague ? EthHeader.EMPTY_REQUESTS_HASH : null);
  }
}
