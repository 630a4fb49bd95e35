package io.zgnode.abci.transport;

/** A running ABCI server on one transport. */
public sealed interface AbciServer extends AutoCloseable permits GrpcAbciServer, SocketAbciServer {

  /**
   * The default limit for one message. CometBFT's largest possible block is 100 MiB (its
   * MaxBlockSizeBytes); a FinalizeBlock or PrepareProposal carrying one needs a little more, and
   * anything far beyond that is garbage or an attack.
   */
  int DEFAULT_MAX_MESSAGE_BYTES = 128 * 1024 * 1024;

  /** The bound TCP port, or -1 for a unix socket. */
  int port();

  /** Stops accepting, closes the connections and waits (bounded) for in-flight calls. */
  @Override
  void close();

  /** Blocks until {@link #close()} has completed. */
  void awaitTermination() throws InterruptedException;
}
