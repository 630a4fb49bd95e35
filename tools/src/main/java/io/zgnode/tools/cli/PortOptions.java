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

  @Option(
      names = "--json-rpc-port",
      paramLabel = "PORT",
      description = "Ethereum JSON-RPC HTTP port on 127.0.0.1 (default 8545).")
  Integer jsonRpc;

  @Option(
      names = "--ws-port",
      paramLabel = "PORT",
      description =
          "Ethereum JSON-RPC WebSocket port on 127.0.0.1 (default 8546; 0 = WebSockets on the"
              + " HTTP port only).")
  Integer ws;

  boolean anySet() {
    return rpc != null || p2p != null || abci != null || jsonRpc != null || ws != null;
  }

  Ports over(Ports base) {
    return new Ports(
        rpc != null ? rpc : base.rpc(),
        p2p != null ? p2p : base.p2p(),
        abci != null ? abci : base.abci(),
        jsonRpc != null ? jsonRpc : base.jsonRpc(),
        ws != null ? ws : base.ws());
  }
}
