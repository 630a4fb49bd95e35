package io.zgnode.evm.gas;

/**
 * Prague: EIP-7702 authorizations (a refund when the authority already exists) and EIP-7691's blob
 * fee update fraction. The EIP-7623 calldata floor is in {@link io.zgnode.evm.tx.IntrinsicGas}.
 */
public class PragueGasCalculator extends CancunGasCalculator {
  static final PragueGasCalculator INSTANCE_PRAGUE = new PragueGasCalculator();

  /** EIP-7702: PER_EMPTY_ACCOUNT_COST - PER_AUTH_BASE_COST. */
  private static final long EXISTING_AUTHORITY_REFUND = 25_000 - 12_500;

  protected PragueGasCalculator() {}

  @Override
  public long blobBaseFeeUpdateFraction() {
    return 5_007_716;
  }

  @Override
  public long authorizationExistingAccountRefund() {
    return EXISTING_AUTHORITY_REFUND;
  }
}
