package io.zgnode.chain.block;

import io.zgnode.chain.receipt.Receipt;
import io.zgnode.evm.types.Hash;
import java.util.List;

/** A block just made durable by Commit, as listeners (subscriptions, filters) receive it. */
public record CommittedBlock(EthHeader header, Hash hash, BlockBody body, List<Receipt> receipts) {
  public CommittedBlock {
    receipts = List.copyOf(receipts);
  }
}
