package io.zgnode.jsonrpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.zgnode.chain.ChainParams;
import io.zgnode.evm.crypto.Keccak256;
import io.zgnode.jsonrpc.core.MethodRegistry;
import io.zgnode.jsonrpc.core.RpcException;
import io.zgnode.jsonrpc.core.RpcRequest;
import java.math.BigInteger;

/**
 * The node's identity and the methods whose answers are fixed on a proof-of-stake chain without
 * local accounts: chain id, net_*, web3_*, syncing, accounts, coinbase (the fee collector), mining,
 * hashrate.
 */
final class NetMethods {
  private final EthContext ctx;

  NetMethods(EthContext ctx) {
    this.ctx = ctx;
  }

  void register(MethodRegistry r) {
    r.register("eth_chainId", req -> noParams(req, RpcJson.quantity(chainId())));
    r.register("net_version", req -> noParams(req, TextNode.valueOf(chainId().toString())));
    r.register("net_listening", req -> noParams(req, BooleanNode.TRUE));
    // CometBFT's peers are behind its own RPC; the Ethereum view of a validator has none.
    r.register("net_peerCount", req -> noParams(req, RpcJson.quantity(0)));
    r.register("web3_clientVersion", req -> noParams(req, TextNode.valueOf(ctx.clientVersion())));
    r.register("web3_sha3", this::sha3);
    r.register("eth_syncing", req -> noParams(req, BooleanNode.FALSE));
    r.register("eth_accounts", req -> noParams(req, RpcJson.NODES.arrayNode()));
    r.register("eth_coinbase", req -> noParams(req, RpcJson.address(ChainParams.FEE_COLLECTOR)));
    r.register("eth_mining", req -> noParams(req, BooleanNode.FALSE));
    r.register("eth_hashrate", req -> noParams(req, RpcJson.quantity(0)));
  }

  private BigInteger chainId() throws RpcException {
    ChainParams p = ctx.chain().params();
    if (p == null) {
      throw RpcException.rejected("the chain has not been initialised yet (no genesis)");
    }
    return p.evmChainId();
  }

  private JsonNode sha3(RpcRequest req) throws RpcException {
    req.maxParams(1);
    byte[] input = RpcJson.parseData(req.requiredParam(0, "input"), "input");
    return RpcJson.data(Keccak256.hash(input));
  }

  private static JsonNode noParams(RpcRequest req, JsonNode answer) throws RpcException {
    req.maxParams(0);
    return answer;
  }
}
