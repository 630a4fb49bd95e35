package io.zgnode.jsonrpc.debug;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zgnode.chain.Chain;
import io.zgnode.chain.sim.BlockReplayer;
import io.zgnode.chain.sim.CallRequest;
import io.zgnode.chain.sim.CallResult;
import io.zgnode.chain.sim.CallSimulator;
import io.zgnode.chain.sim.Deadline;
import io.zgnode.chain.sim.SimulationException;
import io.zgnode.evm.tx.Transaction;
import io.zgnode.evm.types.Hash;
import io.zgnode.jsonrpc.RpcConfig;
import io.zgnode.jsonrpc.core.MethodRegistry;
import io.zgnode.jsonrpc.core.RpcException;
import io.zgnode.jsonrpc.core.RpcRequest;
import io.zgnode.jsonrpc.eth.BlockTags;
import io.zgnode.jsonrpc.eth.RpcJson;
import io.zgnode.jsonrpc.sim.CallArgs;
import io.zgnode.jsonrpc.sim.SimApi;
import io.zgnode.jsonrpc.sim.SimErrors;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/** debug_traceTransaction, debug_traceCall, debug_traceBlockByNumber, debug_traceBlockByHash. */
final class DebugMethods {
  /** Largest struct-log result, as a multiple of the response limit (tracing is for operators). */
  private static final long TRACE_SIZE_FACTOR = 4;

  private final Chain chain;
  private final CallSimulator simulator;
  private final BlockReplayer replayer;
  private final Duration defaultTimeout;
  private final long maxTraceBytes;

  DebugMethods(Chain chain, RpcConfig config) {
    this.chain = chain;
    this.simulator = new CallSimulator(chain, config.gasCap());
    this.replayer = new BlockReplayer(chain);
    this.defaultTimeout = config.evmTimeout();
    this.maxTraceBytes = Math.max(1 << 20, config.maxResponseBytes() * TRACE_SIZE_FACTOR);
  }

  void register(MethodRegistry r) {
    SimApi.registerOnce(r, "debug_traceTransaction", this::traceTransaction);
    SimApi.registerOnce(r, "debug_traceCall", this::traceCall);
    SimApi.registerOnce(r, "debug_traceBlockByNumber", this::traceBlockByNumber);
    SimApi.registerOnce(r, "debug_traceBlockByHash", this::traceBlockByHash);
  }

  private Deadline deadline(TraceOptions o) {
    Duration t = o.timeout() != null ? o.timeout() : defaultTimeout;
    return t == null ? Deadline.none() : Deadline.after(t);
  }

  private JsonNode traceTransaction(RpcRequest req) throws RpcException {
    req.maxParams(2);
    Hash hash = RpcJson.parseHash(req.requiredParam(0, "txHash"), "0 (txHash)");
    TraceOptions options = TraceOptions.parse(req.param(1), 1, false);
    TraceCollector tracer = Tracers.create(options, new TraceBudget(maxTraceBytes));
    BlockReplayer.ReplayedTx t =
        traced(() -> replayer.replayTransaction(hash, tracer, deadline(options)));
    return result(t, tracer);
  }

  private JsonNode traceCall(RpcRequest req) throws RpcException {
    req.maxParams(3);
    CallRequest args = CallArgs.parse(req.requiredParam(0, "args"), 0);
    long height = height(req.param(1));
    TraceOptions options = TraceOptions.parse(req.param(2), 2, true);
    TraceCollector tracer = Tracers.create(options, new TraceBudget(maxTraceBytes));
    CallSimulator.Environment env =
        traced(() ->
            simulator.environment(height, options.stateOverrides(), options.blockOverrides()));
    long gasLimit = simulator.callGas(args, env);
    Deadline deadline = deadline(options);
    CallResult r =
        traced(() -> {
          try {
            return simulator.execute(args, env, deadline, tracer);
          } catch (SimulationException e) {
            if (e.kind() == SimulationException.Kind.REJECTED) {
              throw new SimulationException(e.kind(), "tracing failed: " + e.getMessage());
            }
            throw e;
          }
        });
    return tracer.result(
        new TxSummary(
            args.from(),
            args.to(),
            args.data(),
            args.value(),
            gasLimit,
            r.gasUsed(),
            r.success(),
            r.error()));
  }

  private JsonNode traceBlockByNumber(RpcRequest req) throws RpcException {
    req.maxParams(2);
    long h = BlockTags.resolve(chain, req.requiredParam(0, "number"), "latest");
    if (h == BlockTags.PENDING) {
      throw RpcException.rejected("tracing the pending block is not supported");
    }
    return traceBlock(h, TraceOptions.parse(req.param(1), 1, false));
  }

  private JsonNode traceBlockByHash(RpcRequest req) throws RpcException {
    req.maxParams(2);
    Hash hash = RpcJson.parseHash(req.requiredParam(0, "hash"), "0 (hash)");
    OptionalLong h = chain.blockNumber(hash);
    if (h.isEmpty()) {
      throw RpcException.rejected("block " + hash + " not found");
    }
    return traceBlock(h.getAsLong(), TraceOptions.parse(req.param(1), 1, false));
  }

  private JsonNode traceBlock(long height, TraceOptions options) throws RpcException {
    Tracers.check(options);
    TraceBudget budget = new TraceBudget(maxTraceBytes);
    List<TraceCollector> tracers = new ArrayList<>();
    List<BlockReplayer.ReplayedTx> txs =
        traced(() ->
            replayer.replayBlock(
                height,
                i -> {
                  try {
                    TraceCollector t = Tracers.create(options, budget);
                    tracers.add(t);
                    return t;
                  } catch (RpcException e) {
                    throw new IllegalStateException(e); // checked above; cannot happen
                  }
                },
                deadline(options)));
    ArrayNode out = RpcJson.NODES.arrayNode();
    for (int i = 0; i < txs.size(); i++) {
      BlockReplayer.ReplayedTx t = txs.get(i);
      ObjectNode o = out.addObject();
      o.set("txHash", RpcJson.hash(t.txHash()));
      if (t.error() != null) {
        o.put("error", t.error());
      } else {
        o.set("result", result(t, tracers.get(i)));
      }
    }
    return out;
  }

  private long height(JsonNode param) throws RpcException {
    long h = BlockTags.resolve(chain, param, "latest");
    return h == BlockTags.PENDING ? CallSimulator.PENDING : h;
  }

  /** The tracer's answer for a replayed transaction; one the block refused has none. */
  private static JsonNode result(BlockReplayer.ReplayedTx t, TraceCollector tracer)
      throws RpcException {
    if (t.executed() == null) {
      throw RpcException.rejected("tracing failed: " + t.error());
    }
    var receipt = t.executed().receipt();
    Transaction tx = t.tx();
    return tracer.result(
        new TxSummary(
            receipt.from(),
            tx.to(),
            tx.data(),
            tx.value(),
            tx.gasLimit(),
            receipt.gasUsed(),
            receipt.success(),
            t.executed().outcome().log()));
  }

  /** Work that traces: simulation failures become geth's errors (a timeout "execution timeout"). */
  private interface Traced<T> {
    T run() throws SimulationException, RpcException;
  }

  private static <T> T traced(Traced<T> work) throws RpcException {
    try {
      return SimErrors.guard(() -> {
        try {
          return work.run();
        } catch (SimulationException e) {
          if (e.kind() == SimulationException.Kind.TIMEOUT) {
            throw new SimulationException(e.kind(), "execution timeout");
          }
          throw e;
        }
      });
    } catch (TraceTooLargeException e) {
      throw RpcException.limitExceeded(e.getMessage());
    }
  }
}
