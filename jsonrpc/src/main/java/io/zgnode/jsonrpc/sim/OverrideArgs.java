package io.zgnode.jsonrpc.sim;

import com.fasterxml.jackson.databind.JsonNode;
import io.zgnode.chain.sim.AccountOverride;
import io.zgnode.chain.sim.BlockOverrides;
import io.zgnode.chain.sim.StateOverrides;
import io.zgnode.evm.types.Address;
import io.zgnode.evm.types.Hash;
import io.zgnode.jsonrpc.core.RpcException;
import io.zgnode.jsonrpc.eth.RpcJson;
import java.math.BigInteger;
import java.util.Map;
import java.util.TreeMap;

/**
 * geth's StateOverride ({@code {address: {balance, nonce, code, state, stateDiff}}}) and
 * BlockOverrides ({@code {number, time, gasLimit, feeRecipient, prevRandao, baseFeePerGas,
 * blobBaseFee}}). A null or absent parameter means no overrides.
 */
public final class OverrideArgs {
  private OverrideArgs() {}

  public static StateOverrides state(JsonNode node, int index) throws RpcException {
    if (absent(node, index, "override.StateOverride")) {
      return StateOverrides.NONE;
    }
    String arg = "invalid argument " + index;
    Map<Address, AccountOverride> accounts = new TreeMap<>();
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      Address address = RpcJson.parseAddress(RpcJson.NODES.textNode(e.getKey()), index + "");
      JsonNode o = e.getValue();
      if (!o.isObject()) {
        throw RpcException.invalidParams(
            arg + ": override of " + e.getKey() + " must be an object");
      }
      String w = index + " (" + e.getKey() + ".";
      if (CallArgs.present(o, "movePrecompileToAddress")) {
        throw RpcException.invalidParams(
            arg + ": movePrecompileToAddress is not supported by this node");
      }
      BigInteger balance = CallArgs.optional(o, "balance", w, RpcJson::parseBig);
      Long nonce = CallArgs.optional(o, "nonce", w, RpcJson::parseLong);
      byte[] code = CallArgs.optional(o, "code", w, RpcJson::parseData);
      Map<Hash, Hash> state = CallArgs.optional(o, "state", w, OverrideArgs::slots);
      Map<Hash, Hash> diff = CallArgs.optional(o, "stateDiff", w, OverrideArgs::slots);
      accounts.put(address, new AccountOverride(balance, nonce, code, state, diff));
    }
    return new StateOverrides(accounts);
  }

  private static Map<Hash, Hash> slots(JsonNode node, String what) throws RpcException {
    if (!node.isObject()) {
      throw RpcException.invalidParams(
          "invalid argument " + what + ": expected an object of slot: value");
    }
    Map<Hash, Hash> out = new TreeMap<>();
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      out.put(
          RpcJson.parseHash(RpcJson.NODES.textNode(e.getKey()), what),
          RpcJson.parseHash(e.getValue(), what));
    }
    return out;
  }

  public static BlockOverrides block(JsonNode node, int index) throws RpcException {
    if (absent(node, index, "override.BlockOverrides")) {
      return BlockOverrides.NONE;
    }
    if (CallArgs.present(node, "beaconRoot")) {
      throw RpcException.rejected(
          "block override \"beaconRoot\" is not supported for this RPC method");
    }
    if (CallArgs.present(node, "withdrawals")) {
      throw RpcException.rejected(
          "block override \"withdrawals\" is not supported for this RPC method");
    }
    String w = index + " (";
    Long number = CallArgs.optional(node, "number", w, RpcJson::parseLong);
    Long time = CallArgs.optional(node, "time", w, RpcJson::parseLong);
    Long gasLimit = CallArgs.optional(node, "gasLimit", w, RpcJson::parseLong);
    Address feeRecipient = CallArgs.optional(node, "feeRecipient", w, RpcJson::parseAddress);
    Hash prevRandao = CallArgs.optional(node, "prevRandao", w, RpcJson::parseHash);
    BigInteger baseFee = CallArgs.optional(node, "baseFeePerGas", w, RpcJson::parseBig);
    BigInteger blobBaseFee = CallArgs.optional(node, "blobBaseFee", w, RpcJson::parseBig);
    return new BlockOverrides(
        number, time, gasLimit, feeRecipient, prevRandao, baseFee, blobBaseFee);
  }

  /**
   * Whether override argument {@code index} is left out (absent or null); one that is given must be
   * an object, else geth's error naming {@code goType}.
   */
  private static boolean absent(JsonNode node, int index, String goType) throws RpcException {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return true;
    }
    if (!node.isObject()) {
      throw RpcException.invalidParams(
          "invalid argument "
              + index
              + ": json: cannot unmarshal non-object into Go value of type "
              + goType);
    }
    return false;
  }
}
