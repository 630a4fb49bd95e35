package io.zgnode.tools.home;

import io.zgnode.jsonrpc.RpcConfig;
import io.zgnode.tools.CliException;
import io.zgnode.tools.toml.TomlDocument;
import io.zgnode.tools.toml.TomlException;
import io.zgnode.tools.toml.TomlValue;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The application's own settings, {@code config/app.toml} (CometBFT's are in {@code config.toml}).
 * A key missing from the file takes its default, so homes made by older versions keep working;
 * editing an existing file changes only the keys whose value changes and keeps everything else.
 *
 * @param jsonRpc the [json-rpc] section; its host and ports come from {@code address} and {@code
 *     ws-address}
 * @param allowUnprotectedTxs [json-rpc] allow-unprotected-txs: admit legacy transactions without
 *     EIP-155 replay protection (geth's --rpc.allow-unprotected-txs)
 * @param retainHeights [state] retain-heights: heights whose state stays queryable, 0 = all
 */
public record AppConfig(
    AbciTransport transport,
    ListenAddress abciAddress,
    long evmChainId,
    RpcConfig jsonRpc,
    boolean allowUnprotectedTxs,
    long retainHeights) {
  static final String ABCI = "abci";
  static final String EVM = "evm";
  static final String JSON_RPC = "json-rpc";
  static final String STATE = "state";

  public AppConfig {
    if (retainHeights < 0) {
      throw new CliException(
          "[state] retain-heights must be 0 (archive) or more, got " + retainHeights);
    }
  }

  /** ABCI and EVM settings, with the JSON-RPC and state sections at their defaults. */
  public AppConfig(AbciTransport transport, ListenAddress abciAddress, long evmChainId) {
    this(transport, abciAddress, evmChainId, RpcConfig.DEFAULT, false, 0);
  }

  /** The settings {@code zgnode init} writes for a new home. */
  public static AppConfig initial(
      AbciTransport transport, Ports ports, long evmChainId, List<String> corsOrigins) {
    RpcConfig rpc =
        RpcConfig.DEFAULT.withPorts(ports.jsonRpc(), ports.ws()).withCorsOrigins(corsOrigins);
    return new AppConfig(transport, ports.abciAddress(), evmChainId, rpc, false, 0);
  }

  public static AppConfig read(Path file) {
    try {
      TomlDocument doc = TomlDocument.read(file);
      AbciTransport transport =
          AbciTransport.parse(doc.getString(ABCI, "transport").orElse("socket"));
      ListenAddress address =
          ListenAddress.parse(
              doc.getString(ABCI, "address").orElse(Ports.DEFAULTS.abciAddress().toString()));
      long chainId =
          doc.getLong(EVM, "chain_id")
              .orElseThrow(() -> new CliException(file + ": [evm] chain_id is missing"));
      RpcConfig rpc = readJsonRpc(doc);
      boolean unprotected = bool(doc, JSON_RPC, "allow-unprotected-txs", false);
      long retain = doc.getLong(STATE, "retain-heights").orElse(0L);
      if (retain < 0) {
        throw new CliException(
            "[state] retain-heights must be 0 (archive) or a number of heights, got " + retain);
      }
      return new AppConfig(transport, address, chainId, rpc, unprotected, retain);
    } catch (IOException e) {
      throw new CliException("cannot read " + file + ": " + e.getMessage(), e);
    } catch (TomlException | CliException e) {
      String m = e.getMessage();
      throw new CliException(m.startsWith(file.toString()) ? m : file + ": " + m, e);
    }
  }

  private static RpcConfig readJsonRpc(TomlDocument doc) {
    RpcConfig d = RpcConfig.DEFAULT;
    boolean enabled = bool(doc, JSON_RPC, "enabled", d.enabled());
    ListenAddress http =
        ListenAddress.parse(
            doc.getString(JSON_RPC, "address").orElse(d.host() + ":" + d.httpPort()));
    String wsText = doc.getString(JSON_RPC, "ws-address").orElse(d.host() + ":" + d.wsPort());
    int wsPort = 0;
    if (!wsText.isBlank()) {
      ListenAddress ws = ListenAddress.parse(wsText);
      if (!ws.host().equals(http.host())) {
        throw new CliException(
            "[json-rpc] ws-address ("
                + ws
                + ") must use the same host as address ("
                + http
                + "); use \"\" for no separate WebSocket port");
      }
      wsPort = ws.port() == http.port() ? 0 : ws.port();
    }
    List<String> cors =
        doc.get(JSON_RPC, "cors-origins")
            .map(v -> ConfigValues.stringArray(v, key("cors-origins")))
            .orElse(d.corsOrigins());
    List<String> hosts =
        doc.get(JSON_RPC, "allowed-hosts")
            .map(v -> ConfigValues.stringArray(v, key("allowed-hosts")))
            .orElse(d.allowedHosts());
    int workers = intIn(doc, "worker-threads", 0, 0, 4096);
    return new RpcConfig(
        enabled,
        http.host(),
        http.port(),
        wsPort,
        cors,
        hosts,
        intIn(doc, "max-body-bytes", d.maxBodyBytes(), 1024, Integer.MAX_VALUE),
        intIn(doc, "max-batch-items", d.maxBatchItems(), 1, Integer.MAX_VALUE),
        longIn(doc, "max-response-bytes", d.maxResponseBytes(), 1),
        longIn(doc, "max-log-block-range", d.maxLogBlockRange(), 1),
        intIn(doc, "max-log-results", d.maxLogResults(), 1, Integer.MAX_VALUE),
        intIn(doc, "max-ws-connections", d.maxWsConnections(), 0, Integer.MAX_VALUE),
        intIn(
            doc,
            "max-subscriptions-per-connection",
            d.maxSubscriptionsPerConnection(),
            0,
            Integer.MAX_VALUE),
        intIn(doc, "max-filters", d.maxFilters(), 0, Integer.MAX_VALUE),
        durationOf(doc, "filter-timeout", d.filterTimeout()),
        longIn(doc, "gas-cap", d.gasCap(), 1),
        durationOf(doc, "evm-timeout", d.evmTimeout()),
        doc.get(JSON_RPC, "tx-fee-cap")
            .map(v -> ConfigValues.bigInteger(v, key("tx-fee-cap")))
            .orElse(d.txFeeCapWei()),
        workers == 0 ? d.workerThreads() : workers,
        intIn(doc, "max-queued-requests", d.maxQueuedRequests(), 0, Integer.MAX_VALUE));
  }

  private static String key(String name) {
    return "[" + JSON_RPC + "] " + name;
  }

  private static boolean bool(TomlDocument doc, String table, String key, boolean dflt) {
    Optional<TomlValue> v = doc.get(table, key);
    if (v.isEmpty()) {
      return dflt;
    }
    if (v.get() instanceof TomlValue.Bool b) {
      return b.value();
    }
    throw new CliException(
        "[" + table + "] " + key + " must be true or false, found " + v.get().render());
  }

  private static int intIn(TomlDocument doc, String name, int dflt, int min, int max) {
    long v = longIn(doc, name, dflt, min);
    if (v > max) {
      throw new CliException(key(name) + " must be at most " + max + ", got " + v);
    }
    return (int) v;
  }

  private static long longIn(TomlDocument doc, String name, long dflt, long min) {
    long v = doc.getLong(JSON_RPC, name).orElse(dflt);
    if (v < min) {
      throw new CliException(key(name) + " must be at least " + min + ", got " + v);
    }
    return v;
  }

  private static Duration durationOf(TomlDocument doc, String name, Duration dflt) {
    return doc.getString(JSON_RPC, name).map(s -> ConfigValues.duration(s, key(name))).orElse(dflt);
  }

  /**
   * Writes the file: a new one from the template; an existing one edited key by key, setting only
   * the keys whose value differs from what the file says now (comments and layout stay).
   */
  public void write(Path file) throws IOException {
    if (!Files.exists(file)) {
      Files.writeString(file, render(), StandardCharsets.UTF_8);
      return;
    }
    TomlDocument doc = TomlDocument.read(file);
    doc.set(ABCI, "transport", TomlValue.string(transport.configName()));
    doc.set(ABCI, "address", TomlValue.string(abciAddress.toString()));
    doc.set(EVM, "chain_id", TomlValue.integer(evmChainId));
    Map<String, TomlValue> now;
    try {
      now = read(file).values();
    } catch (CliException e) {
      now = Map.of(); // the file has a bad value: write them all
    }
    for (Map.Entry<String, TomlValue> e : values().entrySet()) {
      TomlValue current = now.get(e.getKey());
      if (current == null || !current.render().equals(e.getValue().render())) {
        String[] tableKey = e.getKey().split("\\.", 2);
        doc.set(tableKey[0], tableKey[1], e.getValue());
      }
    }
    doc.write(file);
  }

  /** The [json-rpc] and [state] keys as this config would write them, by "table.key". */
  private Map<String, TomlValue> values() {
    RpcConfig r = jsonRpc;
    Map<String, TomlValue> m = new LinkedHashMap<>();
    m.put("json-rpc.enabled", TomlValue.bool(r.enabled()));
    m.put("json-rpc.address", TomlValue.string(httpAddress().toString()));
    m.put("json-rpc.ws-address", TomlValue.string(wsAddressText()));
    m.put("json-rpc.cors-origins", ConfigValues.stringArray(r.corsOrigins()));
    m.put("json-rpc.allowed-hosts", ConfigValues.stringArray(r.allowedHosts()));
    m.put("json-rpc.allow-unprotected-txs", TomlValue.bool(allowUnprotectedTxs));
    m.put("json-rpc.max-body-bytes", TomlValue.integer(r.maxBodyBytes()));
    m.put("json-rpc.max-batch-items", TomlValue.integer(r.maxBatchItems()));
    m.put("json-rpc.max-response-bytes", TomlValue.integer(r.maxResponseBytes()));
    m.put("json-rpc.max-log-block-range", TomlValue.integer(r.maxLogBlockRange()));
    m.put("json-rpc.max-log-results", TomlValue.integer(r.maxLogResults()));
    m.put("json-rpc.max-ws-connections", TomlValue.integer(r.maxWsConnections()));
    m.put(
        "json-rpc.max-subscriptions-per-connection",
        TomlValue.integer(r.maxSubscriptionsPerConnection()));
    m.put("json-rpc.max-filters", TomlValue.integer(r.maxFilters()));
    m.put("json-rpc.filter-timeout", TomlValue.string(ConfigValues.duration(r.filterTimeout())));
    m.put("json-rpc.gas-cap", TomlValue.integer(r.gasCap()));
    m.put("json-rpc.evm-timeout", TomlValue.string(ConfigValues.duration(r.evmTimeout())));
    m.put("json-rpc.tx-fee-cap", feeCapValue(r.txFeeCapWei()));
    m.put(
        "json-rpc.worker-threads",
        TomlValue.integer(
            r.workerThreads() == RpcConfig.DEFAULT.workerThreads() ? 0 : r.workerThreads()));
    m.put("json-rpc.max-queued-requests", TomlValue.integer(r.maxQueuedRequests()));
    m.put("state.retain-heights", TomlValue.integer(retainHeights));
    return m;
  }

  private static TomlValue feeCapValue(BigInteger wei) {
    return wei.bitLength() < 64
        ? TomlValue.integer(wei.longValueExact())
        : TomlValue.string(wei.toString());
  }

  /** Where the HTTP listener binds. */
  public ListenAddress httpAddress() {
    return new ListenAddress(jsonRpc.host(), jsonRpc.httpPort());
  }

  /** Where the WebSocket listener binds: its own port, or the HTTP port when it has none. */
  public ListenAddress wsAddress() {
    return new ListenAddress(
        jsonRpc.host(), jsonRpc.wsPort() == 0 ? jsonRpc.httpPort() : jsonRpc.wsPort());
  }

  private String wsAddressText() {
    return jsonRpc.wsPort() == 0 ? "" : wsAddress().toString();
  }

  public AppConfig withTransport(AbciTransport t) {
    return new AppConfig(t, abciAddress, evmChainId, jsonRpc, allowUnprotectedTxs, retainHeights);
  }

  public AppConfig withAbciAddress(ListenAddress a) {
    return new AppConfig(transport, a, evmChainId, jsonRpc, allowUnprotectedTxs, retainHeights);
  }

  /** Moves the JSON-RPC listeners to other ports on the same host (ws 0 = no second listener). */
  public AppConfig withJsonRpcPorts(int http, int ws) {
    return new AppConfig(
        transport,
        abciAddress,
        evmChainId,
        jsonRpc.withPorts(http, ws),
        allowUnprotectedTxs,
        retainHeights);
  }

  String render() {
    Map<String, TomlValue> v = values();
    return """
    # zgnode application settings. CometBFT's own settings are in config.toml.

    [abci]
    # How CometBFT reaches the application: "socket" or "grpc". 'zgnode start' passes the
    # matching --abci and --proxy_app to CometBFT; for an external CometBFT (start --no-comet)
    # keep "abci" and "proxy_app" in config.toml in line with these two.
    transport = %s
    # Where the application listens for CometBFT's ABCI connections.
    address = %s

    [evm]
    # EIP-155 chain id. The chain's value is app_state.evm.chain_id in genesis.json;
    # 'zgnode start' refuses to run when the two differ.
    chain_id = %d

    [json-rpc]
    # The Ethereum JSON-RPC (what MetaMask, ethers, viem, Hardhat and Foundry talk to).
    enabled = %s
    # HTTP listener; it accepts WebSocket upgrades too. Keep 127.0.0.1 unless the node sits
    # behind a proxy or firewall: the API is unauthenticated.
    address = %s
    # WebSocket listener (it accepts HTTP POST too), on the same host; "" = none.
    ws-address = %s
    # Origins browser pages may call from, e.g. ["https://app.example"]; ["*"] = any.
    # Empty: no CORS headers, and WebSocket upgrades only from pages on this machine.
    cors-origins = %s
    # Host header values accepted over HTTP ("*" = any), against DNS rebinding. A Host that is
    # an IP address is always accepted.
    allowed-hosts = %s
    # Admit legacy transactions without EIP-155 replay protection (unsafe; geth's
    # --rpc.allow-unprotected-txs).
    allow-unprotected-txs = %s

    # Limits. Going over one is answered with a JSON-RPC error (code -32005 for most).
    # Largest HTTP body or WebSocket message, in bytes (HTTP 413 beyond it).
    max-body-bytes = %s
    # Most requests in one batch array.
    max-batch-items = %s
    # Batch answer size past which the remaining calls answer "response too large".
    max-response-bytes = %s
    # Widest block range of eth_getLogs and log filters.
    max-log-block-range = %s
    # Most logs one eth_getLogs answers.
    max-log-results = %s
    # WebSocket connections open at once (HTTP 503 beyond).
    max-ws-connections = %s
    # eth_subscribe subscriptions one WebSocket connection may hold.
    max-subscriptions-per-connection = %s
    # Filters installed with eth_newFilter and co., all clients together.
    max-filters = %s
    # A filter nobody polls for this long is removed.
    filter-timeout = %s
    # Most gas one eth_call or eth_estimateGas may use.
    gas-cap = %s
    # Longest one eth_call, estimate or trace may run.
    evm-timeout = %s
    # Most fee, in wei, of a transaction sent through eth_sendRawTransaction; 0 = no cap.
    tx-fee-cap = %s
    # Threads that run methods; 0 = twice the CPU cores, at least 4.
    worker-threads = %s
    # Requests waiting for a thread before the server answers "server busy, try again".
    max-queued-requests = %s

    [state]
    # How many recent heights keep their state queryable (balances, storage, eth_call at a
    # height). 0 = every height (archive). A height below the window answers an error that
    # names the earliest height still kept.
    retain-heights = %s

    [genesis]
    # The network's published SHA-256 of config/genesis.json (64 hex digits). When set, start
    # refuses any other genesis file (a node started with the genesis init wrote would fork off
    # on its own). Empty = no check.
    sha256 = ""
    """
        .formatted(
            TomlValue.string(transport.configName()).render(),
            TomlValue.string(abciAddress.toString()).render(),
            evmChainId,
            r(v, "json-rpc.enabled"),
            r(v, "json-rpc.address"),
            r(v, "json-rpc.ws-address"),
            r(v, "json-rpc.cors-origins"),
            r(v, "json-rpc.allowed-hosts"),
            r(v, "json-rpc.allow-unprotected-txs"),
            r(v, "json-rpc.max-body-bytes"),
            r(v, "json-rpc.max-batch-items"),
            r(v, "json-rpc.max-response-bytes"),
            r(v, "json-rpc.max-log-block-range"),
            r(v, "json-rpc.max-log-results"),
            r(v, "json-rpc.max-ws-connections"),
            r(v, "json-rpc.max-subscriptions-per-connection"),
            r(v, "json-rpc.max-filters"),
            r(v, "json-rpc.filter-timeout"),
            r(v, "json-rpc.gas-cap"),
            r(v, "json-rpc.evm-timeout"),
            r(v, "json-rpc.tx-fee-cap"),
            r(v, "json-rpc.worker-threads"),
            r(v, "json-rpc.max-queued-requests"),
            r(v, "state.retain-heights"));
  }

  private static String r(Map<String, TomlValue> v, String key) {
    return v.get(key).render();
  }
}
