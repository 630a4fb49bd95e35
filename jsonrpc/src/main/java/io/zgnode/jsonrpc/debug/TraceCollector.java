package io.zgnode.jsonrpc.debug;

import com.fasterxml.jackson.databind.JsonNode;
import io.zgnode.evm.tracing.Tracer;

/** A tracer that turns one transaction's execution into the JSON a debug_trace* method returns. */
interface TraceCollector extends Tracer {
  JsonNode result(TxSummary tx);
}
