package io.zgnode.jsonrpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import io.zgnode.jsonrpc.core.MethodRegistry;
import io.zgnode.jsonrpc.core.RpcException;
import io.zgnode.jsonrpc.core.RpcRequest;
import java.util.OptionalLong;

/**
 * eth_gasPrice (next base fee + suggested tip), eth_maxPriorityFeePerGas, eth_feeHistory and
 * eth_blobBaseFee (blobs are not supported, so the minimum, 1 wei). See {@link FeeOracle}.
 */
final class FeeMethods {
  private final ChainAccess access;
  private final FeeOracle oracle;

  FeeMethods(ChainAccess access, FeeOracle oracle) {
    this.access = access;
    this.oracle = oracle;
  }

  void register(MethodRegistry r) {
    r.register("eth_gasPrice", this::gasPrice);
    r.register("eth_maxPriorityFeePerGas", this::maxPriorityFee);
    r.register("eth_feeHistory", this::feeHistory);
    r.register("eth_blobBaseFee", this::blobBaseFee);
  }

  private JsonNode gasPrice(RpcRequest req) throws RpcException {
    req.maxParams(0);
    return RpcJson.quantity(access.chain().nextBaseFee().add(oracle.suggestedTip()));
  }

  private JsonNode maxPriorityFee(RpcRequest req) throws RpcException {
    req.maxParams(0);
    return RpcJson.quantity(oracle.suggestedTip());
  }

  private JsonNode blobBaseFee(RpcRequest req) throws RpcException {
    req.maxParams(0);
    return RpcJson.quantity(1);
  }

  private JsonNode feeHistory(RpcRequest req) throws RpcException {
    req.maxParams(3);
    long count = blockCount(req.requiredParam(0, "blockCount"));
    OptionalLong newest =
        BlockTags.tryResolve(access.chain(), req.requiredParam(1, "newestBlock"), "latest");
    double[] percentiles = percentiles(req.param(2));
    long latest = access.chain().latestHeight();
    long n;
    if (newest.isEmpty()) {
      JsonNode p = req.param(1);
      if (p.isObject() && p.has("blockHash") || p.isTextual() && p.asText().length() == 66) {
        throw RpcException.rejected("header for hash not found");
      }
      JsonNode number = p.isObject() ? p.get("blockNumber") : p;
      throw RpcException.rejected(
          "request beyond head block: requested "
              + RpcJson.parseLong(number, "newestBlock")
              + ", head "
              + latest);
    }
    n = newest.getAsLong() == BlockTags.PENDING ? latest : newest.getAsLong();
    return oracle.feeHistory(count, n, percentiles);
  }

  /**
   * geth reads blockCount as a hex or decimal string or a plain JSON number (Foundry sends a
   * number, Hardhat and viem a hex string), so all three are accepted.
   */
  static long blockCount(JsonNode node) throws RpcException {
    if (node.isIntegralNumber()) {
      if (!node.canConvertToLong() || node.longValue() < 0) {
        throw RpcException.invalidParams("invalid argument 0: blockCount must be a uint64");
      }
      return node.longValue();
    }
    if (!node.isTextual()) {
      throw RpcJson.cannotUnmarshal(node, "0", "math.HexOrDecimal64");
    }
    String s = node.asText();
    try {
      if (s.startsWith("0x") || s.startsWith("0X")) {
        long v = Long.parseUnsignedLong(s.substring(2), 16);
        return v < 0 ? Long.MAX_VALUE : v;
      }
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      throw RpcException.invalidParams(
          "invalid argument 0: invalid blockCount \"" + s + "\": want a hex or decimal uint64");
    }
  }

  /** Reward percentiles: numbers in [0, 100], strictly increasing, at most 100 of them. */
  static double[] percentiles(JsonNode node) throws RpcException {
    if (node.isMissingNode() || node.isNull()) {
      return new double[0];
    }
    if (!node.isArray()) {
      throw RpcJson.cannotUnmarshal(node, "2", "[]float64");
    }
    if (node.size() > FeeOracle.MAX_PERCENTILES) {
      throw RpcException.invalidParams(
          "invalid reward percentiles: at most " + FeeOracle.MAX_PERCENTILES + " allowed");
    }
    double[] out = new double[node.size()];
    for (int i = 0; i < out.length; i++) {
      JsonNode p = node.get(i);
      if (!p.isNumber()) {
        throw RpcJson.cannotUnmarshal(p, "2", "float64");
      }
      double v = p.doubleValue();
      if (!(v >= 0 && v <= 100)) {
        throw RpcException.invalidParams("invalid reward percentile: " + p.asText());
      }
      if (i > 0 && v <= out[i - 1]) {
        throw RpcException.invalidParams(
            "invalid reward percentile: #"
                + (i - 1)
                + ":"
                + node.get(i - 1).asText()
                + " >= #"
                + i
                + ":"
                + p.asText());
      }
      out[i] = v;
    }
    return out;
  }
}
