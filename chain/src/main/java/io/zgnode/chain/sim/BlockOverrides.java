package io.zgnode.chain.sim;

import io.zgnode.evm.processor.BlockContext;
import io.zgnode.evm.types.Address;
import io.zgnode.evm.types.Hash;
import java.math.BigInteger;

/**
 * eth_call's fourth parameter: block fields to pretend for the call (geth's BlockOverrides). Null
 * fields keep the block's value. The fork stays the block's own.
 */
public record BlockOverrides(
    Long number,
    Long time,
    Long gasLimit,
    Address feeRecipient,
    Hash prevRandao,
    BigInteger baseFee,
    BigInteger blobBaseFee) {
  public static final BlockOverrides NONE =
      new BlockOverrides(null, null, null, null, null, null, null);

  public BlockContext applyTo(BlockContext b) {
    return new BlockContext(
        number != null ? number : b.number(),
        time != null ? time : b.timestamp(),
        feeRecipient != null ? feeRecipient : b.coinbase(),
        gasLimit != null ? gasLimit : b.gasLimit(),
        baseFee != null ? baseFee : b.baseFee(),
        b.difficulty(),
        prevRandao != null ? prevRandao : b.prevRandao(),
        blobBaseFee != null ? blobBaseFee : b.blobBaseFee(),
        b.chainId(),
        b.blockHashes());
  }
}
