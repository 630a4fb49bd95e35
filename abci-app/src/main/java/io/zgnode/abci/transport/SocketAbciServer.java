package io.zgnode.abci.transport;

import io.zgnode.abci.AbciApplication;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The ABCI socket protocol server ({@code abci = "socket"} in CometBFT), on TCP or a unix socket.
 *
 * <p>Each accepted connection gets its own thread and is answered strictly in request order.
 * CometBFT opens four (consensus, mempool, query, snapshot) that run concurrently; the server does
 * not serialize calls across them, so the application must be thread-safe.
 */
public final class SocketAbciServer implements AbciServer {

  private static final System.Logger LOG = System.getLogger(SocketAbciServer.class.getName());
  private static final long CLOSE_WAIT_MILLIS = 10_000;

  private final ServerSocketChannel listener;
  private final SocketAddress boundAddress;
  private final RequestDispatcher dispatcher;
  private final int maxMessageBytes;
  private final Thread acceptor;
  private final Set<SocketConnection> connections = ConcurrentHashMap.newKeySet();
  private final Set<Thread> connectionThreads = ConcurrentHashMap.newKeySet();
  private final AtomicInteger connectionCount = new AtomicInteger();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final CountDownLatch terminated = new CountDownLatch(1);

  private SocketAbciServer(
      ServerSocketChannel listener, RequestDispatcher dispatcher, int maxMessageBytes)
      throws IOException {
    this.listener = listener;
    this.boundAddress = listener.getLocalAddress();
    this.dispatcher = dispatcher;
    this.maxMessageBytes = maxMessageBytes;
    this.acceptor = new Thread(this::acceptLoop, "abci-socket-accept");
    this.acceptor.setDaemon(true);
  }

  /**
   * Binds and starts serving.
   *
   * @param address an {@link InetSocketAddress} (port 0 picks a free port) or a {@link
   *     UnixDomainSocketAddress} (a stale socket file at that path is replaced)
   * @param maxMessageBytes frames announcing more than this close their connection
   */
  public static SocketAbciServer start(
      AbciApplication app, SocketAddress address, FatalErrorHandler onFatal, int maxMessageBytes)
      throws IOException {
    Objects.requireNonNull(address, "address");
    if (maxMessageBytes <= 0) {
      throw new IllegalArgumentException("maxMessageBytes must be positive: " + maxMessageBytes);
    }
    RequestDispatcher dispatcher = new RequestDispatcher(new GuardedApplication(app, onFatal));
    ServerSocketChannel listener = open(address);
    SocketAbciServer server = new SocketAbciServer(listener, dispatcher, maxMessageBytes);
    server.acceptor.start();
    LOG.log(Level.INFO, "ABCI socket server listening on " + server.boundAddress);
    return server;
  }

  private static ServerSocketChannel open(SocketAddress address) throws IOException {
    ServerSocketChannel listener;
    if (address instanceof UnixDomainSocketAddress unix) {
      Path path = unix.getPath();
      if (Files.isDirectory(path) || Files.isRegularFile(path)) {
        throw new IOException("cannot bind the ABCI unix socket: " + path + " is not a socket");
      }
      Files.deleteIfExists(path);
      listener = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    } else if (address instanceof InetSocketAddress inet) {
      if (inet.isUnresolved()) {
        throw new IOException("cannot resolve the ABCI listen host " + inet.getHostString());
      }
      listener = ServerSocketChannel.open();
      listener.setOption(StandardSocketOptions.SO_REUSEADDR, true);
    } else {
      throw new IllegalArgumentException("unsupported address type: " + address.getClass());
    }
    try {
      listener.bind(address);
    } catch (IOException e) {
      listener.close();
      throw new IOException("cannot bind the ABCI socket server to " + address, e);
    }
    return listener;
  }

  /** The bound address (with the real port when 0 was asked for). */
  public SocketAddress localAddress() {
    return boundAddress;
  }

  @Override
  public int port() {
    return boundAddress instanceof InetSocketAddress inet ? inet.getPort() : -1;
  }

  private void acceptLoop() {
    try {
      while (!closed.get()) {
        SocketChannel channel = listener.accept();
        if (channel.getRemoteAddress() instanceof InetSocketAddress) {
          // Small request/answer messages: Nagle's delay would only add latency.
          channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        }
        String name = "abci-socket-" + connectionCount.incrementAndGet();
        SocketConnection connection =
            new SocketConnection(channel, name, dispatcher, maxMessageBytes);
        Thread thread =
            new Thread(
                () -> {
                  try {
                    connection.run();
                  } finally {
                    connections.remove(connection);
                    connectionThreads.remove(Thread.currentThread());
                  }
                },
                name);
        thread.setDaemon(true);
        connections.add(connection);
        connectionThreads.add(thread);
        if (closed.get()) {
          connection.close();
        }
        thread.start();
        LOG.log(Level.DEBUG, () -> name + ": accepted");
      }
    } catch (ClosedChannelException e) {
      // close() closed the listener: the normal way out.
    } catch (IOException e) {
      if (!closed.get()) {
        LOG.log(Level.ERROR, "ABCI socket server stopped accepting: " + e.getMessage(), e);
      }
    }
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      listener.close();
    } catch (IOException e) {
      LOG.log(Level.WARNING, "error closing the ABCI listener: " + e.getMessage());
    }
    for (SocketConnection connection : connections) {
      connection.close();
    }
    long deadline = System.nanoTime() + CLOSE_WAIT_MILLIS * 1_000_000;
    List<Thread> threads = new ArrayList<>(connectionThreads);
    threads.add(acceptor);
    boolean interrupted = false;
    for (Thread thread : threads) {
      long leftMillis = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
      try {
        thread.join(leftMillis);
      } catch (InterruptedException e) {
        interrupted = true;
      }
      if (thread.isAlive()) {
        LOG.log(
            Level.WARNING,
            thread.getName() + " is still inside an application call after close; not waiting");
      }
    }
    if (boundAddress instanceof UnixDomainSocketAddress unix) {
      try {
        Files.deleteIfExists(unix.getPath());
      } catch (IOException e) {
        LOG.log(Level.WARNING, "cannot remove the ABCI unix socket file: " + e.getMessage());
      }
    }
    terminated.countDown();
    LOG.log(Level.INFO, "ABCI socket server on " + boundAddress + " closed");
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void awaitTermination() throws InterruptedException {
    terminated.await();
  }
}
