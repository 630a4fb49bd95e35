package io.zgnode.jsonrpc.debug;

import com.fasterxml.jackson.databind.JsonNode;
import io.zgnode.chain.sim.BlockOverrides;
import io.zgnode.chain.sim.GoDuration;
import io.zgnode.chain.sim.StateOverrides;
import io.zgnode.jsonrpc.core.RpcException;
import io.zgnode.jsonrpc.eth.RpcJson;
import io.zgnode.jsonrpc.sim.OverrideArgs;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * geth's TraceConfig (and TraceCallConfig for debug_traceCall). Member names match
 * case-insensitively, as Go's decoder matches them ("disableStack" and "DisableStack" both work).
 *
 * @param tracer null for the struct logger, else the tracer's name
 * @param timeout null for the node's default
 * @param limit the most struct logs to record, 0 for no limit
 */
record TraceOptions(
    String tracer,
    JsonNode tracerConfig,
    Duration timeout,
    boolean disableStack,
    boolean disableStorage,
    boolean enableMemory,
    boolean enableReturnData,
    int limit,
    StateOverrides stateOverrides,
    BlockOverrides blockOverrides) {

  static final TraceOptions DEFAULT =
      new TraceOptions(
          null,
          null,
          null,
          false,
          false,
          false,
          false,
          0,
          StateOverrides.NONE,
          BlockOverrides.NONE);

  /** Parses argument {@code index}; {@code forCall} also reads the override members. */
  static TraceOptions parse(JsonNode node, int index, boolean forCall) throws RpcException {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return DEFAULT;
    }
    if (!node.isObject()) {
      throw RpcException.invalidParams(
          "invalid argument "
              + index
              + ": json: cannot unmarshal non-object into Go value of type tracers.TraceConfig");
    }
    Map<String, JsonNode> m = new HashMap<>();
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      if (!e.getValue().isNull()) {
        m.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue());
      }
    }
    String w = index + " (";
    String tracer = null;
    if (m.containsKey("tracer")) {
      JsonNode t = m.get("tracer");
      if (!t.isTextual()) {
        throw RpcException.invalidParams(
            "invalid argument "
                + w
                + "tracer): json: cannot unmarshal into Go value of type string");
      }
      tracer = t.asText();
    }
    Duration timeout = null;
    if (m.containsKey("timeout")) {
      JsonNode t = m.get("timeout");
      if (!t.isTextual()) {
        throw RpcException.invalidParams(
            "invalid argument "
                + w
                + "timeout): json: cannot unmarshal into Go value of type string");
      }
      try {
        timeout = GoDuration.parse(t.asText());
      } catch (IllegalArgumentException e) {
        throw RpcException.rejected(e.getMessage());
      }
    }
    int limit = 0;
    if (m.containsKey("limit")) {
      JsonNode l = m.get("limit");
      if (!l.isIntegralNumber() || !l.canConvertToInt()) {
        throw RpcException.invalidParams(
            "invalid argument " + w + "limit): json: cannot unmarshal into Go value of type int");
      }
      limit = Math.max(0, l.intValue());
    }
    StateOverrides state = StateOverrides.NONE;
    BlockOverrides block = BlockOverrides.NONE;
    if (forCall) {
      if (m.containsKey("txindex")) {
        throw RpcException.rejected("txIndex is not supported by this node's debug_traceCall");
      }
      state = OverrideArgs.state(m.get("stateoverrides"), index);
      block = OverrideArgs.block(m.get("blockoverrides"), index);
    }
    return new TraceOptions(
        tracer,
        m.get("tracerconfig"),
        timeout,
        bool(m, "disablestack", w),
        bool(m, "disablestorage", w),
        bool(m, "enablememory", w),
        bool(m, "enablereturndata", w),
        limit,
        state,
        block);
  }

  private static boolean bool(Map<String, JsonNode> m, String key, String w) throws RpcException {
    JsonNode v = m.get(key);
    return v != null && RpcJson.parseBoolean(v, w + key + ")");
  }
}
