package io.zgnode.chain.block;

import io.zgnode.evm.types.Hash;
import java.util.List;

/** The transactions of a committed block in block order: their raw envelopes and their hashes. */
public record BlockBody(List<byte[]> rawTxs, List<Hash> txHashes) {
  public BlockBody {
    rawTxs = List.copyOf(rawTxs);
    txHashes = List.copyOf(txHashes);
  }
}
