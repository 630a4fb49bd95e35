package io.zgnode.evm.gas;

/**
 * Cancun: EIP-1153 transient storage (TLOAD/TSTORE at the warm access cost), EIP-4844 BLOBHASH and
 * the blob base fee; MCOPY (EIP-5656) uses the ordinary copy costs.
 */
public class CancunGasCalculator extends ShanghaiGasCalculator {
  static final CancunGasCalculator INSTANCE_CANCUN = new CancunGasCalculator();

  protected CancunGasCalculator() {}

  @Override
  public long transientStorageCost() {
    return warmAccessCost();
  }

  @Override
  public long blobHashCost() {
    return VERY_LOW_TIER;
  }

  @Override
  public long blobBaseFeeUpdateFraction() {
    return 3_338_477;
  }
}
