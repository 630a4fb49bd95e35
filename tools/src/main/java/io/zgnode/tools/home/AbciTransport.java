package io.zgnode.tools.home;

import io.zgnode.tools.CliException;
import java.util.Locale;

/** How CometBFT reaches the application: ABCI over a socket or over gRPC. */
public enum AbciTransport {
  SOCKET("socket"),
  GRPC("grpc");

  /**
   * What goes before {@code host:port} in CometBFT's {@code proxy_app} for gRPC. Since v0.38.13
   * CometBFT dials with {@code grpc.NewClient}, which reads {@code tcp://127.0.0.1:26658} as a DNS
   * name and never connects ("too many colons in address"); a bare {@code 127.0.0.1:26658} works
   * (checked against v0.38.26 with abci-cli's gRPC kvstore). Kept in one place in case a later
   * release wants {@code passthrough:///}.
   */
  public static final String GRPC_PROXY_APP_PREFIX = "";

  /** What goes before {@code host:port} for the socket transport (CometBFT's own default form). */
  public static final String SOCKET_PROXY_APP_PREFIX = "tcp://";

  private final String configName;

  AbciTransport(String configName) {
    this.configName = configName;
  }

  /** The name CometBFT's {@code abci} setting and {@code --abci} flag use. */
  public String configName() {
    return configName;
  }

  /** CometBFT's {@code proxy_app} for an application listening on {@code address}. */
  public String proxyApp(ListenAddress address) {
    return (this == GRPC ? GRPC_PROXY_APP_PREFIX : SOCKET_PROXY_APP_PREFIX) + address;
  }

  public static AbciTransport parse(String name) {
    String n = name.strip().toLowerCase(Locale.ROOT);
    for (AbciTransport t : values()) {
      if (t.configName.equals(n)) {
        return t;
      }
    }
    throw new CliException("unknown ABCI transport '" + name + "' (expected grpc or socket)");
  }

  @Override
  public String toString() {
    return configName;
  }
}
