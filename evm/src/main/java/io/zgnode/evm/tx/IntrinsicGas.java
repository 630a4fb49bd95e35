package io.zgnode.evm.tx;

import io.zgnode.evm.fork.Fork;

/**
 * The gas a transaction costs before any code runs, and the EIP-7623 calldata floor. All sums use
 * exact arithmetic and saturate at {@link Long#MAX_VALUE} instead of wrapping, so an absurd input
 * yields a cost no accepted gas limit can meet.
 */
public final class IntrinsicGas {
  public static final long TX_BASE = 21_000;
  public static final long TX_CREATE = 32_000;
  public static final long TX_DATA_ZERO = 4;
  public static final long TX_DATA_NON_ZERO = 16;
  public static final long INITCODE_WORD = 2;
  public static final long ACCESS_LIST_ADDRESS = 2_400;
  public static final long ACCESS_LIST_STORAGE_KEY = 1_900;
  public static final long PER_EMPTY_ACCOUNT = 25_000;
  public static final long FLOOR_PER_TOKEN = 10;

  private IntrinsicGas() {}

  /** The intrinsic gas of {@code tx} under {@code fork}'s rules. */
  public static long intrinsicGas(Transaction tx, Fork fork) {
    int keys = 0;
    for (AccessListEntry e : tx.accessList()) {
      keys += e.storageKeys().size();
    }
    return intrinsicGas(
        tx.data(),
        tx.isContractCreation(),
        tx.accessList().size(),
        keys,
        tx.authorizationList().size(),
        fork);
  }

  /** The intrinsic gas of a transaction described by its parts. */
  public static long intrinsicGas(
      byte[] data,
      boolean contractCreation,
      long accessListAddresses,
      long accessListStorageKeys,
      long authorizations,
      Fork fork) {
    try {
      long gas = TX_BASE;
      long zeros = countZeros(data);
      long nonZeros = data.length - zeros;
      gas = Math.addExact(gas, Math.multiplyExact(zeros, TX_DATA_ZERO));
      gas = Math.addExact(gas, Math.multiplyExact(nonZeros, TX_DATA_NON_ZERO));
      if (contractCreation) {
        gas = Math.addExact(gas, TX_CREATE);
        if (fork.isAtLeast(Fork.SHANGHAI)) {
          // EIP-3860: init code is charged per 32-byte word.
          long words = (data.length + 31L) / 32;
          gas = Math.addExact(gas, Math.multiplyExact(words, INITCODE_WORD));
        }
      }
      gas = Math.addExact(gas, Math.multiplyExact(accessListAddresses, ACCESS_LIST_ADDRESS));
      gas = Math.addExact(gas, Math.multiplyExact(accessListStorageKeys, ACCESS_LIST_STORAGE_KEY));
      if (fork.isAtLeast(Fork.PRAGUE)) {
        gas = Math.addExact(gas, Math.multiplyExact(authorizations, PER_EMPTY_ACCOUNT));
      }
      return gas;
    } catch (ArithmeticException overflow) {
      return Long.MAX_VALUE;
    }
  }

  /**
   * The EIP-7623 minimum a transaction pays for its calldata from Prague on: 21000 + 10 * tokens,
   * where tokens = zero bytes + 4 * non-zero bytes.
   */
  public static long floorDataGas(Transaction tx) {
    return floorDataGas(tx.data());
  }

  public static long floorDataGas(byte[] data) {
    long zeros = countZeros(data);
    long tokens = zeros + 4 * (data.length - zeros);
    try {
      return Math.addExact(TX_BASE, Math.multiplyExact(tokens, FLOOR_PER_TOKEN));
    } catch (ArithmeticException overflow) {
      return Long.MAX_VALUE;
    }
  }

  /** EIP-7623 tokens in calldata: zero bytes count 1, non-zero bytes 4. */
  public static long calldataTokens(byte[] data) {
    long zeros = countZeros(data);
    return zeros + 4 * (data.length - zeros);
  }

  private static long countZeros(byte[] data) {
    long zeros = 0;
    for (byte b : data) {
      if (b == 0) {
        zeros++;
      }
    }
    return zeros;
  }
}
