package io.zgnode.abci.node;

import io.zgnode.abci.AbciApplication;
import io.zgnode.abci.transport.AbciServer;
import io.zgnode.abci.transport.FatalErrorHandler;
import io.zgnode.abci.transport.GrpcAbciServer;
import io.zgnode.abci.transport.SocketAbciServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * The ABCI endpoint CometBFT connects to: an application served on one transport.
 *
 * <p>The application is called concurrently from CometBFT's four connections and must be
 * thread-safe; the socket transport answers each single connection strictly in order.
 */
public final class AbciNode implements AutoCloseable {

  /** The two ABCI transports of CometBFT; the names are those of its {@code abci} setting. */
  public enum Transport {
    GRPC("grpc"),
    SOCKET("socket");

    private final String configName;

    Transport(String configName) {
      this.configName = configName;
    }

    /** The value of CometBFT's {@code abci} setting in config.toml. */
    public String configName() {
      return configName;
    }

    /**
     * Parses CometBFT's name for a transport, ignoring case and surrounding blanks.
     *
     * @throws IllegalArgumentException for anything but "grpc" or "socket"
     */
    public static Transport parse(String name) {
      if (name != null) {
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        for (Transport transport : values()) {
          if (transport.configName.equals(wanted)) {
            return transport;
          }
        }
      }
      throw new IllegalArgumentException(
          "unknown ABCI transport '" + name + "': expected \"grpc\" or \"socket\"");
    }
  }

  private final AbciServer server;
  private final Transport transport;
  private final String proxyAppAddress;

  private AbciNode(AbciServer server, Transport transport, String proxyAppAddress) {
    this.server = server;
    this.transport = transport;
    this.proxyAppAddress = proxyAppAddress;
  }

  /**
   * Starts serving {@code app} on a TCP port.
   *
   * @param host the interface to bind, normally "127.0.0.1"
   * @param port the TCP port, or 0 for a free one (see {@link #port()})
   * @param onFatal what to do when a method without an error channel fails; use {@link
   *     FatalErrorHandler#exitJvm()} in production
   * @throws IOException if the address cannot be bound
   */
  public static AbciNode start(
      AbciApplication app, Transport transport, String host, int port, FatalErrorHandler onFatal)
      throws IOException {
    Objects.requireNonNull(app, "app");
    Objects.requireNonNull(transport, "transport");
    Objects.requireNonNull(onFatal, "onFatal");
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("the ABCI listen host must not be empty");
    }
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("the ABCI listen port must be in 0..65535: " + port);
    }
    InetSocketAddress address = new InetSocketAddress(host, port);
    AbciServer server =
        switch (transport) {
          case GRPC ->
              GrpcAbciServer.start(app, address, onFatal, AbciServer.DEFAULT_MAX_MESSAGE_BYTES);
          case SOCKET ->
              SocketAbciServer.start(app, address, onFatal, AbciServer.DEFAULT_MAX_MESSAGE_BYTES);
        };
    String hostPort = (host.contains(":") ? "[" + host + "]" : host) + ":" + server.port();
    // CometBFT v0.38.26 dials gRPC through grpc.NewClient, which cannot resolve "tcp://":
    // the gRPC form must be a bare host:port. The socket client accepts (and defaults to) tcp.
    String proxyApp = transport == Transport.GRPC ? hostPort : "tcp://" + hostPort;
    return new AbciNode(server, transport, proxyApp);
  }

  /** Starts serving {@code app} with the socket protocol on a unix domain socket. */
  public static AbciNode startUnix(AbciApplication app, Path socketPath, FatalErrorHandler onFatal)
      throws IOException {
    Objects.requireNonNull(app, "app");
    Objects.requireNonNull(socketPath, "socketPath");
    Objects.requireNonNull(onFatal, "onFatal");
    Path absolute = socketPath.toAbsolutePath();
    AbciServer server =
        SocketAbciServer.start(
            app,
            UnixDomainSocketAddress.of(absolute),
            onFatal,
            AbciServer.DEFAULT_MAX_MESSAGE_BYTES);
    return new AbciNode(server, Transport.SOCKET, "unix://" + absolute);
  }

  public Transport transport() {
    return transport;
  }

  /** The bound TCP port (the real one when 0 was asked for), or -1 on a unix socket. */
  public int port() {
    return server.port();
  }

  /**
   * The value to put in CometBFT's {@code proxy_app} setting to reach this node.
   *
   * <p>gRPC: a bare {@code 127.0.0.1:PORT}. CometBFT v0.38.26 dials through grpc.NewClient, which
   * rejects {@code tcp://127.0.0.1:PORT} ("invalid target address ... too many colons") and then
   * retries Echo forever; {@code passthrough:///127.0.0.1:PORT} works too. Socket: {@code
   * tcp://127.0.0.1:PORT} (a bare address also works, tcp being the default), or {@code
   * unix:///path} for {@link #startUnix}. Verified against the real binary by CometBftTransportIT.
   */
  public String proxyAppAddress() {
    return proxyAppAddress;
  }

  /** Stops serving; waits (bounded) for calls in progress. Idempotent. */
  @Override
  public void close() {
    server.close();
  }

  /**
   * Blocks until {@link #close()} has completed (for a main thread that has nothing else to do).
   */
  public void awaitTermination() throws InterruptedException {
    server.awaitTermination();
  }
}
