package io.zgnode.abci.transport;

import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.zgnode.abci.AbciApplication;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * The ABCI gRPC server ({@code abci = "grpc"} in CometBFT): service {@code tendermint.abci.ABCI}
 * over plaintext HTTP/2.
 *
 * <p>CometBFT's gRPC client calls without deadlines, so a slow method blocks that connection's
 * caller; calls from its several clients run concurrently on gRPC's executor.
 *
 * <p>In CometBFT v0.38.26 the client dials with {@code grpc.NewClient}, whose default resolver does
 * not understand {@code tcp://}: configure {@code proxy_app} as a plain {@code host:port}.
 */
public final class GrpcAbciServer implements AbciServer {

  private static final System.Logger LOG = System.getLogger(GrpcAbciServer.class.getName());
  private static final long CLOSE_WAIT_MILLIS = 10_000;

  private final Server server;
  private final InetSocketAddress requested;

  private GrpcAbciServer(Server server, InetSocketAddress requested) {
    this.server = server;
    this.requested = requested;
  }

  /**
   * Binds and starts serving.
   *
   * @param address where to listen (port 0 picks a free port)
   * @param maxMessageBytes the largest request accepted (gRPC's own default is only 4 MiB, less
   *     than one full block)
   */
  public static GrpcAbciServer start(
      AbciApplication app,
      InetSocketAddress address,
      FatalErrorHandler onFatal,
      int maxMessageBytes)
      throws IOException {
    Objects.requireNonNull(address, "address");
    if (maxMessageBytes <= 0) {
      throw new IllegalArgumentException("maxMessageBytes must be positive: " + maxMessageBytes);
    }
    if (address.isUnresolved()) {
      throw new IOException("cannot resolve the ABCI listen host " + address.getHostString());
    }
    AbciGrpcService service = new AbciGrpcService(new GuardedApplication(app, onFatal));
    Server server =
        NettyServerBuilder.forAddress(address, InsecureServerCredentials.create())
            .addService(service)
            .maxInboundMessageSize(maxMessageBytes)
            .build();
    try {
      server.start();
    } catch (IOException e) {
      throw new IOException("cannot bind the ABCI gRPC server to " + address, e);
    }
    GrpcAbciServer started = new GrpcAbciServer(server, address);
    LOG.log(
        Level.INFO,
        "ABCI gRPC server listening on " + address.getHostString() + ":" + started.port());
    return started;
  }

  @Override
  public int port() {
    return server.getPort();
  }

  @Override
  public void close() {
    if (server.isShutdown()) {
      return;
    }
    server.shutdown();
    boolean interrupted = false;
    try {
      if (!server.awaitTermination(CLOSE_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
        LOG.log(Level.WARNING, "ABCI gRPC calls still running after close; cancelling them");
        server.shutdownNow();
      }
    } catch (InterruptedException e) {
      interrupted = true;
      server.shutdownNow();
    }
    LOG.log(Level.INFO, "ABCI gRPC server on " + requested.getHostString() + " closed");
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void awaitTermination() throws InterruptedException {
    server.awaitTermination();
  }
}
