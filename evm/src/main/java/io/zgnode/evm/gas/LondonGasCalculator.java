package io.zgnode.evm.gas;

import io.zgnode.evm.types.Hash;

/**
 * The London schedule: Istanbul's costs with EIP-2929 (cold/warm access), EIP-2930 (access lists)
 * and EIP-3529 (smaller refunds, no SELFDESTRUCT refund, refund cap of gas used / 5). Paris changed
 * no costs and uses it as is.
 */
public class LondonGasCalculator implements GasCalculator {
  static final LondonGasCalculator INSTANCE = new LondonGasCalculator();

  private static final long SSTORE_SET = 20_000;
  private static final long SSTORE_RESET = 5_000;
  private static final long SSTORE_CLEARS_SCHEDULE = 4_800;

  protected LondonGasCalculator() {}

  @Override
  public long jumpDestCost() {
    return 1;
  }

  @Override
  public long expByteCost() {
    return 50;
  }

  @Override
  public long keccak256Cost() {
    return 30;
  }

  @Override
  public long keccak256WordCost() {
    return 6;
  }

  @Override
  public long copyWordCost() {
    return 3;
  }

  @Override
  public long logCost() {
    return 375;
  }

  @Override
  public long logTopicCost() {
    return 375;
  }

  @Override
  public long logDataByteCost() {
    return 8;
  }

  @Override
  public long warmAccessCost() {
    return 100;
  }

  @Override
  public long coldAccountAccessCost() {
    return 2_600;
  }

  @Override
  public long coldSloadCost() {
    return 2_100;
  }

  @Override
  public long sstoreCost(Hash original, Hash current, Hash newValue) {
    if (current.equals(newValue)) {
      return warmAccessCost();
    }
    if (original.equals(current)) {
      return original.equals(Hash.ZERO) ? SSTORE_SET : SSTORE_RESET - coldSloadCost();
    }
    return warmAccessCost();
  }

  @Override
  public long sstoreRefund(Hash original, Hash current, Hash newValue) {
    if (current.equals(newValue)) {
      return 0;
    }
    Hash zero = Hash.ZERO;
    long refund = 0;
    if (original.equals(current)) {
      if (!original.equals(zero) && newValue.equals(zero)) {
        refund += SSTORE_CLEARS_SCHEDULE;
      }
      return refund;
    }
    if (!original.equals(zero)) {
      if (current.equals(zero)) {
        refund -= SSTORE_CLEARS_SCHEDULE;
      } else if (newValue.equals(zero)) {
        refund += SSTORE_CLEARS_SCHEDULE;
      }
    }
    if (original.equals(newValue)) {
      refund +=
          original.equals(zero)
              ? SSTORE_SET - warmAccessCost()
              : SSTORE_RESET - coldSloadCost() - warmAccessCost();
    }
    return refund;
  }

  @Override
  public long sstoreSentryGas() {
    return 2_300;
  }

  @Override
  public long blockHashCost() {
    return 20;
  }

  @Override
  public long selfBalanceCost() {
    return LOW_TIER;
  }

  @Override
  public long callValueTransferCost() {
    return 9_000;
  }

  @Override
  public long callStipend() {
    return 2_300;
  }

  @Override
  public long newAccountCost() {
    return 25_000;
  }

  @Override
  public long createCost() {
    return 32_000;
  }

  @Override
  public long initCodeWordCost() {
    return 0;
  }

  @Override
  public long create2HashWordCost() {
    return 6;
  }

  @Override
  public long codeDepositByteCost() {
    return 200;
  }

  @Override
  public long selfDestructCost() {
    return 5_000;
  }

  @Override
  public long transientStorageCost() {
    return 0;
  }

  @Override
  public long blobHashCost() {
    return 0;
  }

  @Override
  public long clzCost() {
    return 0;
  }

  @Override
  public long maxRefundQuotient() {
    return 5;
  }

  @Override
  public int maxCodeSize() {
    return 24_576;
  }

  @Override
  public int maxInitCodeSize() {
    return Integer.MAX_VALUE;
  }

  @Override
  public long blobBaseFeeUpdateFraction() {
    return 0;
  }

  @Override
  public long authorizationExistingAccountRefund() {
    return 0;
  }
}
