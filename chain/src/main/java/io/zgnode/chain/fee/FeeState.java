package io.zgnode.chain.fee;

import java.math.BigInteger;

/** The fee market state carried from block to block: the base fee the next block charges. */
public record FeeState(BigInteger baseFee) {
  public byte[] encode() {
    return baseFee.toByteArray();
  }

  public static FeeState decode(byte[] bytes) {
    return new FeeState(new BigInteger(bytes));
  }
}
