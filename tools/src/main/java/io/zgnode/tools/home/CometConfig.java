package io.zgnode.tools.home;

import io.zgnode.tools.CliException;
import io.zgnode.tools.toml.TomlDocument;
import io.zgnode.tools.toml.TomlException;
import io.zgnode.tools.toml.TomlValue;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;

/**
 * The settings zgnode owns in CometBFT's {@code config.toml}. Each is a targeted edit of one key,
 * so CometBFT's comments and every setting not named here stay as {@code cometbft init} wrote them.
 */
public final class CometConfig {
  /** The default pause after a commit; the devnet uses a shorter one. */
  public static final String DEFAULT_TIMEOUT_COMMIT = "1s";

  // Big enough for load tests: the v0.38 defaults (5000 txs, cache 10000) fill up in seconds.
  static final long MEMPOOL_SIZE = 20_000;
  static final long MEMPOOL_MAX_TXS_BYTES = 1L << 30;
  static final long MEMPOOL_CACHE_SIZE = 50_000;
  static final long RPC_MAX_BATCH = 200;

  private CometConfig() {}

  /** Node identity and tuning set once by {@code init}. */
  public static void applyInit(TomlDocument doc, String moniker, String timeoutCommit) {
    doc.set("", "moniker", TomlValue.string(moniker));
    doc.set("p2p", "addr_book_strict", TomlValue.bool(false));
    doc.set("mempool", "size", TomlValue.integer(MEMPOOL_SIZE));
    doc.set("mempool", "max_txs_bytes", TomlValue.integer(MEMPOOL_MAX_TXS_BYTES));
    doc.set("mempool", "cache_size", TomlValue.integer(MEMPOOL_CACHE_SIZE));
    // The JSON-RPC forwards transactions to CometBFT in batches of up to 200.
    doc.set("rpc", "max_request_batch_size", TomlValue.integer(RPC_MAX_BATCH));
    doc.set("instrumentation", "prometheus", TomlValue.bool(false));
    doc.set(
        "instrumentation",
        "prometheus_listen_addr",
        TomlValue.string(ListenAddress.loopback(Ports.COMET_PROMETHEUS).toString()));
    applyTimeoutCommit(doc, timeoutCommit);
  }

  public static void applyTimeoutCommit(TomlDocument doc, String timeoutCommit) {
    doc.set("consensus", "timeout_commit", TomlValue.string(timeoutCommit));
  }

  /** Listen addresses (all loopback) and the way CometBFT reaches the application. */
  public static void applyNetwork(TomlDocument doc, Ports ports, AbciTransport transport) {
    doc.set("", "proxy_app", TomlValue.string(transport.proxyApp(ports.abciAddress())));
    doc.set("", "abci", TomlValue.string(transport.configName()));
    doc.set("rpc", "laddr", TomlValue.string("tcp://" + ListenAddress.loopback(ports.rpc())));
    doc.set("p2p", "laddr", TomlValue.string("tcp://" + ListenAddress.loopback(ports.p2p())));
  }

  /** The HTTP URL of CometBFT's RPC as configured in {@code config.toml}. */
  public static URI rpcUrl(Path configToml) {
    String laddr;
    try {
      laddr =
          TomlDocument.read(configToml)
              .getString("rpc", "laddr")
              .orElseThrow(() -> new CliException(configToml + ": [rpc] laddr is missing"));
    } catch (IOException e) {
      throw new CliException("cannot read " + configToml + ": " + e.getMessage(), e);
    } catch (TomlException e) {
      throw new CliException(configToml + ": " + e.getMessage(), e);
    }
    return rpcUrl(laddr);
  }

  /**
   * Turns a listen address ({@code tcp://0.0.0.0:26657}) into a URL to dial: a wildcard host
   * becomes loopback.
   */
  public static URI rpcUrl(String laddr) {
    if (laddr.startsWith("unix://")) {
      throw new CliException(
          "CometBFT's RPC listens on a unix socket (" + laddr + "); pass --node http://HOST:PORT");
    }
    if (laddr.isBlank()) {
      throw new CliException("CometBFT's RPC is disabled ([rpc] laddr is empty)");
    }
    ListenAddress a = ListenAddress.parse(laddr);
    String host =
        switch (a.host()) {
          case "0.0.0.0", "" -> "127.0.0.1";
          case "::" -> "::1";
          default -> a.host();
        };
    return URI.create("http://" + new ListenAddress(host, a.port()));
  }
}
