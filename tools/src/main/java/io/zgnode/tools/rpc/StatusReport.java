package io.zgnode.tools.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zgnode.tools.CliException;

/**
 * What {@code zgnode status} prints: CometBFT's status result ({@code node_info}, {@code
 * sync_info}, {@code validator_info}, which Cosmovisor reads as the Cosmos SDK prints them) plus
 * the chain's EVM chain id.
 */
public final class StatusReport {
  private StatusReport() {}

  public static ObjectNode merge(JsonNode cometStatus, long evmChainId) {
    if (!(cometStatus instanceof ObjectNode obj)
        || !obj.path("node_info").isObject()
        || !obj.path("sync_info").isObject()) {
      throw new CliException("unexpected /status answer from CometBFT (no node_info or sync_info)");
    }
    ObjectNode out = obj.deepCopy();
    out.put("evm_chain_id", evmChainId);
    return out;
  }
}
