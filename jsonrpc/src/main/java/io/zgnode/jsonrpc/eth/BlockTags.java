package io.zgnode.jsonrpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import io.zgnode.chain.Chain;
import io.zgnode.evm.types.Hash;
import io.zgnode.jsonrpc.core.RpcException;
import java.util.OptionalLong;

/**
 * Resolves a block parameter: a tag ("latest", "pending", "earliest", "safe", "finalized"), a
 * quantity, or an EIP-1898 object ({@code {"blockNumber": ...}} or {@code {"blockHash": ...,
 * "requireCanonical": bool}}). CometBFT blocks are final when committed, so "safe" and "finalized"
 * are the latest block; "earliest" is genesis (height 0).
 */
public final class BlockTags {
  /** What {@link #resolve} returns for "pending": the block being assembled from the mempool. */
  public static final long PENDING = -1;

  private BlockTags() {}

  /**
   * The height {@code param} names, {@link #PENDING}, or empty when it names a block the chain does
   * not have (a future number or an unknown hash). A missing/null param means {@code dflt}.
   */
  public static OptionalLong tryResolve(Chain chain, JsonNode param, String dflt)
      throws RpcException {
    JsonNode p = param == null || param.isMissingNode() || param.isNull() ? null : param;
    if (p == null) {
      return tag(chain, dflt);
    }
    if (p.isObject()) {
      if (p.has("blockHash")) {
        Hash h = RpcJson.parseHash(p.get("blockHash"), "blockHash");
        return chain.blockNumber(h);
      }
      if (p.has("blockNumber")) {
        return tryResolve(chain, p.get("blockNumber"), dflt);
      }
      throw RpcException.invalidParams(
          "invalid argument: block object needs blockHash or blockNumber");
    }
    if (p.isTextual() && !p.asText().startsWith("0x") && !p.asText().startsWith("0X")) {
      return tag(chain, p.asText());
    }
    if (isHashString(p)) {
      // geth's BlockNumberOrHash also takes a bare 32-byte hash string.
      return chain.blockNumber(RpcJson.parseHash(p, "blockHash"));
    }
    long n = RpcJson.parseLong(p, "block number");
    return n <= chain.latestHeight() ? OptionalLong.of(n) : OptionalLong.empty();
  }

  /**
   * Like {@link #tryResolve} but a block the chain does not have is geth's error -32000 "header not
   * found" (what state methods answer for a future block or an unknown hash).
   */
  public static long resolve(Chain chain, JsonNode param, String dflt) throws RpcException {
    OptionalLong h = tryResolve(chain, param, dflt);
    if (h.isEmpty()) {
      boolean byHash =
          param != null && (param.isObject() && param.has("blockHash") || isHashString(param));
      throw RpcException.rejected(byHash ? "header for hash not found" : "header not found");
    }
    return h.getAsLong();
  }

  private static boolean isHashString(JsonNode p) {
    return p.isTextual() && p.asText().length() == 2 + 2 * Hash.LENGTH;
  }

  private static OptionalLong tag(Chain chain, String tag) throws RpcException {
    return switch (tag) {
      case "latest", "safe", "finalized" -> OptionalLong.of(chain.latestHeight());
      case "pending" -> OptionalLong.of(PENDING);
      case "earliest" -> OptionalLong.of(0);
      default ->
          throw RpcException.invalidParams(
              "invalid argument: hex string without 0x prefix (block tag \"" + tag + "\" unknown)");
    };
  }
}
