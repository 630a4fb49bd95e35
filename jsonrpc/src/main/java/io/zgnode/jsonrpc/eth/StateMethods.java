package io.zgnode.jsonrpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import io.zgnode.chain.Chain;
import io.zgnode.evm.types.Address;
import io.zgnode.evm.types.Hash;
import io.zgnode.jsonrpc.core.MethodRegistry;
import io.zgnode.jsonrpc.core.RpcException;
import io.zgnode.jsonrpc.core.RpcRequest;
import io.zgnode.state.world.Account;
import io.zgnode.state.world.WorldView;
import java.math.BigInteger;

/**
 * Account state at any retained block: balance, code, storage, nonce. The block parameter is a tag,
 * a number or an EIP-1898 object and defaults to "latest"; "pending" reads the latest state, except
 * for the nonce, which counts the sender's contiguous mempool transactions. A future block is
 * "header not found"; a pruned one names the retention window.
 */
final class StateMethods {
  private final ChainAccess access;

  StateMethods(ChainAccess access) {
    this.access = access;
  }

  void register(MethodRegistry r) {
    r.register("eth_getBalance", this::balance);
    r.register("eth_getCode", this::code);
    r.register("eth_getStorageAt", this::storage);
    r.register("eth_getTransactionCount", this::nonce);
  }

  private JsonNode balance(RpcRequest req) throws RpcException {
    req.maxParams(2);
    Address a = RpcJson.parseAddress(req.requiredParam(0, "address"), "address");
    Account acc = access.state(req.param(1)).account(a);
    return RpcJson.quantity(acc == null ? BigInteger.ZERO : acc.balance());
  }

  private JsonNode code(RpcRequest req) throws RpcException {
    req.maxParams(2);
    Address a = RpcJson.parseAddress(req.requiredParam(0, "address"), "address");
    return RpcJson.data(access.state(req.param(1)).code(a));
  }

  private JsonNode storage(RpcRequest req) throws RpcException {
    req.maxParams(3);
    Address a = RpcJson.parseAddress(req.requiredParam(0, "address"), "address");
    Hash slot = RpcJson.parseStorageKey(req.requiredParam(1, "storageSlot"), "storageSlot");
    return RpcJson.hash(access.state(req.param(2)).storage(a, slot));
  }

  private JsonNode nonce(RpcRequest req) throws RpcException {
    req.maxParams(2);
    Address a = RpcJson.parseAddress(req.requiredParam(0, "address"), "address");
    Chain chain = access.chain();
    long h = BlockTags.resolve(chain, req.param(1), "latest");
    if (h == BlockTags.PENDING) {
      WorldView latest = chain.committedView();
      return RpcJson.quantity(chain.pendingPool().pendingNonce(a, ChainAccess.nonce(latest, a)));
    }
    return RpcJson.quantity(ChainAccess.nonce(access.stateAt(h), a));
  }
}
