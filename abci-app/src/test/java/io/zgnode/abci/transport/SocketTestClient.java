package io.zgnode.abci.transport;

import io.zgnode.proto.tendermint.abci.Request;
import io.zgnode.proto.tendermint.abci.Response;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;

/** A minimal client of the ABCI socket protocol, as CometBFT speaks it, for tests. */
final class SocketTestClient implements AutoCloseable {

  private static final int READ_TIMEOUT_MILLIS = 10_000;

  private final AutoCloseable connection;
  private final InputStream in;
  private final OutputStream out;

  private SocketTestClient(AutoCloseable connection, InputStream in, OutputStream out) {
    this.connection = connection;
    this.in = in;
    this.out = out;
  }

  static SocketTestClient connect(SocketAddress address) throws IOException {
    if (address instanceof UnixDomainSocketAddress) {
      SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
      channel.connect(address);
      return new SocketTestClient(
          channel,
          new BufferedInputStream(Channels.newInputStream(channel)),
          Channels.newOutputStream(channel));
    }
    InetSocketAddress inet = (InetSocketAddress) address;
    Socket socket = new Socket("127.0.0.1", inet.getPort());
    socket.setTcpNoDelay(true);
    socket.setSoTimeout(READ_TIMEOUT_MILLIS);
    return new SocketTestClient(
        socket, new BufferedInputStream(socket.getInputStream()), socket.getOutputStream());
  }

  /** The frames of {@code requests}, concatenated, as one byte array. */
  static byte[] frames(Request... requests) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (Request request : requests) {
      VarintFraming.writeLength(bytes, request.getSerializedSize());
      request.writeTo(bytes);
    }
    return bytes.toByteArray();
  }

  void writeRaw(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  void send(Request... requests) throws IOException {
    writeRaw(frames(requests));
  }

  /** Reads one response; fails if the server closed the connection instead. */
  Response read() throws IOException {
    byte[] frame = VarintFraming.readFrame(in, Integer.MAX_VALUE);
    if (frame == null) {
      throw new IOException("the server closed the connection instead of answering");
    }
    return Response.parseFrom(frame);
  }

  /** Whether the server has closed the connection (end of stream, or reset). */
  boolean closedByServer() throws IOException {
    try {
      return in.read() < 0;
    } catch (java.net.SocketException e) {
      return true;
    }
  }

  @Override
  public void close() throws Exception {
    connection.close();
  }
}
