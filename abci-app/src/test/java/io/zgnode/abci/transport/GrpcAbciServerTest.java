package io.zgnode.abci.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.zgnode.proto.tendermint.abci.ABCIGrpc;
import io.zgnode.proto.tendermint.abci.RequestCheckTx;
import io.zgnode.proto.tendermint.abci.RequestEcho;
import io.zgnode.proto.tendermint.abci.RequestFinalizeBlock;
import io.zgnode.proto.tendermint.abci.RequestFlush;
import io.zgnode.proto.tendermint.abci.RequestInfo;
import io.zgnode.proto.tendermint.abci.RequestQuery;
import io.zgnode.proto.tendermint.abci.ResponseCheckTx;
import io.zgnode.proto.tendermint.abci.ResponseFinalizeBlock;
import io.zgnode.proto.tendermint.abci.ResponseInfo;
import io.zgnode.proto.tendermint.abci.ResponseQuery;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GrpcAbciServerTest {

  private final RecordingFatalHandler fatal = new RecordingFatalHandler();
  private GrpcAbciServer server;
  private ManagedChannel channel;
  private ABCIGrpc.ABCIBlockingStub stub;

  @BeforeEach
  void start() throws IOException {
    server =
        GrpcAbciServer.start(
            new FakeApplication(),
            new InetSocketAddress("127.0.0.1", 0),
            fatal,
            AbciServer.DEFAULT_MAX_MESSAGE_BYTES);
    channel = NettyChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext().build();
    stub = ABCIGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS);
  }

  @AfterEach
  void stop() throws InterruptedException {
    channel.shutdownNow();
    channel.awaitTermination(10, TimeUnit.SECONDS);
    server.close();
  }

  @Test
  void echoFlushAndInfo() {
    assertEquals(
        "hello", stub.echo(RequestEcho.newBuilder().setMessage("hello").build()).getMessage());
    stub.flush(RequestFlush.getDefaultInstance());
    ResponseInfo info = stub.info(RequestInfo.newBuilder().setVersion("0.38.26").build());
    assertEquals("fake", info.getData());
    assertEquals("0.38.26", info.getVersion());
    assertEquals(0, info.getLastBlockHeight());
  }

  @Test
  void throwingCheckTxComesBackAsNonZeroCodeNotAsGrpcError() {
    ResponseCheckTx response =
        stub.checkTx(
            RequestCheckTx.newBuilder()
                .setTx(ByteString.copyFrom(new byte[] {FakeApplication.POISON}))
                .build());
    assertEquals(GuardedApplication.INTERNAL_ERROR_CODE, response.getCode());
    assertTrue(response.getLog().contains("boom in checkTx"), response.getLog());
    assertEquals(
        0,
        stub.checkTx(RequestCheckTx.newBuilder().setTx(ByteString.copyFromUtf8("ok")).build())
            .getCode());
    assertEquals(List.of(), fatal.calls());
  }

  @Test
  void throwingQueryComesBackAsNonZeroCode() {
    ResponseQuery response = stub.query(RequestQuery.newBuilder().setPath("/boom").build());
    assertEquals(GuardedApplication.INTERNAL_ERROR_CODE, response.getCode());
    assertTrue(response.getLog().contains("boom in query"));
  }

  @Test
  void fatalFinalizeBlockIsAnInternalErrorAndCallsTheHandler() {
    StatusRuntimeException e =
        assertThrows(
            StatusRuntimeException.class,
            () ->
                stub.finalizeBlock(
                    RequestFinalizeBlock.newBuilder()
                        .setHeight(FakeApplication.FATAL_HEIGHT)
                        .build()));
    assertEquals(Status.Code.INTERNAL, e.getStatus().getCode());
    assertTrue(e.getStatus().getDescription().contains("FinalizeBlock"));
    assertEquals(1, fatal.calls().size());
    assertEquals("FinalizeBlock", fatal.calls().get(0).method());

    StatusRuntimeException refused =
        assertThrows(
            StatusRuntimeException.class, () -> stub.info(RequestInfo.getDefaultInstance()));
    assertTrue(refused.getStatus().getDescription().contains("halted"));
    assertEquals(1, fatal.calls().size());
  }

  @Test
  void acceptsBlocksLargerThanGrpcsDefaultLimit() {
    // gRPC servers refuse requests over 4 MiB unless told otherwise; blocks can be ~100 MiB.
    ByteString tx = ByteString.copyFrom(new byte[6 * 1024 * 1024]);
    ResponseFinalizeBlock response =
        stub.finalizeBlock(RequestFinalizeBlock.newBuilder().setHeight(1).addTxs(tx).build());
    assertEquals(6 * 1024 * 1024, response.getTxResults(0).getGasUsed());
  }

  @Test
  void closeTerminates() {
    server.close();
    assertTimeoutPreemptively(Duration.ofSeconds(30), server::awaitTermination);
    assertThrows(StatusRuntimeException.class, () -> stub.echo(RequestEcho.getDefaultInstance()));
  }
}
