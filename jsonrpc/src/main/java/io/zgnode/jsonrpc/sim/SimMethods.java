package io.zgnode.jsonrpc.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zgnode.chain.Chain;
import io.zgnode.chain.sim.AccessListResult;
import io.zgnode.chain.sim.AccountProof;
import io.zgnode.chain.sim.BlockOverrides;
import io.zgnode.chain.sim.CallRequest;
import io.zgnode.chain.sim.CallResult;
import io.zgnode.chain.sim.CallSimulator;
import io.zgnode.chain.sim.Deadline;
import io.zgnode.chain.sim.StateOverrides;
import io.zgnode.chain.sim.StateProofs;
import io.zgnode.chain.sim.StorageProof;
import io.zgnode.evm.bytes.Hex;
import io.zgnode.evm.tracing.Tracer;
import io.zgnode.evm.types.Address;
import io.zgnode.evm.types.Hash;
import io.zgnode.jsonrpc.RpcConfig;
import io.zgnode.jsonrpc.core.MethodRegistry;
import io.zgnode.jsonrpc.core.RpcException;
import io.zgnode.jsonrpc.core.RpcRequest;
import io.zgnode.jsonrpc.eth.BlockTags;
import io.zgnode.jsonrpc.eth.EthJson;
import io.zgnode.jsonrpc.eth.RpcJson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** eth_call, eth_estimateGas, eth_createAccessList and eth_getProof. */
final class SimMethods {
  /** The most storage keys one eth_getProof answers (each costs a trie walk). */
  static final int MAX_PROOF_KEYS = 1024;

  private final Chain chain;
  private final CallSimulator simulator;
  private final StateProofs proofs;
  private final Duration timeout;

  SimMethods(Chain chain, RpcConfig config) {
    this.chain = chain;
    this.simulator = new CallSimulator(chain, config.gasCap());
    this.proofs = new StateProofs(chain);
    this.timeout = config.evmTimeout();
  }

  CallSimulator simulator() {
    return simulator;
  }

  void register(MethodRegistry r) {
    SimApi.registerOnce(r, "eth_call", this::call);
    SimApi.registerOnce(r, "eth_estimateGas", this::estimateGas);
    SimApi.registerOnce(r, "eth_createAccessList", this::createAccessList);
    SimApi.registerOnce(r, "eth_getProof", this::getProof);
  }

  /** The height a block parameter names for a simulation ({@link CallSimulator#PENDING} too). */
  static long height(Chain chain, JsonNode blockParam) throws RpcException {
    long h = BlockTags.resolve(chain, blockParam, "latest");
    return h == BlockTags.PENDING ? CallSimulator.PENDING : h;
  }

  Deadline deadline() {
    return timeout == null || timeout.isZero() ? Deadline.none() : Deadline.after(timeout);
  }

  /** What to simulate and on what: the call, then its environment. */
  private record Simulation(CallRequest args, CallSimulator.Environment env) {}

  /**
   * The parameters eth_call, eth_estimateGas and eth_createAccessList share: the call, the block,
   * state overrides and (with {@code blockOverrides}) block overrides.
   */
  private Simulation simulation(RpcRequest req, boolean blockOverrides) throws RpcException {
    CallRequest args = CallArgs.parse(req.requiredParam(0, "args"), 0);
    long height = height(chain, req.param(1));
    StateOverrides state = OverrideArgs.state(req.param(2), 2);
    BlockOverrides block =
        blockOverrides ? OverrideArgs.block(req.param(3), 3) : BlockOverrides.NONE;
    return new Simulation(args, SimErrors.guard(() -> simulator.environment(height, state, block)));
  }

  private JsonNode call(RpcRequest req) throws RpcException {
    req.maxParams(4);
    Simulation sim = simulation(req, true);
    CallResult r =
        SimErrors.guard(() -> simulator.call(sim.args(), sim.env(), deadline(), Tracer.NO_OP));
    if (r.success()) {
      return RpcJson.data(r.output());
    }
    if (r.reverted()) {
      throw RpcException.reverted(r.revertReason(), r.output());
    }
    throw RpcException.rejected(r.error());
  }

