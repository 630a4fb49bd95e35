package io.zgnode.jsonrpc.eth;

import io.zgnode.chain.Chain;
import io.zgnode.jsonrpc.RpcConfig;

/**
 * What the eth_ methods (and the simulation and debug methods built beside them) work with.
 *
 * @param chain the state machine whose committed blocks, state and mempool the methods read
 * @param config limits and caps (log range, filters, fee cap...)
 * @param broadcaster where eth_sendRawTransaction hands signed transactions (CometBFT's mempool)
 * @param clientVersion what web3_clientVersion answers, e.g. "zgnode/v0.1.0/linux-amd64/java21"
 */
public record EthContext(
    Chain chain, RpcConfig config, TxBroadcaster broadcaster, String clientVersion) {
  public EthContext {
    if (chain == null || config == null || broadcaster == null || clientVersion == null) {
      throw new IllegalArgumentException(
          "EthContext needs a chain, a config, a broadcaster and a version");
    }
  }
}
