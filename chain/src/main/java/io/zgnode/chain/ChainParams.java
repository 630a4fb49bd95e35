package io.zgnode.chain;

import io.zgnode.evm.fork.Fork;
import io.zgnode.evm.types.Address;
import io.zgnode.genesis.AppGenesis;
import io.zgnode.genesis.FeeMarketParams;
import io.zgnode.staking.ModuleAccounts;
import java.math.BigInteger;

/**
 * The parameters the state machine runs with, fixed at genesis and stored in the module state so a
 * restarted node does not need the genesis file again.
 */
public record ChainParams(String cometChainId, AppGenesis genesis) {

  /**
   * Where transaction fees go. Ethereum burns the base fee and pays the tip to the block's
   * coinbase; a Cosmos chain pays all fees to its validators, so both parts are collected here and
   * distributed by the staking module: the same account as {@link ModuleAccounts#FEE_COLLECTOR}
   * (the last 20 bytes of keccak256("zgnode/fee_collector")).
   */
  public static final Address FEE_COLLECTOR = ModuleAccounts.FEE_COLLECTOR;

  public BigInteger evmChainId() {
    return BigInteger.valueOf(genesis.evmChainId());
  }

  public FeeMarketParams feeMarket() {
    return genesis.feeMarket();
  }

  public Fork forkAt(long height) {
    return genesis.evm().forkAt(height);
  }
}
