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
import java.util.Iterator;
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
    if (node == null || node.isNull() || node.isMissingNode()) {
      return StateOverrides.NONE;
    }
    String arg = "invalid argument " + index;
    if (!node.isObject()) {
      throw RpcException.invalidParams(
          arg + ": json: cannot unmarshal non-object into Go value of type override.StateOverride");
    }
    Map<Address, AccountOverride> accounts = new TreeMap<>();
    Iterator<Map.Entry<String, JsonNode>> it = node.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
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
      BigInteger balance =
          CallArgs.present(o, "balance")
              ? RpcJson.parseBig(o.get("balance"), w + "balance)")
              : null;
      Long nonce =
          CallArgs.present(o, "nonce") ? RpcJson.parseLong(o.get("nonce"), w + "nonce)") : null;
      byte[] code =
          CallArgs.present(o, "code") ? RpcJson.parseData(o.get("code"), w + "code)") : null;
      Map<Hash, Hash> state =
          CallArgs.present(o, "state") ? slots(o.get("state"), w + "state)") : null;
      Map<Hash, Hash> diff =
          CallArgs.present(o, "stateDiff") ? slots(o.get("stateDiff"), w + "stateDiff)") : null;
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
    Iterator<Map.Entry<String, JsonNode>> it = node.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      out.put(
          RpcJson.parseHash(RpcJson.NODES.textNode(e.getKey()), what),
          RpcJson.parseHash(e.getValue(), what));
    }
    return out;
  }

  public static BlockOverrides block(JsonNode node, int index) throws RpcException {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return BlockOverrides.NONE;
    }
    String arg = "invalid argument " + index;
    if (!node.isObject()) {
      throw RpcException.invalidParams(
          arg
              + ": json: cannot unmarshal non-object into Go value of type override.BlockOverrides");
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
    Long number = longField(node, "number", w);
    Long time = longField(node, "time", w);
    Long gasLimit = longField(node, "gasLimit", w);
    Address feeRecipient =
        CallArgs.present(node, "feeRecipient")
            ? RpcJson.parseAddress(node.get("feeRecipient"), w + "feeRecipient)")
            : null;
    Hash prevRandao =
        CallArgs.present(node, "prevRandao")
            ? RpcJson.parseHash(node.get("prevRandao"), w + "prevRandao)")
            : null;
    BigInteger baseFee =
        CallArgs.present(node, "baseFeePerGas")
            ? RpcJson.parseBig(node.get("baseFeePerGas"), w + "baseFeePerGas)")
            : null;
    BigInteger blobBaseFee =
        CallArgs.present(node, "blobBaseFee")
            ? RpcJson.parseBig(node.get("blobBaseFee"), w + "blobBaseFee)")
            : null;
    return new BlockOverrides(
        number, time, gasLimit, feeRecipient, prevRandao, baseFee, blobBaseFee);
  }

  private static Long longField(JsonNode node, String f, String w) throws RpcException {
    return CallArgs.present(node, f) ? RpcJson.parseLong(node.get(f), w + f + ")") : null;
  }
}
