package io.zgnode.evm.gas;

import io.zgnode.evm.fork.Fork;
import io.zgnode.evm.types.Hash;

/**
 * The gas schedule of a fork. {@link LondonGasCalculator} holds the London schedule (with EIP-2929
 * warm/cold access, EIP-2930 access lists and EIP-3529 refunds); each later fork's calculator
 * extends the previous one and overrides only what its EIPs changed.
 */
public interface GasCalculator {
  long ZERO_TIER = 0;
  long BASE_TIER = 2;
  long VERY_LOW_TIER = 3;
  long LOW_TIER = 5;
  long MID_TIER = 8;
  long HIGH_TIER = 10;

  /** The calculator for {@code fork}. */
  static GasCalculator forFork(Fork fork) {
    return switch (fork) {
      case LONDON, PARIS -> LondonGasCalculator.INSTANCE;
      case SHANGHAI -> ShanghaiGasCalculator.INSTANCE_SHANGHAI;
      case CANCUN -> CancunGasCalculator.INSTANCE_CANCUN;
      case PRAGUE -> PragueGasCalculator.INSTANCE_PRAGUE;
      case OSAKA -> OsakaGasCalculator.INSTANCE_OSAKA;
    };
  }

  long jumpDestCost();

  /** EXP: the cost per byte of the exponent. */
  long expByteCost();

  long keccak256Cost();

  long keccak256WordCost();

  /** CALLDATACOPY, CODECOPY, RETURNDATACOPY, EXTCODECOPY, MCOPY: per 32-byte word copied. */
  long copyWordCost();

  long logCost();

  long logTopicCost();

  long logDataByteCost();

  /** EIP-2929: an access to an address or slot already in the access list. */
  long warmAccessCost();

  long coldAccountAccessCost();

  long coldSloadCost();

  /** The cost of SSTORE beyond the cold surcharge, by EIP-2200 with EIP-2929/3529 numbers. */
  long sstoreCost(Hash original, Hash current, Hash newValue);

  /** The change of the refund counter an SSTORE makes (may be negative). */
  long sstoreRefund(Hash original, Hash current, Hash newValue);

  /** EIP-2200: SSTORE fails unless more gas than this remains. */
  long sstoreSentryGas();

  long blockHashCost();

  long selfBalanceCost();

  long callValueTransferCost();

  long callStipend();

  long newAccountCost();

  long createCost();

  /** EIP-3860: per 32-byte word of init code (0 before Shanghai). */
  long initCodeWordCost();

  /** CREATE2: per 32-byte word of init code hashed for the address. */
  long create2HashWordCost();

  long codeDepositByteCost();

  long selfDestructCost();

  /** EIP-1153 (0 before Cancun: the opcodes do not exist). */
  long transientStorageCost();

  long blobHashCost();

  /** EIP-7939 CLZ (Osaka). */
  long clzCost();

  /** EIP-3529: the refund is capped at gas used divided by this. */
  long maxRefundQuotient();

  /** EIP-170. */
  int maxCodeSize();

  /** EIP-3860 ({@link Integer#MAX_VALUE} before Shanghai). */
  int maxInitCodeSize();

  /** The blob base fee update fraction of EIP-4844 (EIP-7691 raised it in Prague). */
  long blobBaseFeeUpdateFraction();

  /** EIP-7702: the refund when an authorization targets an account that already exists. */
  long authorizationExistingAccountRefund();

  /** Memory of {@code words} 32-byte words: 3 per word plus words^2 / 512. */
  default long memoryCost(long words) {
    return 3 * words + words * words / 512;
  }

  /** The cost of copying {@code length} bytes (saturating at Long.MAX_VALUE). */
  default long copyCost(long length) {
    return wordCost(copyWordCost(), length);
  }

  /** {@code perWord} times the 32-byte words in {@code length}, saturating at Long.MAX_VALUE. */
  static long wordCost(long perWord, long length) {
    long words = (length >>> 5) + ((length & 31) == 0 ? 0 : 1);
    long hi = Math.multiplyHigh(words, perWord);
    long lo = words * perWord;
    return hi != 0 || lo < 0 ? Long.MAX_VALUE : lo;
  }

  /** a + b for non-negative costs, saturating at Long.MAX_VALUE. */
  static long add(long a, long b) {
    long r = a + b;
    return r < 0 ? Long.MAX_VALUE : r;
  }
}
