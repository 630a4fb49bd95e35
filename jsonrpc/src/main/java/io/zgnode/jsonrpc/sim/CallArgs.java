package io.zgnode.jsonrpc.sim;

import com.fasterxml.jackson.databind.JsonNode;
import io.zgnode.chain.sim.CallRequest;
import io.zgnode.evm.tx.AccessListEntry;
import io.zgnode.evm.tx.Authorization;
import io.zgnode.evm.types.Address;
import io.zgnode.evm.types.Hash;
import io.zgnode.jsonrpc.core.RpcException;
import io.zgnode.jsonrpc.eth.RpcJson;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * geth's TransactionArgs as eth_call, eth_estimateGas, eth_createAccessList and debug_traceCall
 * take them. Unknown members are ignored (as Go's decoder does); malformed ones are invalid params
 * naming the member; blob fields are refused because this chain has no blobs.
 */
public final class CallArgs {
  private static final List<String> BLOB_FIELDS =
      List.of("blobVersionedHashes", "maxFeePerBlobGas", "blobs", "commitments", "proofs");

  private CallArgs() {}

  /** Parses the transaction object of argument {@code index}. */
  public static CallRequest parse(JsonNode node, int index) throws RpcException {
    String arg = "invalid argument " + index;
    if (node == null || !node.isObject()) {
      throw RpcException.invalidParams(
          arg + ": json: cannot unmarshal non-object into Go value of type ethapi.TransactionArgs");
    }
    for (String f : BLOB_FIELDS) {
      if (present(node, f)) {
        throw RpcException.invalidParams(
            arg + ": blob transactions (type 3) are not supported by this chain (" + f + ")");
      }
    }
    String w = index + " (";
    Address from = optional(node, "from", w, RpcJson::parseAddress);
    Address to = optional(node, "to", w, RpcJson::parseAddress);
    Long gas = null;
    if (present(node, "gas")) {
      // geth takes any uint64 and caps it at the gas cap; above 2^63 is capped the same way here
      BigInteger g = RpcJson.parseBig(node.get("gas"), w + "gas)");
      if (g.bitLength() > 64) {
        throw RpcException.invalidParams(arg + " (gas): hex number > 64 bits");
      }
      gas = g.bitLength() > 63 ? Long.MAX_VALUE : g.longValue();
    }
    BigInteger gasPrice = optional(node, "gasPrice", w, RpcJson::parseBig);
    BigInteger maxFee = optional(node, "maxFeePerGas", w, RpcJson::parseBig);
    BigInteger maxPriority = optional(node, "maxPriorityFeePerGas", w, RpcJson::parseBig);
    BigInteger value = optional(node, "value", w, RpcJson::parseBig);
    BigInteger chainId = optional(node, "chainId", w, RpcJson::parseBig);
    optional(node, "nonce", w, RpcJson::parseLong); // checked, then ignored as geth does
    byte[] data = optional(node, "data", w, RpcJson::parseData);
    byte[] input = optional(node, "input", w, RpcJson::parseData);
    if (data != null && input != null && !Arrays.equals(data, input)) {
      throw RpcException.invalidParams(
          "both \"data\" and \"input\" are set and not equal. Please use \"input\" to pass"
              + " transaction call data");
    }
    byte[] payload = input != null ? input : data;
    List<AccessListEntry> accessList =
        present(node, "accessList") ? accessList(node.get("accessList"), w) : null;
    List<Authorization> auths =
        present(node, "authorizationList")
            ? authorizations(node.get("authorizationList"), w)
            : null;
    return new CallRequest(
        from, to, gas, gasPrice, maxFee, maxPriority, value, payload, accessList, auths, chainId);
  }

  /** Whether {@code field} is there and not JSON null. */
  static boolean present(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v != null && !v.isNull() && !v.isMissingNode();
  }

  /** Parses one member; {@code what} names it in the error, as RpcJson's parsers take it. */
  @FunctionalInterface
  interface MemberParser<T> {
    T parse(JsonNode value, String what) throws RpcException;
  }

  /**
   * Member {@code field} of {@code node} parsed, named {@code w + field + ")"} in errors (w is
   * "INDEX (" or a longer prefix); null when absent or JSON null.
   */
  static <T> T optional(JsonNode node, String field, String w, MemberParser<T> parser)
      throws RpcException {
    return present(node, field) ? parser.parse(node.get(field), w + field + ")") : null;
  }

  private static List<AccessListEntry> accessList(JsonNode node, String w) throws RpcException {
    if (!node.isArray()) {
      throw RpcException.invalidParams(
          "invalid argument " + w + "accessList): expected an array of {address, storageKeys}");
    }
    List<AccessListEntry> out = new ArrayList<>(node.size());
    for (JsonNode e : node) {
      if (!e.isObject()) {
        throw RpcException.invalidParams(
            "invalid argument " + w + "accessList): entries must be objects");
      }
      Address a = RpcJson.parseAddress(e.get("address"), w + "accessList.address)");
      List<Hash> keys = new ArrayList<>();
      JsonNode ks = e.get("storageKeys");
      if (ks != null && !ks.isNull()) {
        if (!ks.isArray()) {
          throw RpcException.invalidParams(
              "invalid argument " + w + "accessList.storageKeys): expected an array");
        }
        for (JsonNode k : ks) {
          keys.add(RpcJson.parseHash(k, w + "accessList.storageKeys)"));
        }
      }
      out.add(new AccessListEntry(a, keys));
    }
    return out;
  }

  private static List<Authorization> authorizations(JsonNode node, String w) throws RpcException {
    String what = w + "authorizationList)";
    if (!node.isArray()) {
      throw RpcException.invalidParams("invalid argument " + what + ": expected an array");
    }
    List<Authorization> out = new ArrayList<>(node.size());
    for (JsonNode e : node) {
      if (!e.isObject()) {
        throw RpcException.invalidParams("invalid argument " + what + ": entries must be objects");
      }
      BigInteger chainId = RpcJson.parseBig(e.get("chainId"), what);
      Address address = RpcJson.parseAddress(e.get("address"), what);
      long nonce = RpcJson.parseLong(e.get("nonce"), what);
      JsonNode parity = present(e, "yParity") ? e.get("yParity") : e.get("v");
      long y = RpcJson.parseLong(parity, what);
      BigInteger r = RpcJson.parseBig(e.get("r"), what);
      BigInteger s = RpcJson.parseBig(e.get("s"), what);
      if (y > 0xff) {
        throw RpcException.invalidParams("invalid argument " + what + ": yParity above 255");
      }
      out.add(new Authorization(chainId, address, nonce, (int) y, r, s));
    }
    return out;
  }
}
