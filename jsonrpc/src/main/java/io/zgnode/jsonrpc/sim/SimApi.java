package io.zgnode.jsonrpc.sim;

import io.zgnode.jsonrpc.core.MethodRegistry;
import io.zgnode.jsonrpc.core.RpcMethod;
import io.zgnode.jsonrpc.debug.DebugApi;
import io.zgnode.jsonrpc.eth.EthContext;

/**
 * Registers the simulation methods (eth_call, eth_estimateGas, eth_createAccessList, eth_getProof)
 * and the debug_trace* methods. Registration is idempotent per name, so calling this and {@link
 * DebugApi#register} both is harmless.
 */
public final class SimApi {
  private SimApi() {}

  public static void register(MethodRegistry registry, EthContext context) {
    new SimMethods(context.chain(), context.config()).register(registry);
    DebugApi.register(registry, context);
  }

  /** Registers {@code name} unless something already answers it. */
  public static void registerOnce(MethodRegistry registry, String name, RpcMethod method) {
    synchronized (registry) {
      if (registry.find(name).isEmpty()) {
        registry.register(name, method);
      }
    }
  }
}
