package io.zgnode.evm.gas;

import java.math.BigInteger;

/** EIP-4844 blob gas pricing. */
public final class BlobFees {
  /** MIN_BASE_FEE_PER_BLOB_GAS. */
  public static final BigInteger MIN_BLOB_BASE_FEE = BigInteger.ONE;

  private BlobFees() {}

  /** The blob base fee for a block with {@code excessBlobGas}, under {@code calculator}'s fork. */
  public static BigInteger blobBaseFee(long excessBlobGas, GasCalculator calculator) {
    long fraction = calculator.blobBaseFeeUpdateFraction();
    if (fraction == 0) {
      return BigInteger.ZERO; // no blobs before Cancun
    }
    return fakeExponential(
        MIN_BLOB_BASE_FEE, unsigned(excessBlobGas), BigInteger.valueOf(fraction));
  }

  /** factor * e^(numerator / denominator), by the Taylor series of EIP-4844, in integers. */
  public static BigInteger fakeExponential(
      BigInteger factor, BigInteger numerator, BigInteger denominator) {
    BigInteger output = BigInteger.ZERO;
    BigInteger accum = factor.multiply(denominator);
    for (int i = 1; accum.signum() > 0; i++) {
      output = output.add(accum);
      accum = accum.multiply(numerator).divide(denominator.multiply(BigInteger.valueOf(i)));
    }
    return output.divide(denominator);
  }

  private static BigInteger unsigned(long v) {
    BigInteger b = BigInteger.valueOf(v);
    return v >= 0 ? b : b.add(BigInteger.ONE.shiftLeft(64));
  }
}
