package io.zgnode.evm.gas;

/** Osaka: the CLZ opcode (EIP-7939). */
public class OsakaGasCalculator extends PragueGasCalculator {
  static final OsakaGasCalculator INSTANCE_OSAKA = new OsakaGasCalculator();

  protected OsakaGasCalculator() {}

  @Override
  public long clzCost() {
    return LOW_TIER;
  }
}
