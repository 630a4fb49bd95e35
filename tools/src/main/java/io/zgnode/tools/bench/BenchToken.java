package io.zgnode.tools.bench;

import io.zgnode.evm.bytes.Hex;
import io.zgnode.evm.types.Address;
import java.math.BigInteger;

/**
 * A minimal token for load tests, hand-assembled so the benchmark needs no compiler: {@code
 * transfer(address,uint256)} (selector a9059cbb) moves balance and emits the ERC-20 {@code
 * Transfer(address,address,uint256)} event, {@code balanceOf(address)} (70a08231) reads it; any
 * other call reverts. A balance lives in the storage slot equal to the holder's address (not
 * Solidity's layout). The deployer starts with 2^255 tokens. The storage and log work per transfer
 * is that of an ERC-20 transfer: two SLOADs, two SSTOREs, one LOG3.
 */
final class BenchToken {
  /** Init code: SSTORE(CALLER, 2^255), then CODECOPY/RETURN of the runtime. */
  static final byte[] INIT_CODE =
      Hex.decode(
          "0x7f800000000000000000000000000000000000000000000000000000000000000033556085602f6000"
              + "3960856000f360003560e01c8063a9059cbb1461002d57806370a082311461002057600080fd5b60"
              + "04355460005260206000f35b602435335481811061008057819003335580600435540160043555"
              + "600052600435337fddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef"
              + "60206000a3600160005260206000f35b600080fd");

  private BenchToken() {}

  /** Calldata of {@code transfer(to, amount)}. */
  static byte[] transfer(Address to, BigInteger amount) {
    byte[] data = new byte[4 + 64];
    data[0] = (byte) 0xa9;
    data[1] = (byte) 0x05;
    data[2] = (byte) 0x9c;
    data[3] = (byte) 0xbb;
    System.arraycopy(to.bytesUnsafe(), 0, data, 4 + 12, 20);
    byte[] a = amount.toByteArray();
    int n = Math.min(a.length, 32);
    System.arraycopy(a, a.length - n, data, 4 + 64 - n, n);
    return data;
  }

  /** Calldata of {@code balanceOf(holder)}. */
  static byte[] balanceOf(Address holder) {
    byte[] data = new byte[4 + 32];
    data[0] = (byte) 0x70;
    data[1] = (byte) 0xa0;
    data[2] = (byte) 0x82;
    data[3] = (byte) 0x31;
    System.arraycopy(holder.bytesUnsafe(), 0, data, 4 + 12, 20);
    return data;
  }
}
