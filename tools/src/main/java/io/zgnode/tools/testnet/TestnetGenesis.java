package io.zgnode.tools.testnet;

import io.zgnode.chain.validators.GenesisSections;
import io.zgnode.evm.crypto.Secp256k1;
import io.zgnode.evm.crypto.hd.HdKeys;
import io.zgnode.evm.types.Address;
import io.zgnode.genesis.AppGenesis;
import io.zgnode.genesis.EvmGenesis;
import io.zgnode.genesis.FeeMarketParams;
import io.zgnode.genesis.ForkActivation;
import io.zgnode.genesis.GenesisAccount;
import io.zgnode.genesis.GenesisValidator;
import io.zgnode.genesis.SlashingSection;
import io.zgnode.genesis.StakingSection;
import io.zgnode.tools.devnet.DevAccounts;
import io.zgnode.tools.devnet.Devnet;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The application genesis of a local network: the devnet's 10 development accounts, plus one
 * operator account per node that pays that node's self-delegation. Node {@code i} stakes {@code (i
 * + 1) x 100} tokens, so its CometBFT power is {@code (i + 1) x 100} and every node's power differs
 * (tests can tell them apart and stop the weakest without halting the chain).
 */
public final class TestnetGenesis {
  /** Operator of node {@code i}: development mnemonic account {@code OPERATOR_INDEX_BASE + i}. */
  public static final int OPERATOR_INDEX_BASE = 100;

  /** One token of 18 decimals; also the staking power reduction (power = tokens / 10^18). */
  public static final BigInteger TOKEN = BigInteger.TEN.pow(18);

  /** Whole tokens staked per unit of node number: node i stakes (i + 1) x this. */
  public static final long STAKE_STEP_TOKENS = 100;

  /** What an operator keeps beside its stake, for gas (edit, unjail, delegate). */
  public static final BigInteger OPERATOR_SPARE = Devnet.BALANCE_PER_ACCOUNT;

  /**
   * One node's validator as the genesis creates it.
   *
   * @param consensusPubKey the node's ed25519 key from config/priv_validator_key.json
   */
  public record Member(int index, String moniker, byte[] consensusPubKey) {
    public Member {
      consensusPubKey = consensusPubKey.clone();
    }

    @Override
    public byte[] consensusPubKey() {
      return consensusPubKey.clone();
    }
  }

  private TestnetGenesis() {}

  /** The derivation path of node {@code i}'s operator key (m/44'/60'/0'/0/(100 + i)). */
  public static String operatorPath(int i) {
    return HdKeys.ETH_PATH_PREFIX + (OPERATOR_INDEX_BASE + i);
  }

  /** Node {@code i}'s operator private key, from the public development mnemonic. */
  public static BigInteger operatorKey(int i) {
    return HdKeys.account(DevAccounts.MNEMONIC, OPERATOR_INDEX_BASE + i);
  }

  public static Address operator(int i) {
    return Secp256k1.address(operatorKey(i));
  }

  /** The consensus power of node {@code i}: (i + 1) x 100. */
  public static long power(int i) {
    return STAKE_STEP_TOKENS * (i + 1);
  }

  /** Node {@code i}'s self-delegation in the smallest unit. */
  public static BigInteger stake(int i) {
    return BigInteger.valueOf(power(i)).multiply(TOKEN);
  }

  /** Checks slashing parameters before anything is written; a bad one is a GenesisException. */
  public static void checkSlashingParams(Map<String, String> slashingParams) {
    GenesisSections.slashingParams(new SlashingSection(slashingParams));
  }

  /**
   * The genesis: development accounts with the devnet balance, each operator with its stake plus
   * {@link #OPERATOR_SPARE}, one validator per member in member order, default staking params and
   * {@code slashingParams} (unset fields take the slashing defaults).
   *
   * @throws io.zgnode.genesis.GenesisException for a bad slashing parameter
   */
  public static AppGenesis build(
      long evmChainId, List<Member> members, Map<String, String> slashingParams) {
    List<GenesisAccount> accounts = new ArrayList<>();
    for (Address a : DevAccounts.ADDRESSES) {
      accounts.add(GenesisAccount.funded(a, Devnet.BALANCE_PER_ACCOUNT));
    }
    List<GenesisValidator> validators = new ArrayList<>();
    for (Member m : members) {
      Address operator = operator(m.index());
      accounts.add(GenesisAccount.funded(operator, stake(m.index()).add(OPERATOR_SPARE)));
      validators.add(
          GenesisValidator.of(operator, m.consensusPubKey(), stake(m.index()), m.moniker()));
    }
    EvmGenesis evm =
        new EvmGenesis(
            evmChainId, List.of(new ForkActivation(EvmGenesis.DEFAULT_FORK, 0)), accounts);
    StakingSection staking = new StakingSection(Map.of(), validators);
    SlashingSection slashing = new SlashingSection(slashingParams);
    // Catch bad parameters now, in the terminal, not at InitChain in four node logs.
    GenesisSections.stakingParams(staking);
    GenesisSections.slashingParams(slashing);
    for (int i = 0; i < validators.size(); i++) {
      GenesisSections.createValidator(validators.get(i), i);
    }
    return new AppGenesis(evm, FeeMarketParams.defaults()).withValidators(staking, slashing);
  }
}