  private JsonNode estimateGas(RpcRequest req) throws RpcException {
    req.maxParams(4);
    Simulation sim = simulation(req, true);
    long gas = SimErrors.guard(() -> simulator.estimateGas(sim.args(), sim.env(), deadline()));
    return RpcJson.quantity(gas);
  }

  private JsonNode createAccessList(RpcRequest req) throws RpcException {
    req.maxParams(3);
    Simulation sim = simulation(req, false);
    AccessListResult r =
        SimErrors.guard(() -> simulator.createAccessList(sim.args(), sim.env(), deadline()));
    ObjectNode o = RpcJson.NODES.objectNode();
    o.set("accessList", EthJson.accessList(r.accessList()));
    if (r.error() != null) {
      o.put("error", r.error());
    }
    o.set("gasUsed", RpcJson.quantity(r.gasUsed()));
    return o;
  }

  private JsonNode getProof(RpcRequest req) throws RpcException {
    req.maxParams(3);
    Address address = RpcJson.parseAddress(req.requiredParam(0, "address"), "0 (address)");
    JsonNode keysNode = req.requiredParam(1, "storageKeys");
    if (!keysNode.isArray()) {
      throw RpcException.invalidParams(
          "invalid argument 1: json: cannot unmarshal non-array into Go value of type []string");
    }
    if (keysNode.size() > MAX_PROOF_KEYS) {
      throw RpcException.limitExceeded(
          "too many storage keys: " + keysNode.size() + ", at most " + MAX_PROOF_KEYS);
    }
    List<Hash> keys = new ArrayList<>(keysNode.size());
    List<Integer> lengths = new ArrayList<>(keysNode.size());
    for (JsonNode k : keysNode) {
      byte[] b = storageKey(k);
      lengths.add(b.length);
      byte[] word = new byte[32];
      System.arraycopy(b, 0, word, 32 - b.length, b.length);
      keys.add(Hash.wrapOwned(word));
    }
    long h = height(chain, req.param(2));
    long height = h == CallSimulator.PENDING ? chain.latestHeight() : h;
    AccountProof p = SimErrors.guard(() -> proofs.prove(height, address, keys));
    ObjectNode o = RpcJson.NODES.objectNode();
    o.set("address", RpcJson.address(p.address()));
    o.set("accountProof", nodes(p.accountProof()));
    o.set("balance", RpcJson.quantity(p.balance()));
    o.set("codeHash", RpcJson.hash(p.codeHash()));
    o.set("nonce", RpcJson.quantity(p.nonce()));
    o.set("storageHash", RpcJson.hash(p.storageHash()));
    ArrayNode storage = o.putArray("storageProof");
    for (int i = 0; i < p.storageProof().size(); i++) {
      StorageProof s = p.storageProof().get(i);
      ObjectNode e = storage.addObject();
      // geth echoes a full 32-byte key as such and anything shorter as a quantity
      e.set(
          "key",
          lengths.get(i) == 32
              ? RpcJson.hash(s.key())
              : RpcJson.quantity(new java.math.BigInteger(1, s.key().bytesUnsafe())));
      e.set("value", RpcJson.quantity(s.value()));
      e.set("proof", nodes(s.proof()));
    }
    return o;
  }

  /** A storage key as geth's decodeHash reads it: optional 0x, odd length padded, <= 32 bytes. */
  private static byte[] storageKey(JsonNode k) throws RpcException {
    if (k == null || !k.isTextual()) {
      throw RpcException.invalidParams(
          "invalid argument 1: json: cannot unmarshal non-string into Go value of type string");
    }
    String s = k.asText();
    if (s.startsWith("0x") || s.startsWith("0X")) {
      s = s.substring(2);
    }
    if ((s.length() & 1) != 0) {
      s = "0" + s;
    }
    byte[] b;
    try {
      b = Hex.decode(s);
    } catch (IllegalArgumentException e) {
      throw RpcException.rejected("unable to decode storage key: hex string invalid");
    }
    if (b.length > 32) {
      throw RpcException.rejected(
          "unable to decode storage key: hex string too long, want at most 32 bytes");
    }
    return b;
  }

  private static ArrayNode nodes(List<byte[]> proof) {
    ArrayNode a = RpcJson.NODES.arrayNode();
    proof.forEach(n -> a.add(Hex.encode(n)));
    return a;
  }
}
