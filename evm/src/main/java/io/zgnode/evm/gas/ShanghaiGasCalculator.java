package io.zgnode.evm.gas;

/** Shanghai: EIP-3860 limits init code and charges for it per word. */
public class ShanghaiGasCalculator extends LondonGasCalculator {
  static final ShanghaiGasCalculator INSTANCE_SHANGHAI = new ShanghaiGasCalculator();

  protected ShanghaiGasCalculator() {}

  @Override
  public long initCodeWordCost() {
    return 2;
  }

  @Override
  public int maxInitCodeSize() {
    return 2 * maxCodeSize();
  }
}
