package io.zgnode.abci.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.zgnode.proto.tendermint.abci.Request;
import io.zgnode.proto.tendermint.abci.RequestCheckTx;
import io.zgnode.proto.tendermint.abci.RequestCommit;
import io.zgnode.proto.tendermint.abci.RequestEcho;
import io.zgnode.proto.tendermint.abci.RequestFinalizeBlock;
import io.zgnode.proto.tendermint.abci.RequestFlush;
import io.zgnode.proto.tendermint.abci.RequestInfo;
import io.zgnode.proto.tendermint.abci.RequestProcessProposal;
import io.zgnode.proto.tendermint.abci.RequestQuery;
import io.zgnode.proto.tendermint.abci.Response;
import io.zgnode.proto.tendermint.abci.ResponseProcessProposal.ProposalStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SocketAbciServerTest {

  private static final Duration DEADLINE = Duration.ofSeconds(30);

  private final RecordingFatalHandler fatal = new RecordingFatalHandler();
  private SocketAbciServer server;

  @BeforeEach
  void start() throws IOException {
    server =
        SocketAbciServer.start(
            new FakeApplication(),
            new InetSocketAddress("127.0.0.1", 0),
            fatal,
            AbciServer.DEFAULT_MAX_MESSAGE_BYTES);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private SocketTestClient client() throws IOException {
    return SocketTestClient.connect(server.localAddress());
  }

  private static Request echo(String message) {
    return Request.newBuilder().setEcho(RequestEcho.newBuilder().setMessage(message)).build();
  }

  private static Request flush() {
    return Request.newBuilder().setFlush(RequestFlush.getDefaultInstance()).build();
  }

  private static Request checkTx(byte... tx) {
    return Request.newBuilder()
        .setCheckTx(RequestCheckTx.newBuilder().setTx(ByteString.copyFrom(tx)))
        .build();
  }

  private static Request finalizeBlock(long height, ByteString... txs) {
    return Request.newBuilder()
        .setFinalizeBlock(
            RequestFinalizeBlock.newBuilder().setHeight(height).addAllTxs(Arrays.asList(txs)))
        .build();
  }

  private static Request info() {
    return Request.newBuilder().setInfo(RequestInfo.newBuilder().setVersion("0.38.26")).build();
  }

  @Test
  void pipelinedRequestsInOneWriteAreAnsweredInOrder() throws Exception {
    try (SocketTestClient client = client()) {
      client.writeRaw(
          SocketTestClient.frames(
              echo("first"),
              info(),
              checkTx((byte) 1, (byte) 2, (byte) 3),
              echo("second"),
              Request.newBuilder().setCommit(RequestCommit.getDefaultInstance()).build(),
              flush()));

      assertEquals("first", client.read().getEcho().getMessage());
      Response info = client.read();
      assertEquals("fake", info.getInfo().getData());
      assertEquals("0.38.26", info.getInfo().getVersion());
      Response checkTx = client.read();
      assertEquals(0, checkTx.getCheckTx().getCode());
      assertEquals(3, checkTx.getCheckTx().getGasWanted());
      assertEquals("second", client.read().getEcho().getMessage());
      assertEquals(Response.ValueCase.COMMIT, client.read().getValueCase());
      assertEquals(Response.ValueCase.FLUSH, client.read().getValueCase());
    }
  }

  @Test
  void frameSplitAcrossManySmallWritesIsReassembled() throws Exception {
    byte[] bigTx = new byte[20_000];
    Arrays.fill(bigTx, (byte) 7);
    byte[] bytes =
        SocketTestClient.frames(
            finalizeBlock(
                5,
                ByteString.copyFrom(bigTx),
                ByteString.copyFromUtf8("a"),
                ByteString.copyFrom(bigTx)),
            flush());
    try (SocketTestClient client = client()) {
      // Byte by byte through the length prefix, then in odd-sized pieces.
      int offset = 0;
      while (offset < bytes.length) {
        int piece = offset < 8 ? 1 : Math.min(997, bytes.length - offset);
        client.writeRaw(Arrays.copyOfRange(bytes, offset, offset + piece));
        offset += piece;
      }
      Response response = client.read();
      assertEquals(3, response.getFinalizeBlock().getTxResultsCount());
      assertEquals(20_000, response.getFinalizeBlock().getTxResults(0).getGasUsed());
      assertEquals(1, response.getFinalizeBlock().getTxResults(1).getGasUsed());
      assertEquals("3", response.getFinalizeBlock().getAppHash().toStringUtf8());
      assertEquals(Response.ValueCase.FLUSH, client.read().getValueCase());
    }
  }

  @Test
  void oversizedLengthClosesOnlyThatConnection() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    VarintFraming.writeLength(bytes, 200 * 1024 * 1024);
    bytes.write(new byte[] {1, 2, 3});
    try (SocketTestClient client = client()) {
      client.writeRaw(bytes.toByteArray());
      assertTrue(client.closedByServer(), "the server must drop a 200 MiB frame");
    }
    try (SocketTestClient client = client()) {
      client.send(echo("still serving"), flush());
      assertEquals("still serving", client.read().getEcho().getMessage());
    }
    assertEquals(List.of(), fatal.calls());
  }

  @Test
  void undecodableFrameClosesTheConnection() throws Exception {
    try (SocketTestClient client = client()) {
      client.writeRaw(new byte[] {3, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF});
      assertTrue(client.closedByServer());
    }
  }

  @Test
  void emptyEnvelopeIsAnsweredWithAnException() throws Exception {
    try (SocketTestClient client = client()) {
      client.writeRaw(new byte[] {0});
      Response response = client.read();
      assertEquals(Response.ValueCase.EXCEPTION, response.getValueCase());
      client.send(echo("after"), flush());
      assertEquals("after", client.read().getEcho().getMessage());
    }
  }

  @Test
  void throwingCheckTxIsAnsweredWithNonZeroCode() throws Exception {
    try (SocketTestClient client = client()) {
      client.send(checkTx(FakeApplication.POISON, (byte) 1), checkTx((byte) 1), flush());
      Response failed = client.read();
      assertEquals(GuardedApplication.INTERNAL_ERROR_CODE, failed.getCheckTx().getCode());
      assertTrue(
          failed.getCheckTx().getLog().contains("boom in checkTx"), failed.getCheckTx().getLog());
      assertEquals(0, client.read().getCheckTx().getCode());
      assertEquals(Response.ValueCase.FLUSH, client.read().getValueCase());
    }
    assertEquals(List.of(), fatal.calls(), "a CheckTx failure is never fatal");
  }

  @Test
  void queryAndProcessProposalFailuresUseTheirErrorChannels() throws Exception {
    try (SocketTestClient client = client()) {
      client.send(
          Request.newBuilder().setQuery(RequestQuery.newBuilder().setPath("/boom")).build(),
          Request.newBuilder()
              .setProcessProposal(
                  RequestProcessProposal.newBuilder()
                      .addTxs(ByteString.copyFrom(new byte[] {FakeApplication.POISON})))
              .build(),
          flush());
      Response query = client.read();
      assertEquals(GuardedApplication.INTERNAL_ERROR_CODE, query.getQuery().getCode());
      assertTrue(query.getQuery().getLog().contains("boom in query"));
      assertEquals(ProposalStatus.REJECT, client.read().getProcessProposal().getStatus());
      assertEquals(Response.ValueCase.FLUSH, client.read().getValueCase());
    }
    assertEquals(List.of(), fatal.calls());
  }

  @Test
  void fatalFinalizeBlockCallsTheHandlerOnceAndStopsAnswering() throws Exception {
    try (SocketTestClient client = client()) {
      client.send(finalizeBlock(FakeApplication.FATAL_HEIGHT), flush());
      Response response = client.read();
      assertEquals(Response.ValueCase.EXCEPTION, response.getValueCase());
      assertTrue(response.getException().getError().contains("FinalizeBlock"));
      assertTrue(client.closedByServer(), "no answer may follow a fatal error");
    }
    assertEquals(1, fatal.calls().size());
    assertEquals("FinalizeBlock", fatal.calls().get(0).method());
    assertEquals("boom in finalizeBlock", fatal.calls().get(0).cause().getMessage());

    // Other connections refuse methods without an error channel from now on ...
    try (SocketTestClient client = client()) {
      client.send(info(), flush());
      Response refused = client.read();
      assertEquals(Response.ValueCase.EXCEPTION, refused.getValueCase());
      assertTrue(refused.getException().getError().contains("halted"));
    }
    // ... while CheckTx still answers through its own error channel.
    try (SocketTestClient client = client()) {
      client.send(checkTx((byte) 1), flush());
      assertEquals(GuardedApplication.INTERNAL_ERROR_CODE, client.read().getCheckTx().getCode());
    }
    assertEquals(1, fatal.calls().size(), "the handler is told only once");
  }

  @Test
  void concurrentConnectionsAreEachAnsweredInOrder() throws Exception {
    int connections = 4;
    int requestsPerConnection = 300;
    ExecutorService pool = Executors.newFixedThreadPool(connections);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int c = 0; c < connections; c++) {
        String prefix = "conn" + c + "-";
        results.add(
            pool.submit(() -> {
              try (SocketTestClient client = client()) {
                // Batches of 50 pipelined requests, the last one a Flush, as CometBFT does.
                int answered = 0;
                for (int batch = 0; batch < requestsPerConnection / 50; batch++) {
                  List<Request> requests = new ArrayList<>();
                  for (int i = 0; i < 49; i++) {
                    requests.add(echo(prefix + (batch * 49 + i)));
                  }
                  requests.add(flush());
                  client.send(requests.toArray(Request[]::new));
                  for (int i = 0; i < 49; i++) {
                    assertEquals(prefix + (batch * 49 + i), client.read().getEcho().getMessage());
                    answered++;
                  }
                  assertEquals(Response.ValueCase.FLUSH, client.read().getValueCase());
                }
                return answered;
              }
            }));
      }
      for (Future<Integer> result : results) {
        assertEquals(requestsPerConnection / 50 * 49, result.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void closeDropsConnectionsAndRefusesNewOnes() throws Exception {
    int port = server.port();
    try (SocketTestClient client = client()) {
      client.send(echo("before"), flush());
      assertEquals("before", client.read().getEcho().getMessage());
      assertEquals(Response.ValueCase.FLUSH, client.read().getValueCase());
      server.close();
      assertTrue(client.closedByServer());
    }
    assertTimeoutPreemptively(DEADLINE, server::awaitTermination);
    assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", port).close());
    server.close(); // idempotent
  }

  @Test
  void servesOnUnixSocket(@TempDir Path dir) throws Exception {
    Path path = dir.resolve("abci.sock");
    SocketAbciServer unix =
        SocketAbciServer.start(
            new FakeApplication(),
            UnixDomainSocketAddress.of(path),
            fatal,
            AbciServer.DEFAULT_MAX_MESSAGE_BYTES);
    try (SocketTestClient client = SocketTestClient.connect(unix.localAddress())) {
      assertEquals(-1, unix.port());
      client.send(echo("over unix"), checkTx((byte) 9), flush());
      assertEquals("over unix", client.read().getEcho().getMessage());
      assertEquals(1, client.read().getCheckTx().getGasWanted());
      assertEquals(Response.ValueCase.FLUSH, client.read().getValueCase());
    } finally {
      unix.close();
    }
    assertTrue(Files.notExists(path), "close removes the socket file");
  }

  @Test
  void answersAreByteExactDelimitedProtobuf() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(10_000);
      // Echo "hi" then Flush, as CometBFT's Go client encodes them (unsigned varint lengths).
      socket.getOutputStream().write(new byte[] {6, 0x0a, 4, 0x0a, 2, 'h', 'i', 2, 0x12, 0});
      byte[] expected = {6, 0x12, 4, 0x0a, 2, 'h', 'i', 2, 0x1a, 0};
      byte[] actual = socket.getInputStream().readNBytes(expected.length);
      assertArrayEquals(expected, actual);
    }
  }
}
