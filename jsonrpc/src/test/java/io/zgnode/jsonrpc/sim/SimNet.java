package io.zgnode.jsonrpc.sim;

import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.zgnode.chain.ChainOptions;
import io.zgnode.chain.sim.SimFixture;
import io.zgnode.jsonrpc.RpcConfig;
import io.zgnode.jsonrpc.core.MethodRegistry;
import io.zgnode.jsonrpc.core.RpcException;
import io.zgnode.jsonrpc.core.RpcMethod;
import io.zgnode.jsonrpc.core.RpcRequest;
import io.zgnode.jsonrpc.eth.BroadcastResult;
import io.zgnode.jsonrpc.eth.EthContext;
import java.io.IOException;

/**
 * The chain module's simulation fixture (a real in-memory chain with hand-assembled contracts in
 * its genesis) with the simulation and debug methods registered over it.
 */
public final class SimNet extends SimFixture {
  public static final ObjectMapper MAPPER = new ObjectMapper();

  public final MethodRegistry registry = new MethodRegistry();

  public SimNet() {
    this(RpcConfig.DEFAULT);
  }

  public SimNet(RpcConfig config) {
    super(ChainOptions.DEFAULT);
    EthContext ctx = new EthContext(chain, config, raw -> BroadcastResult.ACCEPTED, "zgnode/test");
    SimApi.register(registry, ctx);
  }

  public JsonNode call(String method, Object... params) throws RpcException {
    RpcMethod m =
        registry.find(method).orElseThrow(() -> new AssertionError("not registered: " + method));
    return m.call(new RpcRequest(method, params(params), null));
  }

  public RpcException error(String method, Object... params) {
    return assertThrows(RpcException.class, () -> call(method, params), method);
  }

  public static ArrayNode params(Object... params) {
    ArrayNode a = JsonNodeFactory.instance.arrayNode();
    for (Object p : params) {
      a.add(p instanceof JsonNode n ? n : MAPPER.valueToTree(p));
    }
    return a;
  }

  /** JSON with single quotes for readability. */
  public static JsonNode json(String text) {
    try {
      return MAPPER.readTree(text.replace('\'', '"'));
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }

  public static String hex(long v) {
    return "0x" + Long.toHexString(v);
  }
}
