package io.zgnode.abci.transport;

import com.google.protobuf.InvalidProtocolBufferException;
import io.zgnode.proto.tendermint.abci.Request;
import io.zgnode.proto.tendermint.abci.Response;
import io.zgnode.proto.tendermint.abci.ResponseException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;

/**
 * One CometBFT connection of the socket protocol, served by one thread: read a frame, answer it,
 * repeat. Answers therefore leave in exactly the order the requests came.
 *
 * <p>Answers are buffered and written out when CometBFT sends Flush (which it does after each
 * synchronous call), and also whenever no further request is already waiting in the input buffer,
 * so a client that pipelines requests without a Flush is never left waiting on a full buffer.
 */
final class SocketConnection implements Runnable {

  private static final System.Logger LOG = System.getLogger(SocketConnection.class.getName());
  private static final int BUFFER_BYTES = 64 * 1024;

  private final SocketChannel channel;
  private final String name;
  private final RequestDispatcher dispatcher;
  private final int maxMessageBytes;
  private volatile boolean closing;

  SocketConnection(
      SocketChannel channel, String name, RequestDispatcher dispatcher, int maxMessageBytes) {
    this.channel = channel;
    this.name = name;
    this.dispatcher = dispatcher;
    this.maxMessageBytes = maxMessageBytes;
  }

  String name() {
    return name;
  }

  /** Closes the socket from another thread; a blocked read then ends the loop. */
  void close() {
    closing = true;
    closeQuietly();
  }

  @Override
  public void run() {
    try {
      serve();
    } catch (FrameTooLargeException e) {
      LOG.log(Level.WARNING, name + ": " + e.getMessage() + "; closing the connection");
    } catch (InvalidProtocolBufferException e) {
      LOG.log(
          Level.WARNING,
          name + ": undecodable ABCI request (" + e.getMessage() + "); closing the connection");
    } catch (IOException e) {
      if (!closing) {
        LOG.log(Level.WARNING, name + ": connection failed: " + e.getMessage());
      }
    } catch (RuntimeException e) {
      LOG.log(Level.ERROR, name + ": unexpected failure; closing the connection", e);
    } finally {
      closeQuietly();
    }
  }

  private void serve() throws IOException {
    InputStream in = new BufferedInputStream(Channels.newInputStream(channel), BUFFER_BYTES);
    OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER_BYTES);
    while (true) {
      byte[] frame = VarintFraming.readFrame(in, maxMessageBytes);
      if (frame == null) {
        LOG.log(Level.DEBUG, () -> name + ": closed by the client");
        return;
      }
      Request request = Request.parseFrom(frame);
      Response response;
      try {
        response = dispatcher.dispatch(request);
      } catch (FatalAbciException e) {
        // Tell CometBFT why, then stop answering on this connection.
        write(
            out,
            Response.newBuilder()
                .setException(ResponseException.newBuilder().setError(e.getMessage()))
                .build());
        out.flush();
        LOG.log(Level.ERROR, name + ": closing after a fatal error: " + e.getMessage());
        return;
      }
      write(out, response);
      if (request.hasFlush() || in.available() == 0) {
        out.flush();
      }
    }
  }

  private static void write(OutputStream out, Response response) throws IOException {
    VarintFraming.writeLength(out, response.getSerializedSize());
    response.writeTo(out);
  }

  private void closeQuietly() {
    try {
      channel.close();
    } catch (IOException e) {
      LOG.log(Level.DEBUG, () -> name + ": error while closing: " + e.getMessage());
    }
  }
}
