package io.zgnode.genesis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zgnode.evm.bytes.Hex;
import io.zgnode.evm.fork.Fork;
import io.zgnode.evm.types.Address;
import io.zgnode.evm.types.Hash;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads and writes {@link AppGenesis} as JSON, naming the exact field of any error. */
final class GenesisJson {
  private static final BigInteger MAX_U64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
  private static final BigInteger MAX_U256 = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);

  private GenesisJson() {}

  static AppGenesis read(JsonNode root) {
    requireObject(root, "app_state");
    JsonNode evm = root.path("evm");
    requireObject(evm, "app_state.evm");
    long chainId = longField(evm, "chain_id", "app_state.evm", null);
    List<ForkActivation> forks = new ArrayList<>();
    JsonNode forksNode = evm.path("forks");
    if (forksNode.isMissingNode()) {
      forks.add(new ForkActivation(EvmGenesis.DEFAULT_FORK, 0));
    } else {
      requireArray(forksNode, "app_state.evm.forks");
      for (int i = 0; i < forksNode.size(); i++) {
        String where = "app_state.evm.forks[" + i + "]";
        JsonNode f = forksNode.get(i);
        requireObject(f, where);
        Fork fork;
        try {
          fork = Fork.fromName(textField(f, "fork", where));
        } catch (IllegalArgumentException e) {
          throw new GenesisException(where + ".fork: " + e.getMessage());
        }
        forks.add(new ForkActivation(fork, longField(f, "height", where, 0L)));
      }
    }
    List<GenesisAccount> accounts = new ArrayList<>();
    JsonNode accountsNode = evm.path("accounts");
    if (!accountsNode.isMissingNode()) {
      requireArray(accountsNode, "app_state.evm.accounts");
      for (int i = 0; i < accountsNode.size(); i++) {
        accounts.add(readAccount(accountsNode.get(i), "app_state.evm.accounts[" + i + "]"));
      }
    }
    FeeMarketParams defaults = FeeMarketParams.defaults();
    JsonNode fm = root.path("fee_market");
    FeeMarketParams feeMarket = defaults;
    if (!fm.isMissingNode()) {
      String where = "app_state.fee_market";
      requireObject(fm, where);
      feeMarket =
          new FeeMarketParams(
              longField(fm, "block_gas_limit", where, defaults.blockGasLimit()),
              bigField(fm, "initial_base_fee", where, defaults.initialBaseFee(), MAX_U256),
              bigField(fm, "min_base_fee", where, defaults.minBaseFee(), MAX_U256),
              intField(fm, "base_fee_change_denominator", where, 8),
              intField(fm, "elasticity_multiplier", where, 2),
              intField(fm, "max_tx_bytes", where, defaults.maxTxBytes()));
    }
    return new AppGenesis(
        new EvmGenesis(chainId, forks, accounts),
        feeMarket,
        readStaking(root.path("staking")),
        readSlashing(root.path("slashing")));
  }

  private static StakingSection readStaking(JsonNode st) {
    if (st.isMissingNode() || st.isNull()) {
      return null;
    }
    String where = "app_state.staking";
    requireObject(st, where);
    Map<String, String> params = stringMap(st.path("params"), where + ".params");
    List<GenesisValidator> validators = new ArrayList<>();
    JsonNode vs = st.path("validators");
    if (!vs.isMissingNode() && !vs.isNull()) {
      requireArray(vs, where + ".validators");
      for (int i = 0; i < vs.size(); i++) {
        validators.add(readValidator(vs.get(i), where + ".validators[" + i + "]"));
      }
    }
    return new StakingSection(params, validators);
  }

  private static SlashingSection readSlashing(JsonNode sl) {
    if (sl.isMissingNode() || sl.isNull()) {
      return null;
    }
    requireObject(sl, "app_state.slashing");
    return new SlashingSection(stringMap(sl.path("params"), "app_state.slashing.params"));
  }

  private static GenesisValidator readValidator(JsonNode n, String where) {
    requireObject(n, where);
    Address operator;
    try {
      operator = Address.fromHex(textField(n, "operator", where));
    } catch (IllegalArgumentException e) {
      throw new GenesisException(where + ".operator: " + e.getMessage());
    }
    byte[] key = consensusKey(n.get("consensus_pubkey"), where + ".consensus_pubkey");
    BigInteger self = positiveAmount(n.get("self_delegation"), where + ".self_delegation", null);
    BigInteger minSelf =
        positiveAmount(
            n.get("min_self_delegation"), where + ".min_self_delegation", BigInteger.ONE);
    JsonNode c = n.path("commission");
    String rate = null;
    String maxRate = null;
    String maxChange = null;
    if (!c.isMissingNode() && !c.isNull()) {
      requireObject(c, where + ".commission");
      rate = optionalText(c, "rate", where + ".commission");
      maxRate = optionalText(c, "max_rate", where + ".commission");
      maxChange = optionalText(c, "max_change_rate", where + ".commission");
    }
    JsonNode d = n.path("description");
    String[] desc = new String[5];
    String[] names = {"moniker", "identity", "website", "security_contact", "details"};
    if (!d.isMissingNode() && !d.isNull()) {
      requireObject(d, where + ".description");
      for (int i = 0; i < names.length; i++) {
        desc[i] = optionalText(d, names[i], where + ".description");
      }
    }
    return new GenesisValidator(
        operator, key, self, rate, maxRate, maxChange, desc[0], desc[1], desc[2], desc[3], desc[4],
        minSelf);
  }

  /** A base64 ed25519 key, or the Cosmos form {"@type": "...ed25519.PubKey", "key": base64}. */
  private static byte[] consensusKey(JsonNode n, String where) {
    if (n == null || n.isNull()) {
      throw new GenesisException(where + ": required (base64 of a 32-byte ed25519 public key)");
    }
    JsonNode text = n;
    if (n.isObject()) {
      JsonNode type = n.get("@type");
      if (type != null && !type.asText().endsWith("ed25519.PubKey")) {
        throw new GenesisException(
            where + ": only ed25519 consensus keys are supported, got " + type.asText());
      }
      text = n.path("key");
    }
    if (!text.isTextual()) {
      throw new GenesisException(where + ": expected the base64 of a 32-byte ed25519 public key");
    }
    byte[] key;
    try {
      key = Base64.getDecoder().decode(text.asText());
    } catch (IllegalArgumentException e) {
      throw new GenesisException(where + ": not valid base64: " + e.getMessage());
    }
    if (key.length != GenesisValidator.KEY_LENGTH) {
      throw new GenesisException(
          where
              + ": an ed25519 public key has "
              + GenesisValidator.KEY_LENGTH
              + " bytes, got "
              + key.length);
    }
    return key;
  }

  private static BigInteger positiveAmount(JsonNode v, String where, BigInteger dflt) {
    if (v == null || v.isNull()) {
      if (dflt == null) {
        throw new GenesisException(where + ": required (a positive integer, smallest unit)");
      }
      return dflt;
    }
    BigInteger value = null;
    if (v.isIntegralNumber()) {
      value = v.bigIntegerValue();
    } else if (v.isTextual()) {
      try {
        value = new BigInteger(v.asText().trim());
      } catch (NumberFormatException e) {
        value = null;
      }
    }
    if (value == null || value.signum() <= 0 || value.compareTo(MAX_U256) > 0) {
      throw new GenesisException(
          where + ": must be a positive integer (smallest unit), got " + v.toString());
    }
    return value;
  }

  /** A flat object of decimal strings (numbers accepted and kept as written). */
  private static Map<String, String> stringMap(JsonNode n, String where) {
    Map<String, String> out = new LinkedHashMap<>();
    if (n.isMissingNode() || n.isNull()) {
      return out;
    }
    requireObject(n, where);
    for (Map.Entry<String, JsonNode> e : n.properties()) {
      JsonNode v = e.getValue();
      if (v.isTextual()) {
        out.put(e.getKey(), v.asText());
      } else if (v.isNumber()) {
        out.put(e.getKey(), v.decimalValue().toPlainString());
      } else {
        throw new GenesisException(
            where + "." + e.getKey() + ": expected a string or a number, got " + v);
      }
    }
    return out;
  }

  private static String optionalText(JsonNode n, String field, String where) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isTextual()) {
      return v.asText();
    }
    if (v.isNumber()) {
      return v.decimalValue().toPlainString();
    }
    throw new GenesisException(where + "." + field + ": expected a string, got " + v);
  }

  private static void writeStaking(ObjectNode root, StakingSection st) {
    ObjectNode s = root.putObject("staking");
    ObjectNode params = s.putObject("params");
    st.params().forEach(params::put);
    ArrayNode vals = s.putArray("validators");
    for (GenesisValidator v : st.validators()) {
      ObjectNode o = vals.addObject();
      o.put("operator", v.operator().toChecksumHex());
      o.put("consensus_pubkey", Base64.getEncoder().encodeToString(v.consensusPubKey()));
      o.put("self_delegation", v.selfDelegation().toString());
      ObjectNode c = o.putObject("commission");
      c.put("rate", v.commissionRate());
      c.put("max_rate", v.commissionMaxRate());
      c.put("max_change_rate", v.commissionMaxChangeRate());
      ObjectNode d = o.putObject("description");
      d.put("moniker", v.moniker());
      d.put("identity", v.identity());
      d.put("website", v.website());
      d.put("security_contact", v.securityContact());
      d.put("details", v.details());
      o.put("min_self_delegation", v.minSelfDelegation().toString());
    }
  }

  static ObjectNode write(AppGenesis g) {
    ObjectNode root = AppGenesis.newObject();
    ObjectNode evm = root.putObject("evm");
    evm.put("chain_id", Long.toString(g.evm().chainId()));
    ArrayNode forks = evm.putArray("forks");
    for (ForkActivation f : g.evm().forks()) {
      ObjectNode o = forks.addObject();
      o.put("fork", f.fork().name().toLowerCase(java.util.Locale.ROOT));
      o.put("height", Long.toString(f.height()));
    }
    ArrayNode accounts = evm.putArray("accounts");
    for (GenesisAccount a : g.evm().accounts()) {
      ObjectNode o = accounts.addObject();
      o.put("address", a.address().toChecksumHex());
      o.put("balance", a.balance().toString());
      o.put("nonce", Long.toUnsignedString(a.nonce()));
      if (a.code().length > 0) {
        o.put("code", Hex.encode(a.code()));
      }
      if (!a.storage().isEmpty()) {
        ObjectNode s = o.putObject("storage");
        for (Map.Entry<Hash, Hash> e : a.storage().entrySet()) {
          s.put(e.getKey().toHex(), e.getValue().toHex());
        }
      }
    }
    FeeMarketParams fm = g.feeMarket();
    ObjectNode f = root.putObject("fee_market");
    f.put("block_gas_limit", Long.toString(fm.blockGasLimit()));
    f.put("initial_base_fee", fm.initialBaseFee().toString());
    f.put("min_base_fee", fm.minBaseFee().toString());
    f.put("base_fee_change_denominator", fm.baseFeeChangeDenominator());
    f.put("elasticity_multiplier", fm.elasticityMultiplier());
    f.put("max_tx_bytes", fm.maxTxBytes());
    if (g.staking() != null) {
      writeStaking(root, g.staking());
    }
    if (g.slashing() != null) {
      ObjectNode params = root.putObject("slashing").putObject("params");
      g.slashing().params().forEach(params::put);
    }
    return root;
  }

  private static GenesisAccount readAccount(JsonNode n, String where) {
    requireObject(n, where);
    Address address;
    try {
      address = Address.fromHex(textField(n, "address", where));
    } catch (IllegalArgumentException e) {
      throw new GenesisException(where + ".address: " + e.getMessage());
    }
    BigInteger balance = bigField(n, "balance", where, BigInteger.ZERO, MAX_U256);
    long nonce = bigField(n, "nonce", where, BigInteger.ZERO, MAX_U64).longValue();
    byte[] code = new byte[0];
    if (n.has("code")) {
      code = hexField(n.get("code"), where + ".code");
    }
    TreeMap<Hash, Hash> storage = new TreeMap<>();
    JsonNode s = n.path("storage");
    if (!s.isMissingNode()) {
      requireObject(s, where + ".storage");
      for (Map.Entry<String, JsonNode> e : s.properties()) {
        String at = where + ".storage[" + e.getKey() + "]";
        storage.put(word(e.getKey(), at), word(e.getValue().asText(), at));
      }
    }
    return new GenesisAccount(address, balance, nonce, code, storage);
  }

  private static Hash word(String hex, String where) {
    byte[] b = hexBytes(hex, where);
    if (b.length > 32) {
      throw new GenesisException(where + ": more than 32 bytes");
    }
    byte[] w = new byte[32];
    System.arraycopy(b, 0, w, 32 - b.length, b.length);
    return Hash.wrapOwned(w);
  }

  private static byte[] hexField(JsonNode n, String where) {
    if (!n.isTextual()) {
      throw new GenesisException(where + ": expected a 0x-prefixed hex string");
    }
    return hexBytes(n.asText(), where);
  }

  private static byte[] hexBytes(String text, String where) {
    if (!text.startsWith("0x")) {
      throw new GenesisException(where + ": expected a 0x-prefixed hex string, got " + text);
    }
    try {
      return Hex.decode(text);
    } catch (IllegalArgumentException e) {
      throw new GenesisException(where + ": " + e.getMessage());
    }
  }

  private static void requireObject(JsonNode n, String where) {
    if (!n.isObject()) {
      throw new GenesisException(where + ": expected a JSON object");
    }
  }

  private static void requireArray(JsonNode n, String where) {
    if (!n.isArray()) {
      throw new GenesisException(where + ": expected a JSON array");
    }
  }

  private static String textField(JsonNode n, String field, String where) {
    JsonNode v = n.get(field);
    if (v == null || !v.isTextual()) {
      throw new GenesisException(where + "." + field + ": required string is missing");
    }
    return v.asText();
  }

  private static BigInteger bigField(
      JsonNode n, String field, String where, BigInteger dflt, BigInteger max) {
    JsonNode v = n.get(field);
    String at = where + "." + field;
    if (v == null || v.isNull()) {
      if (dflt == null) {
        throw new GenesisException(at + ": required");
      }
      return dflt;
    }
    BigInteger value;
    if (v.isIntegralNumber()) {
      value = v.bigIntegerValue();
    } else if (v.isTextual()) {
      String t = v.asText().trim();
      try {
        value = t.startsWith("0x") ? new BigInteger(t.substring(2), 16) : new BigInteger(t);
      } catch (NumberFormatException e) {
        throw new GenesisException(at + ": not an integer: \"" + t + "\"");
      }
    } else {
      throw new GenesisException(at + ": expected an integer (number or decimal string)");
    }
    if (value.signum() < 0 || value.compareTo(max) > 0) {
      throw new GenesisException(at + ": out of range: " + value);
    }
    return value;
  }

  private static long longField(JsonNode n, String field, String where, Long dflt) {
    BigInteger d = dflt == null ? null : BigInteger.valueOf(dflt);
    return bigField(n, field, where, d, BigInteger.valueOf(Long.MAX_VALUE)).longValue();
  }

  private static int intField(JsonNode n, String field, String where, int dflt) {
    return bigField(
            n, field, where, BigInteger.valueOf(dflt), BigInteger.valueOf(Integer.MAX_VALUE))
        .intValue();
  }
}
