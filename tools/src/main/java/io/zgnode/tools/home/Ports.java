package io.zgnode.tools.home;

import io.zgnode.tools.CliException;

/** The TCP ports of one node, all on 127.0.0.1 unless the operator changes the config. */
public record Ports(int rpc, int p2p, int abci) {
  /** CometBFT RPC, CometBFT P2P and ABCI defaults (the outside contract's port table). */
  public static final Ports DEFAULTS = new Ports(26657, 26656, 26658);

  /**
   * Where CometBFT's own Prometheus exporter would listen if an operator turns it on; 26660 belongs
   * to the application's metrics.
   */
  public static final int COMET_PROMETHEUS = 26661;

  public Ports {
    ListenAddress.checkPort(rpc);
    ListenAddress.checkPort(p2p);
    ListenAddress.checkPort(abci);
    if (rpc == p2p || rpc == abci || p2p == abci) {
      throw new CliException(
          "the RPC, P2P and ABCI ports must differ, got " + rpc + ", " + p2p + ", " + abci);
    }
  }

  public ListenAddress abciAddress() {
    return ListenAddress.loopback(abci);
  }
}
