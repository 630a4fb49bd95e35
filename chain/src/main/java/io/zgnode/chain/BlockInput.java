package io.zgnode.chain;

import io.zgnode.slashing.block.Misbehavior;
import io.zgnode.slashing.block.VoteInfo;
import java.util.List;

/**
 * A decided block as the state machine sees it: height, consensus time, CometBFT's block hash (the
 * EVM's PREVRANDAO source: unknown before the block is proposed, the same on every node), the
 * transactions, and for the slashing module the votes of the previous block ({@code
 * decided_last_commit}, in CometBFT's order) and the evidence of misbehavior it carries.
 */
public record BlockInput(
    long height,
    long timestampSeconds,
    byte[] proposer,
    byte[] blockHash,
    List<byte[]> txs,
    List<VoteInfo> lastCommit,
    List<Misbehavior> misbehavior) {

  public BlockInput {
    lastCommit = lastCommit == null ? List.of() : List.copyOf(lastCommit);
    misbehavior = misbehavior == null ? List.of() : List.copyOf(misbehavior);
  }

  /** A block without votes or evidence (a chain whose validator set staking does not own). */
  public BlockInput(
      long height, long timestampSeconds, byte[] proposer, byte[] blockHash, List<byte[]> txs) {
    this(height, timestampSeconds, proposer, blockHash, txs, List.of(), List.of());
  }

  public BlockInput(long height, long timestampSeconds, byte[] proposer, List<byte[]> txs) {
    this(height, timestampSeconds, proposer, new byte[0], txs);
  }
}
