package io.zgnode.genesis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zgnode.evm.types.Address;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The application's part of CometBFT's genesis file: the {@code app_state} object, one section per
 * module. Large integers are decimal strings (the Cosmos habit, safe for JavaScript readers); plain
 * JSON numbers are accepted on input too.
 *
 * <pre>{@code
 * {
 *   "evm": {"chain_id": "36767", "forks": [{"fork": "osaka", "height": "0"}],
 *           "accounts": [{"address": "0x..", "balance": "1000", "nonce": "0",
 *                         "code": "0x", "storage": {"0x<slot>": "0x<value>"}}]},
 *   "fee_market": {"block_gas_limit": "100000000", "initial_base_fee": "1000000000",
 *                  "min_base_fee": "1000000000", "base_fee_change_denominator": 8,
 *                  "elasticity_multiplier": 2, "max_tx_bytes": 131072},
 *   "staking": {"params": {"max_validators": "125", ...},
 *               "validators": [{"operator": "0x..", "consensus_pubkey": "<base64 ed25519>",
 *                               "self_delegation": "1000000000000000000",
 *                               "commission": {"rate": "0.1", "max_rate": "0.2",
 *                                              "max_change_rate": "0.01"},
 *                               "description": {"moniker": "node0"},
 *                               "min_self_delegation": "1"}]},
 *   "slashing": {"params": {"signed_blocks_window": "100", ...}}
 * }
 * }</pre>
 *
 * <p>{@code staking} and {@code slashing} are optional ({@link #staking()} / {@link #slashing()}
 * null when absent): a genesis without staking validators keeps CometBFT's genesis validators as
 * the fixed set, as before these sections existed.
 */
public record AppGenesis(
    EvmGenesis evm, FeeMarketParams feeMarket, StakingSection staking, SlashingSection slashing) {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public AppGenesis {
    if (staking != null) {
      StakingChecks.validate(staking, evm);
    }
  }

  /** A genesis without the staking and slashing sections. */
  public AppGenesis(EvmGenesis evm, FeeMarketParams feeMarket) {
    this(evm, feeMarket, null, null);
  }

  /** This genesis with the given staking and slashing sections (null: absent). */
  public AppGenesis withValidators(StakingSection staking, SlashingSection slashing) {
    return new AppGenesis(evm, feeMarket, staking, slashing);
  }

  /** Whether the genesis creates validators, which then own CometBFT's validator set. */
  public boolean hasStakingValidators() {
    return staking != null && !staking.validators().isEmpty();
  }

  /** A genesis with no accounts and default parameters. */
  public static AppGenesis defaults(long evmChainId) {
    return devnet(evmChainId, List.of(), BigInteger.ZERO);
  }

  /** A genesis funding each of {@code funded} with {@code balanceEach} (smallest units). */
  public static AppGenesis devnet(long evmChainId, List<Address> funded, BigInteger balanceEach) {
    List<GenesisAccount> accounts = new ArrayList<>();
    for (Address a : funded) {
      accounts.add(GenesisAccount.funded(a, balanceEach));
    }
    return new AppGenesis(
        new EvmGenesis(
            evmChainId, List.of(new ForkActivation(EvmGenesis.DEFAULT_FORK, 0)), accounts),
        FeeMarketParams.defaults());
  }

  /** Parses and validates {@code app_state}; every problem is a {@link GenesisException}. */
  public static AppGenesis parse(String appStateJson) {
    JsonNode root;
    try {
      root = MAPPER.readTree(appStateJson);
    } catch (JsonProcessingException e) {
      throw new GenesisException("app_state is not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || root.isNull() || root.isMissingNode()) {
      throw new GenesisException("app_state is empty: the genesis needs an app_state object");
    }
    return GenesisJson.read(root);
  }

  public long evmChainId() {
    return evm.chainId();
  }

  public long blockGasLimit() {
    return feeMarket.blockGasLimit();
  }

  /** The {@code app_state} JSON object as indented text. */
  public String toJson() {
    ObjectNode root = GenesisJson.write(this);
    try {
      return MAPPER.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The same object as a Jackson tree, for embedding into a whole genesis file. */
  public ObjectNode toJsonNode() {
    return GenesisJson.write(this);
  }

  static ArrayNode newArray() {
    return MAPPER.createArrayNode();
  }

  static ObjectNode newObject() {
    return MAPPER.createObjectNode();
  }
}
