package io.zgnode.jsonrpc.debug;

import io.zgnode.jsonrpc.core.RpcException;

/** The tracers this node has, by the names geth gives them. */
final class Tracers {
  private Tracers() {}

  /**
   * A fresh tracer for one transaction.
   *
   * @param budget the size the request's traces may reach together
   */
  static TraceCollector create(TraceOptions options, TraceBudget budget) throws RpcException {
    String name = options.tracer();
    if (name == null || name.isEmpty()) {
      return new StructLogger(options, budget);
    }
    if (name.equals("callTracer")) {
      return new CallTracer(options.tracerConfig(), budget);
    }
    throw RpcException.rejected(
        "tracer \""
            + name
            + "\" is not available: this node has the default struct logger and callTracer");
  }

  /** Checks the tracer name before any work is done. */
  static void check(TraceOptions options) throws RpcException {
    create(options, new TraceBudget(Long.MAX_VALUE));
  }
}
