package io.zgnode.staking;

import io.zgnode.evm.crypto.Keccak256;
import io.zgnode.evm.types.Address;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The module accounts that hold staked and reward tokens. Each address is the last 20 bytes of
 * keccak256("zgnode/&lt;name&gt;"), like the chain's fee collector, so no key can sign for it.
 */
public final class ModuleAccounts {
  /** Tokens delegated to bonded validators. */
  public static final Address BONDED_POOL = derive("zgnode/bonded_pool");

  /** Tokens of unbonding/unbonded validators and of unbonding delegations. */
  public static final Address NOT_BONDED_POOL = derive("zgnode/not_bonded_pool");

  /** Rewards and commission not yet withdrawn, and the community pool. */
  public static final Address DISTRIBUTION = derive("zgnode/distribution");

  /** Where the chain collects transaction fees (same derivation as the chain's). */
  public static final Address FEE_COLLECTOR = derive("zgnode/fee_collector");

  private ModuleAccounts() {}

  public static Address derive(String name) {
    byte[] h = Keccak256.hash(name.getBytes(StandardCharsets.US_ASCII));
    return Address.wrap(Arrays.copyOfRange(h, 12, 32));
  }
}
