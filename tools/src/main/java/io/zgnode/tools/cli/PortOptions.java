package io.zgnode.tools.cli;

import io.zgnode.tools.home.Ports;
import picocli.CommandLine.Option;

/** Port overrides for a node home; unset ones keep the base value. */
final class PortOptions {
  @Option(
      names = "--rpc-port",
      paramLabel = "PORT",
      description = "CometBFT RPC port on 127.0.0.1 (default 26657).")
  Integer rpc;

  @Option(
      names = "--p2p-port",
      paramLabel = "PORT",
      description = "CometBFT P2P port on 127.0.0.1 (default 26656).")
  Integer p2p;

  @Option(
      names = "--abci-port",
      paramLabel = "PORT",
      description = "ABCI port the application listens on, 127.0.0.1 (default 26658).")
  Integer abci;

  boolean anySet() {
    return rpc != null || p2p != null || abci != null;
  }

  Ports over(Ports base) {
    return new Ports(
        rpc != null ? rpc : base.rpc(),
        p2p != null ? p2p : base.p2p(),
        abci != null ? abci : base.abci());
  }
}
