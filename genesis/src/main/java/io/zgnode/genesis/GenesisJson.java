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
    return new AppGenesis(new EvmGenesis(chainId, forks, accounts), feeMarket);
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
