package io.zgnode.tools.home;

import io.zgnode.tools.CliException;

/**
 * The TCP ports of one node, all on 127.0.0.1 unless the operator changes the config.
 *
 * @param rpc CometBFT RPC
 * @param p2p CometBFT P2P
 * @param abci the application's ABCI server
 * @param jsonRpc the Ethereum JSON-RPC over HTTP (WebSocket upgrades accepted too)
 * @param ws the Ethereum JSON-RPC over WebSocket (HTTP accepted too); 0 = no second listener
 */
public record Ports(int rpc, int p2p, int abci, int jsonRpc, int ws) {
  /** The outside contract's port table. */
  public static final Ports DEFAULTS = new Ports(26657, 26656, 26658, 8545, 8546);

  /**
   * Where CometBFT's own Prometheus exporter would listen if an operator turns it on; 26660 belongs
   * to the application's metrics.
   */
  public static final int COMET_PROMETHEUS = 26661;

  public Ports {
    ListenAddress.checkPort(rpc);
    ListenAddress.checkPort(p2p);
    ListenAddress.checkPort(abci);
    ListenAddress.checkPort(jsonRpc);
    if (ws != 0) {
      ListenAddress.checkPort(ws);
    }
    int[] all =
        ws == 0 ? new int[] {rpc, p2p, abci, jsonRpc} : new int[] {rpc, p2p, abci, jsonRpc, ws};
    for (int i = 0; i < all.length; i++) {
      for (int j = i + 1; j < all.length; j++) {
        if (all[i] == all[j]) {
          throw new CliException(
              "the CometBFT RPC, P2P, ABCI, JSON-RPC and WebSocket ports must differ, got "
                  + rpc
                  + ", "
                  + p2p
                  + ", "
                  + abci
                  + ", "
                  + jsonRpc
                  + ", "
                  + ws);
        }
      }
    }
  }

  /** CometBFT and ABCI ports, with the JSON-RPC on its defaults. */
  public Ports(int rpc, int p2p, int abci) {
    this(rpc, p2p, abci, DEFAULTS.jsonRpc, DEFAULTS.ws);
  }

  public ListenAddress abciAddress() {
    return ListenAddress.loopback(abci);
  }
}
