package io.zgnode.chain;

import java.util.List;

/**
 * A decided block as the state machine sees it: height, consensus time, CometBFT's block hash (the
 * EVM's PREVRANDAO source: unknown before the block is proposed, the same on every node) and the
 * transactions.
 */
public record BlockInput(
    long height, long timestampSeconds, byte[] proposer, byte[] blockHash, List<byte[]> txs) {

  public BlockInput(long height, long timestampSeconds, byte[] proposer, List<byte[]> txs) {
    this(height, timestampSeconds, proposer, new byte[0], txs);
  }
}
