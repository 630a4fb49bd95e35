package io.zgnode.jsonrpc.debug;

import io.zgnode.jsonrpc.core.MethodRegistry;
import io.zgnode.jsonrpc.eth.EthContext;

/**
 * Registers debug_traceTransaction, debug_traceCall, debug_traceBlockByNumber and
 * debug_traceBlockByHash (each only if nothing answers that name yet, so registering through both
 * this and {@code SimApi.register} is harmless).
 */
public final class DebugApi {
  private DebugApi() {}

  public static void register(MethodRegistry registry, EthContext context) {
    new DebugMethods(context.chain(), context.config()).register(registry);
  }
}
